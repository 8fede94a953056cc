/**
 * The DOCX writer: renders the model as a Word document laid out as ITU lays out its texts.
 *
 * What it writes:
 * - headings in Word's built-in `Heading1`–`3` styles (names `heading 1`…), numbers as literal
 *   text then a tab as ITU does: level 1 the front matter heading and the Questions heading
 *   (`1\t引言`), level 2 each Question (`A\t第1/20号课题 – …`, bookmarked `Q1_20`), level 3
 *   each section (`A.1\t目的`);
 * - the ITU template's paragraph styles: `Normal`; `Call` for list lead-ins and relationship group
 *   labels (as in 008C.docx); `Questionhistory` for the continuation note; `enumlev1`–`3` for
 *   list items, with the marker (`–`, `•`) as literal text and a tab, not Word numbering;
 *   `Table_title`, `Table_head`, `Table_text` for Table 1, which is a real bordered table whose
 *   header row repeats on every page;
 * - footnotes as real Word footnotes; every http(s) URL in text as a link showing the URL;
 * - fonts by script (East Asian font for CJK) and `w:lang` from the language table; for a
 *   right-to-left language (`word.rtl`: Arabic), `w:bidi` paragraphs and `w:rtl` runs (docx/rtl.ts);
 *   `dc:title` (the Questions heading) and `dc:language` in the package properties;
 * - the page footer as found (path, then the dates after tabs).
 *
 * What it leaves out: the header image (the model keeps only its file name) and the
 * model's source information. Output is deterministic: see `docx/package.ts`.
 */
import { Document, Footer, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { ParagraphChild } from 'docx';
import type { QuestionsDocument } from '../model/document.js';
import { languageTable } from '../model/languages.js';
import { bodyElements } from './docx/blocks.js';
import type { BlockContext, BodyElement } from './docx/blocks.js';
import { linkedTextRuns } from './docx/inlines.js';
import { normalizeParts } from './docx/package.js';
import { STYLE, documentStyles } from './docx/styles.js';

export { questionBookmarks } from './docx/blocks.js';
export { inlineRuns, splitUrls } from './docx/inlines.js';

// A4 with ITU's margins (twips): 9638 of text width, the width of Table 1.
const PAGE = {
  size: { width: 11906, height: 16838 },
  margin: { top: 1418, bottom: 1134, left: 1134, right: 1134, header: 567, footer: 567 },
};
const TAB_STOP = 794;
// ITU footers: the file path, then the dates at two tab stops.
const FOOTER_TABS = [6804, 8504].map((position) => ({ type: TabStopType.LEFT, position }));

export async function writeDocx(doc: QuestionsDocument): Promise<Uint8Array> {
  const table = languageTable(doc.metadata.language);
  const footnoteNumbers = new Map(doc.footnotes.map((footnote, i) => [footnote.id, i + 1]));
  const context: BlockContext = { table, footnoteNumbers };
  return packDocx(doc, {
    body: bodyElements(doc, context),
    footnotes: doc.footnotes.map((footnote) => [footnoteParagraph(linkedTextRuns(footnote.text))]),
    ...(doc.metadata.footer === undefined ? {} : { footer: pageFooter(doc.metadata.footer) }),
  });
}

/** What fills the page: the body, footnote `n` at index `n - 1`, the page footer. */
export interface DocxContent {
  body: BodyElement[];
  footnotes: Paragraph[][];
  footer?: Footer;
}

/**
 * Packs content in the document every tsag DOCX has (page, styles, properties of `doc`),
 * then normalises the package. writeDocx and the redline of a diff both end here, so they
 * lay out alike.
 */
export async function packDocx(doc: QuestionsDocument, content: DocxContent): Promise<Uint8Array> {
  const table = languageTable(doc.metadata.language);
  const document = new Document({
    title: doc.questionsHeading.title,
    creator: 'tsag',
    lastModifiedBy: 'tsag',
    revision: 1,
    defaultTabStop: TAB_STOP,
    styles: documentStyles(table.word),
    footnotes: Object.fromEntries(content.footnotes.map((children, i) => [String(i + 1), { children }])),
    sections: [
      {
        properties: { page: PAGE },
        ...(content.footer === undefined ? {} : { footers: { default: content.footer } }),
        children: content.body,
      },
    ],
  });
  return normalizeParts(compileParts(document), { language: table.word.language, rightToLeft: table.word.rtl });
}

/** What docx 9.15's compiler gives for a part: XML as text, media and fonts as bytes. */
type CompiledPart = string | Uint8Array | ArrayBuffer | ArrayBufferView;
interface PackerInternals {
  compiler: { compile(file: Document): Map<string, CompiledPart> };
}

/**
 * The parts of the package, unzipped: what `Packer.pack` zips (`Packer.compiler` is private in
 * docx's typings, but is what every `Packer` method calls). `normalizeParts` zips them once;
 * zipping here too and unzipping there cost as much as the zip itself.
 */
function compileParts(document: Document): Map<string, string | Uint8Array> {
  const compiled = (Packer as unknown as PackerInternals).compiler.compile(document);
  const parts = new Map<string, string | Uint8Array>();
  for (const [path, data] of compiled) {
    parts.set(
      path,
      typeof data === 'string'
        ? data
        : ArrayBuffer.isView(data)
          ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
          : new Uint8Array(data),
    );
  }
  return parts;
}

/** A footnote's paragraph. */
export function footnoteParagraph(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ style: STYLE.footnoteText, children });
}

export function pageFooter({ path, dates }: { path: string; dates: string[] }): Footer {
  const children: (string | Tab)[] = [path];
  for (const date of dates) children.push(new Tab(), date);
  return footerWith([new TextRun({ children })]);
}

/** The page footer holding `children`: one paragraph with ITU's footer tab stops. */
export function footerWith(children: ParagraphChild[]): Footer {
  const paragraph = new Paragraph({ style: STYLE.footer, tabStops: FOOTER_TABS, children });
  return new Footer({ children: [paragraph] });
}
