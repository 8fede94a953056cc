/**
 * The layout of a tsag DOCX, written as WordprocessingML text: the body, the footnotes and the
 * page footer of writeDocx, and the same layout with tracked changes for the redline of a diff
 * (src/diff/docx/elements.ts writes its lines through the same `PartWriter`). This is the one
 * place that knows how a paragraph, a run, a link, a footnote reference, Table 1 or a tracked
 * change is written; the package around it (styles, numbering, settings) comes from `docx`
 * (./package.ts).
 *
 * Right to left (`word.rtl` of the language table: Arabic) is written here, where each element
 * is written, in the place the schema's sequences give it (ECMA-376 Part 1: `w:bidi` after
 * `w:pStyle` and `w:tabs` in CT_PPr, before `w:rPr`; `w:rtl` after `w:rStyle` in CT_RPr;
 * `w:bidiVisual` first in CT_TblPr): every paragraph `w:bidi`, every run `w:rtl`, Table 1
 * `w:bidiVisual`. The text itself is never reordered: OOXML, like the model, stores logical order.
 *
 * Why text and not `docx`'s objects: building and compiling the objects took 49–94 ms for 008C,
 * writing the same XML as text 7–12 ms (README, "Writing DOCX").
 */
import type {
  Block,
  FrontBlock,
  Inline,
  List,
  NumberedHeading,
  Paragraph,
  Question,
  QuestionTable,
  QuestionsDocument,
  RelationshipGroup,
} from '../../model/document.js';
import { QUESTION_TABLE_FIELDS } from '../../model/document.js';
import { plainText } from '../../model/inline.js';
import type { LanguageTable } from '../../model/languages.js';
import { assertNever } from '../../model/never.js';
import { findUrls } from '../../model/work-programme.js';
import { dropXmlChars } from '../characters.js';
import { listRows } from '../list-rows.js';
import { HYPERLINK_STYLE, STYLE, enumlevStyle, headingStyle } from './styles.js';

/** What the layout needs: the language's labels and settings, and the document's footnote numbers. */
export interface BlockContext {
  table: LanguageTable;
  /** Word's footnote number (1, 2, …) for each model footnote id. */
  footnoteNumbers: ReadonlyMap<string, number>;
}

/** A tracked change: an inserted or a deleted run, paragraph mark or table row. */
export type Revision = 'insert' | 'delete';

/** The author of every tracked change. */
export const REVISION_AUTHOR = 'tsag';
/** The date written wherever a date is due (tracked changes, package properties): never the clock. */
export const FIXED_DATE = '2000-01-01T00:00:00Z';

/**
 * The ids of one document's bookmarks and tracked changes, shared by its parts: Word wants one id
 * space for all annotations. Bookmarks count from 0; tracked changes from `firstRevision`
 * (after the bookmarks), in the order they are written: the body, then the footer, then the notes.
 */
export class DocumentIds {
  private bookmarks = 0;
  private revisions: number;
  private readonly by: string;

  /** `author` and `date` mark every tracked change (a redline's `--author`, `--date`). */
  constructor(firstRevision = 0, author = REVISION_AUTHOR, date = FIXED_DATE) {
    this.revisions = firstRevision;
    this.by = `w:author="${escapeXml(author)}" w:date="${escapeXml(date)}"`;
  }

  bookmark(): number {
    return this.bookmarks++;
  }

  /** The attributes of the next tracked change: its id, the one author, the one date. */
  revision(): string {
    return `w:id="${this.revisions++}" ${this.by}`;
  }
}

/** The longest URL fragment Word keeps in `w:anchor`. */
const MAX_ANCHOR_LENGTH = 255;

/**
 * A URL as Word stores an external link: the part before the first `#` as the relationship's
 * target, the fragment (1 to 255 characters) in `w:anchor`.
 */
export function hyperlinkTarget(url: string): { target: string; anchor?: string } {
  const index = url.indexOf('#');
  const fragment = url.length - index - 1;
  return index > 0 && fragment > 0 && fragment <= MAX_ANCHOR_LENGTH ? { target: url.slice(0, index), anchor: url.slice(index + 1) } : { target: url };
}

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
 * Writes the XML of one part (the body, the notes, the footer), collecting the hyperlinks its
 * relationships must list. A link's relationship id depends on what else the part's
 * relationships hold, known only when the package is put together: `xml(ids)` fills it in.
 */
export class PartWriter {
  /** The target of each hyperlink, in the order written. */
  readonly hyperlinks: string[] = [];
  /** The XML, in pieces: joined once, into a flat string, where `+=` would build a rope that every later search must flatten first. */
  private readonly out: string[] = [];
  /** Where in `out` each hyperlink's relationship id goes. */
  private readonly linkSlots: number[] = [];
  private readonly rtl: boolean;

