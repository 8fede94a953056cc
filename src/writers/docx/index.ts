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
 *   right-to-left language (`word.rtl`: Arabic), `w:bidi` paragraphs, `w:rtl` runs and a
 *   `w:bidiVisual` Table 1; `dc:title` (the Questions heading) and `dc:language` in the package
 *   properties;
 * - the page footer as found (path, then the dates after tabs).
 *
 * What it leaves out: the header image (the model keeps only its file name) and the
 * model's source information. Output is deterministic: see `docx/package.ts`.
 *
 * How: the layout is written as text by `docx/emit.ts` (which the redline of a diff writes
 * through too); `docx` writes the parts around it (styles, numbering, settings), `docx/package.ts`.
 */
import type { QuestionsDocument } from '../../model/document.js';
import { languageTable } from '../../model/languages.js';
import { DocumentIds, PartWriter, writeBody, writeFootnotes, writePageFooter, type BlockContext } from './emit.js';
import { packDocx } from './package.js';

export { questionBookmarks, splitUrls } from './emit.js';

export async function writeDocx(doc: QuestionsDocument): Promise<Uint8Array> {
  const table = languageTable(doc.metadata.language);
  const footnoteNumbers = new Map(doc.footnotes.map((footnote, i) => [footnote.id, i + 1]));
  const context: BlockContext = { table, footnoteNumbers };
  const ids = new DocumentIds();
  const body = new PartWriter(context, ids);
  writeBody(body, doc);
  const footnotes = new PartWriter(context, ids);
  writeFootnotes(footnotes, doc);
  const { footer } = doc.metadata;
  let footerPart: PartWriter | undefined;
  if (footer !== undefined) {
    footerPart = new PartWriter(context, ids);
    writePageFooter(footerPart, footer);
  }
  return packDocx({
    title: doc.questionsHeading.title,
    word: table.word,
    body,
    footnotes,
    ...(footerPart === undefined ? {} : { footer: footerPart }),
  });
}
