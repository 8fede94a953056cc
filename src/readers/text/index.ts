import type { Footnote, Inline, QuestionsDocument } from '../../model/document.js';
import { plainText, trimEndInlines } from '../../model/inline.js';
import { InputError, warning, type Read, type Warning } from '../../model/result.js';
import { LANGUAGES } from '../../model/languages.js';
import { assemble, type AssembledDocument } from '../assemble/index.js';
import { hasQuestionHeading } from '../assemble/classify.js';
import { decodeText } from './decode.js';
import type { EndMatter, LineHint, SourceLine, SourceLines } from '../assemble/lines.js';
import { sourceOf, withMetadata } from '../metadata.js';
import { splitEndMatter } from './end-matter.js';
import { ownValue } from '../assemble/blocks.js';
import { hintTableCells } from './table-cells.js';
import { layoutLines, NOTE_LINE, type LayoutLine } from './layout.js';
import { DEFAULT_MAX_FOOTNOTES, DEFAULT_MAX_TEXT_LINES } from '../limits.js';
import { fromPdfText, sourceLineNumbers } from './pdf-text.js';
import { undefinedReference, unreferencedNote } from '../assemble/footnotes.js';

/**
 * Reader for text extractions of a Questions document (`008C.txt`: what Apache Tika writes
 * for a DOCX). Stage 1 (`readTextLines`) turns the text into `SourceLine`s; `assemble()` then
 * builds the model, as it does for the DOCX reader.
 *
 * Keeps: every non-blank line, trailing whitespace trimmed and nothing else (leading spaces,
 *   full-width punctuation and literal heading numbers or list markers stay for `assemble`).
 * Turns into structure:
 *   - `[footnoteRef:N]` → a footnote reference inline;
 *   - `[N: text]` at the end of a line → the text of footnote N (Tika inlines the note after
 *     the paragraph that references it; brackets inside the note are fine if balanced);
 *   - lines starting with a TAB → table cells: one cell per line, rows separated by blank
 *     lines, the first row being the header;
 *   - cells one a line without a TAB (LibreOffice, mammoth): Table 1 known by its header labels
 *     after its caption (./table-cells.ts);
 *   - paragraphs separated by blank lines (pandoc's plain text): wrapped lines joined, numbered
 *     headings with a space, grid tables, pandoc's notes (./layout.ts);
 *   - end matter: the `______` rule and what follows it, or the trailing lines of the file,
 *     when they are the page footer (`L:\008C.DOCX<TAB>27.01.21<TAB>25.11.19`) or image file
 *     names (`image1.png`).
 * Drops: `[bookmark: NAME]` markers wherever they stand, without a warning: they are Word's
 *   named anchors (TOC targets, `_GoBack`), carry no text, and every extraction has dozens of
 *   them, so a warning would only bury the ones worth reading. Blank lines (once tables are
 *   cells they carry no meaning).
 * Warns: footnote texts without a reference and references without a text (`footnote.unreferenced`,
 *   `footnote.undefined`, as every reader: ../assemble/footnotes.ts; the text is kept in the message), a
 *   second text for one footnote (`footnote.duplicate`), footer or image lines found amid the content
 *   (`endMatter.outOfPlace`, they stay content), a second footer (`endMatter.extraFooter`).
 * Not handled yet: cells spanning rows or columns, nested tables, notes with unbalanced brackets.
 */