  constructor(
    readonly context: BlockContext,
    readonly ids: DocumentIds,
  ) {
    this.rtl = context.table.word.rtl;
  }

  /** The part's XML, hyperlink `i` pointing at relationship `relationshipIds[i]`. */
  xml(relationshipIds: readonly string[] = []): string {
    this.linkSlots.forEach((slot, i) => {
      this.out[slot] = escapeXml(relationshipIds[i] ?? '');
    });
    return this.out.join('');
  }

  raw(xml: string): void {
    this.out.push(xml);
  }

  /** A paragraph of `style`, its mark inserted or deleted when `mark` says so; `content` writes its runs. */
  paragraph(style: string, content: () => void, mark?: Revision, tabs?: readonly number[]): void {
    this.out.push(`<w:p><w:pPr><w:pStyle w:val="${escapeXml(style)}"/>`);
    if (tabs !== undefined) this.out.push(`<w:tabs>${tabs.map((position) => `<w:tab w:val="left" w:pos="${position}"/>`).join('')}</w:tabs>`);
    if (this.rtl) this.out.push('<w:bidi/>');
    if (mark !== undefined) this.out.push(`<w:rPr>${this.revisionMark(mark)}</w:rPr>`);
    this.out.push('</w:pPr>');
    content();
    this.out.push('</w:p>');
  }

  /** `w:ins` or `w:del` with no content: the mark of a paragraph or a table row. */
  private revisionMark(mark: Revision): string {
    return `<w:${mark === 'insert' ? 'ins' : 'del'} ${this.ids.revision()}/>`;
  }

  /** `content` inside `w:ins` or `w:del` when `revision` says so. */
  private revised(revision: Revision | undefined, content: () => void): void {
    if (revision === undefined) return content();
    const tag = revision === 'insert' ? 'w:ins' : 'w:del';
    this.out.push(`<${tag} ${this.ids.revision()}>`);
    content();
    this.out.push(`</${tag}>`);
  }

  /** A run's properties: its character style, and `w:rtl` right to left. */
  runProperties(style?: string): string {
    if (style === undefined && !this.rtl) return '';
    return `<w:rPr>${style === undefined ? '' : `<w:rStyle w:val="${escapeXml(style)}"/>`}${this.rtl ? '<w:rtl/>' : ''}</w:rPr>`;
  }

  /**
   * One run holding `text`, tabs as `w:tab` elements (not characters inside `w:t`, so that Word,
   * LibreOffice and text extraction all see a tab); deleted text as `w:delText`. Nothing for empty text.
   */
  textRun(text: string, style?: string, revision?: Revision): void {
    if (text === '') return;
    const element = revision === 'delete' ? 'w:delText' : 'w:t';
    this.revised(revision, () => {
      this.out.push(`<w:r>${this.runProperties(style)}`);
      text.split('\t').forEach((part, i) => {
        if (i > 0) this.out.push('<w:tab/>');
        if (part !== '') this.out.push(`<${element} xml:space="preserve">${escapeXml(part)}</${element}>`);
      });
      this.out.push('</w:r>');
    });
  }

  /** Text with its URLs as external hyperlinks showing the URL. */
  linkedText(text: string, revision?: Revision): void {
    for (const piece of splitUrls(text)) {
      if (piece.kind === 'text') {
        this.textRun(piece.value, undefined, revision);
        continue;
      }
      const { target, anchor } = hyperlinkTarget(piece.value);
      this.hyperlinks.push(target);
      this.out.push(`<w:hyperlink w:history="1"${anchor === undefined ? '' : ` w:anchor="${escapeXml(anchor)}"`} r:id="`);
      this.linkSlots.push(this.out.length);
      this.out.push('', '">');
      this.textRun(piece.value, HYPERLINK_STYLE, revision);
      this.out.push('</w:hyperlink>');
    }
  }

  /** A reference to Word's footnote `number`. */
  footnoteReference(number: number, revision?: Revision): void {
    this.revised(revision, () => this.out.push(`<w:r>${this.runProperties('FootnoteReference')}<w:footnoteReference w:id="${number}"/></w:r>`));
  }

  inlines(content: readonly Inline[]): void {
    for (const inline of content) {
      switch (inline.type) {
        case 'text':
          this.linkedText(inline.value);
          break;
        case 'footnoteReference':
          this.footnoteReference(footnoteNumber(inline.id, this.context));
          break;
        default:
          assertNever(inline);
      }
    }
  }

