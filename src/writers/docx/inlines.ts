import { ExternalHyperlink, FootnoteReferenceRun, Tab, TextRun } from 'docx';
import type { IRunOptions, ParagraphChild } from 'docx';
import type { Inline } from '../../model/document.js';
import { findUrls } from '../../model/work-programme.js';
import { HYPERLINK_STYLE } from './styles.js';

/** What inline rendering needs from the document around it. */
export interface InlineContext {
  /** Word's footnote number (1, 2, …) for each model footnote id. */
  footnoteNumbers: ReadonlyMap<string, number>;
}

/**
 * Makes the run that holds a piece of text: a plain `TextRun` here; the redline of a diff
 * (src/diff/render-docx.ts) passes one that makes tracked insertions or deletions instead.
 */
export type RunMaker = (options: IRunOptions) => ParagraphChild;

export const plainRun: RunMaker = (options) => new TextRun(options);

/** A piece of text: plain, or a URL to render as a link. */
export type TextPiece = { kind: 'text'; value: string } | { kind: 'url'; value: string };

/**
 * Splits text into plain pieces and the http(s) URLs inside it (found as the readers find them),
 * the text otherwise unchanged: joining the pieces' values gives the text back.
 */
export function splitUrls(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const { url, index } of findUrls(text)) {
    if (index > at) pieces.push({ kind: 'text', value: text.slice(at, index) });
    pieces.push({ kind: 'url', value: url });
    at = index + url.length;
  }
  if (at < text.length) pieces.push({ kind: 'text', value: text.slice(at) });
  return pieces;
}

/**
 * The runs of a text: tabs as `w:tab` elements, not as characters inside `w:t`, so that Word,
 * LibreOffice and text extraction all see a tab.
 */
export function textRuns(text: string, style?: string, run: RunMaker = plainRun): ParagraphChild[] {
  if (text === '') return [];
  const children: (string | Tab)[] = [];
  text.split('\t').forEach((part, i) => {
    if (i > 0) children.push(new Tab());
    if (part !== '') children.push(part);
  });
  return [run(style === undefined ? { children } : { children, style })];
}

/** Runs of text with its URLs as external hyperlinks; the URL is the link's visible text. */
export function linkedTextRuns(text: string, run: RunMaker = plainRun): ParagraphChild[] {
  return splitUrls(text).flatMap((piece): ParagraphChild[] =>
    piece.kind === 'text'
      ? textRuns(piece.value, undefined, run)
      : [new ExternalHyperlink({ link: piece.value, children: textRuns(piece.value, HYPERLINK_STYLE, run) })],
  );
}

/** The runs of inline content: text with linked URLs, and real Word footnote references. */
export function inlineRuns(content: readonly Inline[], context: InlineContext): ParagraphChild[] {
  return content.flatMap((inline): ParagraphChild[] => {
    switch (inline.type) {
      case 'text':
        return linkedTextRuns(inline.value);
      case 'footnoteReference':
        return [new FootnoteReferenceRun(footnoteNumber(inline.id, context))];
      default:
        return assertNever(inline);
    }
  });
}

export function footnoteNumber(id: string, context: InlineContext): number {
  const n = context.footnoteNumbers.get(id);
  // The model promises that every reference names a footnote: a dangling one is a bug upstream.
  if (n === undefined) throw new Error(`footnote reference to unknown footnote "${id}"`);
  return n;
}

export function assertNever(value: never): never {
  throw new Error(`unexpected node: ${JSON.stringify(value)}`);
}
