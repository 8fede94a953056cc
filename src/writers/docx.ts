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
 * - fonts by script (East Asian font for CJK) and `w:lang` from the language table;
 *   `dc:title` (the Questions heading) and `dc:language` in the package properties;
 * - the page footer as found (path, then the dates after tabs).
 *
 * What it leaves out: the header image (the model keeps only its file name) and the
 * model's source information. Output is deterministic: see `docx/package.ts`.
 */
import { Document, Footer, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { QuestionsDocument } from '../model/document.js';
import { languageTable } from '../model/languages.js';
import { bodyElements } from './docx/blocks.js';
import type { BlockContext } from './docx/blocks.js';
import { linkedTextRuns } from './docx/inlines.js';
import { normalizePackage } from './docx/package.js';
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
  const document = new Document({
    title: doc.questionsHeading.title,
    creator: 'tsag',
    lastModifiedBy: 'tsag',
    revision: 1,
    defaultTabStop: TAB_STOP,
    styles: documentStyles(table.word),
    footnotes: Object.fromEntries(
      doc.footnotes.map((footnote, i) => [
        String(i + 1),
        { children: [new Paragraph({ style: STYLE.footnoteText, children: linkedTextRuns(footnote.text) })] },
      ]),
    ),
    sections: [
      {
        properties: { page: PAGE },
        ...(doc.metadata.footer === undefined ? {} : { footers: { default: pageFooter(doc.metadata.footer) } }),
        children: bodyElements(doc, context),
      },
    ],
  });
  const packed = await Packer.toBuffer(document);
  return normalizePackage(new Uint8Array(packed), { language: table.word.language });
}

function pageFooter({ path, dates }: { path: string; dates: string[] }): Footer {
  const children: (string | Tab)[] = [path];
  for (const date of dates) children.push(new Tab(), date);
  const paragraph = new Paragraph({ style: STYLE.footer, tabStops: FOOTER_TABS, children: [new TextRun({ children })] });
  return new Footer({ children: [paragraph] });
}