  /** A bookmark named `name` around what `content` writes. */
  bookmark(name: string, content: () => void): void {
    const id = this.ids.bookmark();
    this.out.push(`<w:bookmarkStart w:name="${escapeXml(name)}" w:id="${id}"/>`);
    content();
    this.out.push(`<w:bookmarkEnd w:id="${id}"/>`);
  }

  /** Word's footnote `number` (`w:footnote`), one paragraph opening with the note's mark. */
  footnote(number: number, content: () => void): void {
    this.out.push(`<w:footnote w:id="${number}">`);
    this.paragraph(STYLE.footnoteText, () => {
      this.out.push(`<w:r>${this.runProperties('FootnoteReference')}<w:footnoteRef/></w:r>`);
      content();
    });
    this.out.push('</w:footnote>');
  }

  /** The page footer's one paragraph, at ITU's footer tab stops. */
  footer(content: () => void): void {
    this.paragraph(STYLE.footer, content, undefined, FOOTER_TAB_POSITIONS);
  }

  /** Table 1's layout around its rows: fixed column widths, borders, the text width. */
  table(rows: readonly TableRow[]): void {
    this.out.push(`<w:tbl><w:tblPr>${this.rtl ? '<w:bidiVisual/>' : ''}${TABLE_PROPERTIES}`);
    for (const row of rows) {
      this.out.push(
        `<w:tr><w:trPr><w:cantSplit/>${row.header ? '<w:tblHeader/>' : ''}${row.mark === undefined ? '' : this.revisionMark(row.mark)}</w:trPr>`,
      );
      const style = row.header ? STYLE.tableHead : STYLE.tableText;
      TABLE_WIDTHS.forEach((width, i) => {
        this.out.push(`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr>`);
        this.paragraph(style, () => row.cell(i));
        this.out.push('</w:tc>');
      });
      this.out.push('</w:tr>');
    }
    this.out.push('</w:tbl>');
  }
}

/** A row of Table 1: the header row (repeated on every page) or a record; `cell(i)` writes column `i`'s runs. */
export interface TableRow {
  header: boolean;
  mark?: Revision;
  cell: (column: number) => void;
}

/** ITU footers: the file path, then the dates at two tab stops. */
export const FOOTER_TAB_POSITIONS = [6804, 8504];

/** The body of the document: the children of `w:body`, before its `w:sectPr`. */
export function writeBody(w: PartWriter, doc: QuestionsDocument): void {
  heading(w, 1, doc.frontMatter.heading);
  for (const block of doc.frontMatter.blocks) writeBlock(w, block);
  heading(w, 1, doc.questionsHeading);
  const bookmarks = questionBookmarks(doc.questions);
  doc.questions.forEach((question, i) => {
    questionBlocks(w, question, bookmarks[i] ?? '');
  });
}

/** The `w:footnote` elements of the document's footnotes, numbered 1, 2, … */
export function writeFootnotes(w: PartWriter, doc: QuestionsDocument): void {
  doc.footnotes.forEach((footnote, i) => {
    w.footnote(i + 1, () => w.linkedText(footnote.text));
  });
}

/** The footer's paragraph: the path, then each date after a tab, in one run. */
export function writePageFooter(w: PartWriter, { path, dates }: { path: string; dates: readonly string[] }): void {
  w.footer(() => {
    w.raw(`<w:r>${w.runProperties()}<w:t xml:space="preserve">${escapeXml(path)}</w:t>`);
    for (const date of dates) w.raw(`<w:tab/><w:t xml:space="preserve">${escapeXml(date)}</w:t>`);
    w.raw('</w:r>');
  });
}

// ITU headings carry their number as literal text before a tab, not as Word numbering.
export function numbered(number: string, title: string): string {
  return number === '' ? title : `${number}\t${title}`;
}

function heading(w: PartWriter, level: 1 | 2 | 3, { number, title }: NumberedHeading): void {
  w.paragraph(headingStyle(level), () => w.textRun(numbered(number, title)));
}

function questionBlocks(w: PartWriter, question: Question, bookmark: string): void {
  const { table } = w.context;
  const text = numbered(question.letter, table.formatQuestionHeading(question.number, question.title));
  w.paragraph(headingStyle(2), () => w.bookmark(bookmark, () => w.textRun(text)));
  if (question.continuation !== undefined) {
    const note = table.formatContinuationNote(question.continuation);
    w.paragraph(STYLE.questionHistory, () => w.textRun(note));
  }
  for (const section of question.sections) {
    heading(w, 3, { number: section.number, title: section.heading });
    for (const block of section.blocks) writeBlock(w, block);
  }
}