// Names never hold brackets: excluding `[` keeps a line of unclosed markers linear.
const BOOKMARK = /\[bookmark:[^[\]\n]*\]/gu;
const FOOTNOTE_REF = /\[footnoteRef:(\d+)\]/gu;
/** The start of Tika's inlined note: `[1:  text]`. */
const NOTE_START = /\[(\d+):/uy;

/** A source line after noise removal, before it becomes a `SourceLine`. */
interface CleanLine {
  /** 1-based line number in the source. */
  number: number;
  /** Bookmarks and footnote texts removed, trailing whitespace trimmed, cell TAB removed. */
  text: string;
  /** The line started with a TAB: a table cell in Tika's flattening. */
  cell: boolean;
  /** Footnote texts that ended this line. */
  notes: readonly Footnote[];
  /** The layout says: a heading of this level (./layout.ts). */
  heading?: number;
}

export interface TextReadOptions {
  /** Force the language table instead of detecting it (`zh`). */
  language?: string;
  /** The most lines read (DEFAULT_MAX_TEXT_LINES if unset). */
  maxLines?: number;
  /** The most footnotes (DEFAULT_MAX_FOOTNOTES if unset). */
  maxFootnotes?: number;
}

/** Bytes of a text extraction → the model: decode, stage 1, assemble, metadata. */
export function readText(bytes: Uint8Array, file: string, options: TextReadOptions = {}): Read<QuestionsDocument> {
  const decoded = decodeText(bytes, file);
  const maxLines = options.maxLines ?? DEFAULT_MAX_TEXT_LINES;
  const count = lineCount(decoded.text, maxLines);
  if (count > maxLines) {
    throw new InputError(
      file,
      '',
      `too many lines for a text input: over ${maxLines.toLocaleString('en-US')} (--max-lines): refused`,
      'input.tooLarge',
    );
  }
  // A PDF's text is first turned back into the lines of a text extraction (src/readers/text/pdf-text.ts);
  // warnings then name the lines of the PDF's text.
  const pdf = fromPdfText(decoded.text);
  const numbers = pdf === undefined ? undefined : sourceLineNumbers(decoded.text, pdf);
  const read = readExtraction(pdf ?? decoded.text, file, options, numbers);
  const source = { ...sourceOf(file, 'text', bytes), encoding: decoded.encoding, lineEndings: decoded.lineEndings };
  return { value: withMetadata(read.value.document, read.value.endMatter, source), warnings: read.warnings };
}

/**
 * The lines of a text extraction (Tika's layout, or what ./pdf-text.ts made of a PDF's text) →
 * the assembled model and the end matter. The PDF reader (../pdf/index.ts) comes in here too.
 */
export function readExtraction(
  text: string,
  file: string,
  options: TextReadOptions,
  /** The line of the source each line of `text` comes from (see `readTextLines`). */
  numbers?: readonly number[],
): Read<{ document: AssembledDocument; endMatter: EndMatter }> {
  const tables = options.language ? [ownValue(LANGUAGES, options.language)].filter((t) => t !== undefined) : Object.values(LANGUAGES);
  const linesOf = (joinBlocks: boolean) => {
    const read = readTextLines(text, file, options.maxFootnotes ?? DEFAULT_MAX_FOOTNOTES, numbers, joinBlocks);
    read.value.lines = hintTableCells(read.value.lines, tables);
    return read;
  };
  // Blocks of lines are joined as paragraphs where the text separates paragraphs by blank lines
  // (./layout.ts). A web page copied as text does so too, but its first block is furniture,
  // heading and continuation note, each a line of its own: where the joined lines hold no
  // Question heading of the document's form, the text is read line by line (the web layouts).
  let lines = linesOf(true);
  const texts = lines.value.lines.map((line) => plainText(line.content));
  if (!tables.some((table) => hasQuestionHeading(lines.value.lines, texts, table))) lines = linesOf(false);
  const assembled = assemble(lines.value, { file, ...(options.language ? { language: options.language } : {}) });
  return {
    value: { document: assembled.value, endMatter: lines.value.endMatter },
    warnings: [...lines.warnings, ...assembled.warnings],
  };
}

/** Lines of a text, counted without splitting it, up to one past `most`. */
function lineCount(text: string, most: number): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at !== -1 && count <= most; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Stage 1: normalised text (LF line endings) → source lines, footnotes and end matter. */
export function readTextLines(
  text: string,
  file: string,
  maxFootnotes = DEFAULT_MAX_FOOTNOTES,
  /** The line of the file each line of `text` comes from, when `text` was rebuilt from it. */
  lineNumbers?: readonly number[],
  /** Join the lines of a block into a paragraph where the text separates paragraphs by blank lines. */
  joinBlocks = true,
): Read<SourceLines> {
  // Loops, not flatMap or push(...): a text of a million lines stays one pass, one array.
  const cleaned: CleanLine[] = [];
  const raw = text.split('\n');
  for (const laid of joinBlocks ? layoutLines(raw) : raw.map((line, i) => ({ number: i + 1, text: line }))) {
    const line = cleanLine(lineNumbers ? { ...laid, number: lineNumbers[laid.number - 1] ?? laid.number } : laid);
    if (line) cleaned.push(line);
  }
  const split = splitEndMatter(notesAfterTheirParagraph(cleaned), file);
  const hints = tableHints(split.body);
  const notes = resolveFootnotes(split.body, file, maxFootnotes);
  const lines: SourceLine[] = [];
  split.body.forEach((line, index) => {
    if (line.text === '') return;
    const content = toInlines(line.text, notes.known);
    if (content.length === 0) return;
    const hint = hints[index] ?? (line.heading === undefined ? undefined : { kind: 'heading' as const, level: line.heading });
    lines.push(hint ? { content, hint, where: { file, line: line.number } } : { content, where: { file, line: line.number } });
  });
  return {
    value: { lines, footnotes: notes.footnotes, endMatter: split.endMatter },
    warnings: split.warnings.concat(notes.warnings),
  };
}

const NO_NOTES: readonly Footnote[] = Object.freeze([]);

/**
 * Notes printed right after the paragraph that marks them, one line each (`…隐私[1]以及…`, then
 * `[1] 根据WTSA第2号决议…`), as tsag's text writer prints them: each becomes that paragraph's
 * footnote, its `[1]` the reference. Only directly after the paragraph (blank lines and other
 * such lines between them allowed) and only for a mark that paragraph holds; anything else
 * stays text.
 */
function notesAfterTheirParagraph(lines: CleanLine[]): CleanLine[] {
  const out: CleanLine[] = [];
  let paragraph = -1;
  /** The paragraph line copied to take notes (copied once: many notes on one line stay linear). */
  let copied: (CleanLine & { notes: Footnote[] }) | undefined;
  for (const line of lines) {
    // The text is trimmed at its end (cleanLine): a note's text is never empty.
    const note = line.cell ? undefined : NOTE_LINE.exec(line.text)?.groups;
    const id = note?.['id'] ?? '';
    const owner = paragraph >= 0 && out[paragraph]?.text.includes(`[${id}]`) ? out[paragraph] : undefined;
    if (note && owner) {
      if (copied !== owner) {
        copied = { ...owner, notes: [...owner.notes] };
        out[paragraph] = copied;
      }
      copied.text = copied.text.replace(`[${id}]`, `[footnoteRef:${id}]`);
      copied.notes.push({ id, text: (note['text'] ?? '').trim() });
      continue;
    }
    out.push(line);
    // A blank line between them is the layout's (paragraphs separated by blank lines).
    if (line.cell) paragraph = -1;
    else if (line.text.trim() !== '') paragraph = out.length - 1;
  }
  return out;
}

/** A line that held only bookmarks disappears entirely (undefined), so that it never splits a table row. */
function cleanLine(laid: LayoutLine): CleanLine | undefined {
  const { number, text: raw } = laid;
  let text = raw.includes('[bookmark:') ? raw.replace(BOOKMARK, '') : raw;
  if (text !== raw && text.trim() === '' && raw.trim() !== '' && !raw.startsWith('\t')) return undefined;
  let notes: Footnote[] | undefined = laid.notes?.slice().reverse();
  for (let found = trailingNote(text); found; found = trailingNote(text)) {
    notes ??= [];
    notes.push(found.note);
    text = found.rest;
  }
  const tab = text.startsWith('\t');
  const cell = laid.cell === true || tab;
  // Found from the end backwards: reversed once, into source order.
  const clean: CleanLine = { number, text: (tab ? text.slice(1) : text).trimEnd(), cell, notes: notes ? notes.reverse() : NO_NOTES };
  if (laid.heading !== undefined) clean.heading = laid.heading;
  return clean;
}

/**
 * The note that ends a line, found by matching brackets backwards from the final `]` (a
 * regular expression anchored at the end would rescan the line from every position).
 */
function trailingNote(line: string): { note: Footnote; rest: string } | undefined {
  const end = line.trimEnd();
  if (!end.endsWith(']')) return undefined;
  let depth = 0;
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i] === ']') depth++;
    else if (end[i] === '[' && --depth === 0) {
      NOTE_START.lastIndex = i;
      const start = NOTE_START.exec(end);
      if (!start) return undefined;
      const text = end.slice(i + start[0].length, -1).trim();
      return { note: { id: start[1] ?? '', text }, rest: end.slice(0, i) };
    }
  }
  return undefined;
}

