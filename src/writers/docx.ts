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
 *
 * How: `docx` writes the package around the content (styles, numbering, settings, properties),
 * compiled once per language from an empty document; the body, footnotes and footer are written
 * as text by `docx/emit.ts`, exactly as `docx` writes the same layout built from its objects
 * (`docx/blocks.ts`, which the redline of a diff uses), and spliced in. Building and compiling
 * `docx`'s objects took 35 of the 45 ms this writer took for 008C; it now takes 5–8 ms.
 */
import { Document, Footer, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { ParagraphChild } from 'docx';
import type { QuestionsDocument } from '../model/document.js';
import { languageTable, type LanguageTable } from '../model/languages.js';
import type { BlockContext, BodyElement } from './docx/blocks.js';
import { emitBody, emitFooter, emitFootnotes, escape, hyperlinkRelationships, type Hyperlink } from './docx/emit.js';
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
const FOOTER_TAB_POSITIONS = [6804, 8504];
const FOOTER_TABS = FOOTER_TAB_POSITIONS.map((position) => ({ type: TabStopType.LEFT, position }));

export async function writeDocx(doc: QuestionsDocument): Promise<Uint8Array> {
  const table = languageTable(doc.metadata.language);
  const footnoteNumbers = new Map(doc.footnotes.map((footnote, i) => [footnote.id, i + 1]));
  const context: BlockContext = { table, footnoteNumbers };
  const parts = new Map(packageTemplate(table, doc.metadata.footer !== undefined));
  const body = emitBody(doc, context);
  const footnotes = emitFootnotes(doc, context);

  const edit = (name: string, change: (xml: string) => string): void => {
    const xml = parts.get(name);
    if (typeof xml !== 'string') throw new Error(`the DOCX template has no ${name}`);
    parts.set(name, change(xml));
  };
  edit(DOCUMENT, (xml) => insertAt(xml, xml.indexOf('<w:body>') + '<w:body>'.length, body.xml));
  edit(FOOTNOTES, (xml) => insertAt(xml, xml.lastIndexOf('</w:footnotes>'), footnotes.xml));
  edit(relsPath(DOCUMENT), (xml) => addRelationships(xml, body.hyperlinks));
  edit(relsPath(FOOTNOTES), (xml) => addRelationships(xml, footnotes.hyperlinks));
  // `docx` writes no `dc:title` for an empty title.
  const { title } = doc.questionsHeading;
  edit(CORE, (xml) => xml.replace(`<dc:title>${PLACEHOLDER}</dc:title>`, () => (title === '' ? '' : `<dc:title>${escape(title)}</dc:title>`)));
  const { footer } = doc.metadata;
  if (footer !== undefined) {
    const name = [...parts.keys()].find((part) => /^word\/footer\d+\.xml$/.test(part)) ?? '';
    edit(name, (xml) => xml.replace(/<w:p>.*<\/w:p>/s, () => emitFooter(footer, FOOTER_TAB_POSITIONS)));
  }
  return normalizeParts(parts, { language: table.word.language, rightToLeft: table.word.rtl });
}

const DOCUMENT = 'word/document.xml';
const FOOTNOTES = 'word/footnotes.xml';
const CORE = 'docProps/core.xml';
/** The text the template is compiled with where the document's own goes (title, footer path). */
const PLACEHOLDER = 'tsag:title';

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function insertAt(xml: string, index: number, inserted: string): string {
  if (index < 0) throw new Error('the DOCX template is not as expected');
  return xml.slice(0, index) + inserted + xml.slice(index);
}

/**
 * Adds hyperlink relationships where and as `docx` lists them: after the relationships of the
 * parts, before the font table's, which `docx` adds once the content is compiled and so numbers
 * after the hyperlinks (`rId8` in an empty document, `rId15` after 7 hyperlinks).
 */
function addRelationships(rels: string, hyperlinks: readonly Hyperlink[]): string {
  if (hyperlinks.length === 0) return rels;
  const added = hyperlinkRelationships(hyperlinks);
  const fontTable = /<Relationship Id="rId(\d+)"( [^>]*Type="[^"]*\/fontTable")/.exec(rels);
  if (fontTable !== null) {
    const renumbered = `<Relationship Id="rId${Number(fontTable[1]) + hyperlinks.length}"${fontTable[2]}`;
    return rels.slice(0, fontTable.index) + added + renumbered + rels.slice(fontTable.index + fontTable[0].length);
  }
  if (rels.includes('</Relationships>')) return insertAt(rels, rels.lastIndexOf('</Relationships>'), added);
  return rels.replace(/<Relationships([^>]*)\/>/, (_, attributes: string) => `<Relationships${attributes}>${added}</Relationships>`);
}

/**
 * The package of an empty document in the language's styles, with a placeholder title, and a
 * placeholder footer when `withFooter`: what `docx` writes around the content. Compiled once per
 * language and footer, since it does not depend on the document (a copy is edited per document).
 */
const templates = new WeakMap<object, Map<boolean, ReadonlyMap<string, string | Uint8Array>>>();

function packageTemplate(table: LanguageTable, withFooter: boolean): ReadonlyMap<string, string | Uint8Array> {
  let byFooter = templates.get(table.word);
  if (byFooter === undefined) templates.set(table.word, (byFooter = new Map()));
  let template = byFooter.get(withFooter);
  if (template === undefined) {
    template = compileParts(
      documentFor({ questionsHeading: { number: '', title: PLACEHOLDER } }, table, {
        body: [],
        footnotes: [],
        ...(withFooter ? { footer: pageFooter({ path: PLACEHOLDER, dates: [] }) } : {}),
      }),
    );
    byFooter.set(withFooter, template);
  }
  return template;
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
  const parts = compileParts(documentFor(doc, table, content));
  return normalizeParts(parts, { language: table.word.language, rightToLeft: table.word.rtl });
}

/** `docx`'s document of `content`, with the page, styles and properties every tsag DOCX has. */
function documentFor(doc: Pick<QuestionsDocument, 'questionsHeading'>, table: LanguageTable, content: DocxContent): Document {
  return new Document({
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