/** Any block of the front matter or of a section. */
function writeBlock(w: PartWriter, block: Block | FrontBlock): void {
  switch (block.type) {
    case 'paragraph':
      return w.paragraph(bodyParagraphStyle(block, w.context.table), () => w.inlines(block.content));
    case 'list':
      return writeList(w, block);
    case 'relationshipGroup':
      return relationshipGroup(w, block);
    case 'questionTable':
      return questionTable(w, block);
    default:
      return assertNever(block);
  }
}

/** A lead-in that introduces a list (`研究项目包括，但不限于：`) is a `Call` paragraph, as in ITU texts. */
export function bodyParagraphStyle(block: Paragraph, table: LanguageTable): string {
  const text = plainText(block.content);
  return table.leadIns.some((re) => re.test(text)) ? STYLE.call : STYLE.normal;
}

// Lists follow the ITU convention rather than Word numbering: an `enumlevN` paragraph holding
// the marker as literal text, a tab, then the item, under a hanging indent. Text extraction
// then gives back `–\t…` exactly as the source had it.
export function listMarker(depth: number, table: LanguageTable): string {
  const markers = table.listMarkers;
  return markers[Math.min(depth, markers.length - 1)] ?? '';
}

/** One paragraph per item, its depth's style and marker (both stop at the deepest ITU has). */
function writeList(w: PartWriter, list: List): void {
  for (const { item, depth } of listRows(list.items)) {
    w.paragraph(enumlevStyle(depth), () => {
      w.textRun(`${listMarker(depth, w.context.table)}\t`);
      w.inlines(item.content);
    });
  }
}

function relationshipGroup(w: PartWriter, group: RelationshipGroup): void {
  const { table } = w.context;
  const marker = listMarker(0, table);
  w.paragraph(STYLE.call, () => w.textRun(group.label + table.labelColon));
  for (const item of group.items) {
    w.paragraph(enumlevStyle(0), () => {
      w.textRun(`${marker}\t`);
      w.linkedText(item);
    });
  }
}

// Column widths of ITU's Table 1 (twips): narrow number columns, wide title columns; 9638 in all,
// the text width of an A4 page with ITU margins.
const COLUMN_WIDTHS = [907, 2835, 2041, 907, 2948];
/** Table 1's column widths (twips), one per field of a row. */
export const TABLE_WIDTHS = QUESTION_TABLE_FIELDS.map((_, i) => COLUMN_WIDTHS[i] ?? 0);

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
/** What follows `w:bidiVisual` in Table 1's `w:tblPr`, and the grid. */
const TABLE_PROPERTIES =
  `<w:tblW w:type="dxa" w:w="${TABLE_WIDTHS.reduce((a, b) => a + b, 0)}"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>' +
  `<w:tblGrid>${TABLE_WIDTHS.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`;

/** Table 1: its caption, then a bordered table whose header row repeats on every page. */
function questionTable(w: PartWriter, block: QuestionTable): void {
  w.paragraph(STYLE.tableTitle, () => w.linkedText(block.caption));
  w.table([
    { header: true, cell: (i) => w.linkedText(block.columns[i] ?? '') },
    ...block.rows.map((record): TableRow => {
      const cells = QUESTION_TABLE_FIELDS.map((field) => record[field]);
      return { header: false, cell: (i) => w.linkedText(cells[i] ?? '') };
    }),
  ]);
}

/**
 * A clean, stable bookmark name for each Question: `Q1_20` for Question 1/20 (Word allows
 * letters, digits and underscores, starting with a letter, up to 40 characters). A name met
 * twice gets a suffix (`Q1_20_2`) so that names stay unique.
 */
export function questionBookmarks(questions: readonly Question[]): string[] {
  const seen = new Set<string>();
  return questions.map((question) => {
    const base = `Q${question.number.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}`.slice(0, 36);
    let name = base;
    for (let n = 2; seen.has(name); n++) name = `${base}_${n}`;
    seen.add(name);
    return name;
  });
}

export function footnoteNumber(id: string, context: BlockContext): number {
  const n = context.footnoteNumbers.get(id);
  // The model promises that every reference names a footnote: a dangling one is a bug upstream.
  if (n === undefined) throw new Error(`footnote reference to unknown footnote "${id}"`);
  return n;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * Text and attribute values with the five entities. Characters XML 1.0 forbids or discourages
 * are dropped (../characters.ts): XML has no way to write them.
 */
export function escapeXml(text: string): string {
  return dropXmlChars(text).replace(/[&"'<>]/g, (character) => ESCAPES[character] ?? '');
}