/**
 * Table hints for Tika's flattened tables: a run of TAB lines is one row, one cell per line;
 * blank lines separate rows; any other line ends the table. A run of TAB lines that are all
 * empty is a blank line; an empty cell inside a row still takes its column.
 */
function tableHints(lines: readonly CleanLine[]): (LineHint | undefined)[] {
  const withText = runsWithText(lines);
  const hints: (LineHint | undefined)[] = [];
  let row = -1;
  let column = 0;
  let rowOpen = false;
  lines.forEach((line, index) => {
    if (line.cell && withText[index]) {
      if (!rowOpen) {
        row += 1;
        column = 0;
      }
      rowOpen = true;
      hints.push({ kind: 'tableCell', row, column, header: row === 0 });
      column += 1;
      return;
    }
    hints.push(undefined);
    rowOpen = false;
    if (line.text !== '') row = -1; // a paragraph ends the table; the next one starts at row 0
  });
  return hints;
}

/** For each line: is it in a run of TAB lines of which at least one holds text? */
function runsWithText(lines: readonly CleanLine[]): boolean[] {
  const result: boolean[] = new Array<boolean>(lines.length).fill(false);
  let start = 0;
  while (start < lines.length) {
    let end = start;
    let hasText = false;
    for (; lines[end]?.cell; end++) if (lines[end]?.text !== '') hasText = true;
    result.fill(hasText, start, end);
    start = Math.max(end, start + 1);
  }
  return result;
}

interface ResolvedNotes {
  footnotes: Footnote[];
  /** Ids that have both a reference and a text. */
  known: ReadonlySet<string>;
  warnings: Warning[];
}

/** Pairs footnote texts with references; either one alone is reported and left out. */
function resolveFootnotes(lines: readonly CleanLine[], file: string, maxFootnotes: number): ResolvedNotes {
  const referenced = new Map<string, number>();
  for (const line of lines) {
    if (!line.text.includes('[footnoteRef:')) continue;
    for (const match of line.text.matchAll(FOOTNOTE_REF)) {
      const id = match[1] ?? '';
      if (!referenced.has(id)) referenced.set(id, line.number);
      if (referenced.size > maxFootnotes) {
        throw new InputError(
          file,
          `${line.number}`,
          `more than ${maxFootnotes.toLocaleString('en-US')} footnotes (the limit; --max-footnotes): refused (document too large)`,
          'input.tooLarge',
        );
      }
    }
  }
  const warnings: Warning[] = [];
  const footnotes: Footnote[] = [];
  // A set, not a search of `footnotes`: 150 000 notes would cost 10^10 comparisons.
  const known = new Set<string>();
  for (const line of lines) {
    for (const note of line.notes) {
      const where = { file, line: line.number };
      if (!referenced.has(note.id)) {
        warnings.push(unreferencedNote(note, where));
      } else if (known.has(note.id)) {
        warnings.push(warning('footnote.duplicate', where, `second text for footnote ${note.id}, left out: ${note.text}`));
      } else {
        footnotes.push(note);
        known.add(note.id);
      }
    }
  }
  for (const [id, line] of referenced) {
    if (!known.has(id)) {
      warnings.push(undefinedReference(id, { file, line }));
    }
  }
  return { footnotes, known, warnings };
}

/** Text with `[footnoteRef:N]` markers → inlines; references to unknown notes are dropped. */
function toInlines(text: string, known: ReadonlySet<string>): Inline[] {
  if (!text.includes('[footnoteRef:')) return text === '' ? [] : [{ type: 'text', value: text }];
  const parts = text.split(FOOTNOTE_REF);
  const content: Inline[] = [];
  parts.forEach((part, index) => {
    // split() with a capture group alternates: text, id, text, id, …
    if (index % 2 === 0) content.push({ type: 'text', value: part });
    else if (known.has(part)) content.push({ type: 'footnoteReference', id: part });
  });
  return trimEndInlines(content);
}
