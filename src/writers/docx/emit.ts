/**
 * The content of a tsag DOCX written as WordprocessingML text: the body, the footnotes and the
 * page footer, laid out as ./blocks.ts lays them out with `docx`'s objects, and written as
 * `docx` writes them, character for character (test/writers/docx-emit.test.ts compares the two
 * packages byte for byte). The rest of the package (styles, numbering, settings, properties)
 * still comes from `docx` (../docx.ts).
 *
 * Why: building `docx`'s objects and compiling them took about 35 ms of the 45 ms the DOCX writer
 * took for 008C; writing the same XML as text takes about 2 ms. The redline of a diff, which
 * needs tracked changes, keeps using the objects (src/diff/render-docx.ts).
 */
import type {
  Block,
  FrontBlock,
  Inline,
  List,
  NumberedHeading,
  Question,
  QuestionTable,
  QuestionsDocument,
  RelationshipGroup,
  Section,
} from '../../model/document.js';
import { QUESTION_TABLE_FIELDS } from '../../model/document.js';
import { dropXmlChars } from '../characters.js';
import { listRows } from '../list-rows.js';
import { bodyParagraphStyle, listMarker, numbered, questionBookmarks, TABLE_WIDTHS, type BlockContext } from './blocks.js';
import { assertNever, footnoteNumber, splitUrls } from './inlines.js';
import { HYPERLINK_STYLE, STYLE, enumlevStyle, headingStyle } from './styles.js';

/** A hyperlink met in a part: its relationship id (a placeholder, renumbered when packed) and target. */
export interface Hyperlink {
  id: string;
  url: string;
}

/** The longest URL fragment Word keeps in `w:anchor`. */
const MAX_ANCHOR_LENGTH = 255;

/**
 * A URL as Word stores an external link, and as `docx` writes it: the part before the first `#`
 * as the relationship's target, the fragment (1 to 255 characters) in `w:anchor`.
 */
export function hyperlinkTarget(url: string): { target: string; anchor?: string } {
  const index = url.indexOf('#');
  const fragment = url.length - index - 1;
  return index > 0 && fragment > 0 && fragment <= MAX_ANCHOR_LENGTH ? { target: url.slice(0, index), anchor: url.slice(index + 1) } : { target: url };
}

/** What is written into one part: its XML, and the hyperlinks its relationships must list. */
export interface EmittedPart {
  xml: string;
  hyperlinks: Hyperlink[];
}

/** Writes XML text for one part, collecting its hyperlinks. */
class PartWriter {
  readonly hyperlinks: Hyperlink[] = [];
  /** The XML, in pieces: joined once, into a flat string, where `+=` would build a rope that every later search must flatten first. */
  private readonly out: string[] = [];

  constructor(
    /** The language's labels and the document's footnote numbers. */
    readonly context: BlockContext,
    /** Prefix of the placeholder relationship ids: unique per part, never `rId<number>`. */
    private readonly linkPrefix: string,
  ) {}

  done(): EmittedPart {
    return { xml: this.out.join(''), hyperlinks: this.hyperlinks };
  }

  /** A paragraph of `style`; `content` writes its runs. */
  paragraph(style: string, content: () => void): void {
    this.out.push(`<w:p><w:pPr><w:pStyle w:val="${escape(style)}"/>${this.context.table.word.rtl ? '<w:bidi/>' : ''}</w:pPr>`);
    content();
    this.out.push('</w:p>');
  }

  /** One run holding `text`, tabs as `w:tab` (inlines.ts `textRuns`); nothing for empty text. */
  textRun(text: string, style?: string): void {
    if (text === '') return;
    this.out.push(style === undefined ? '<w:r>' : `<w:r><w:rPr><w:rStyle w:val="${escape(style)}"/></w:rPr>`);
    text.split('\t').forEach((part, i) => {
      if (i > 0) this.out.push('<w:tab/>');
      if (part !== '') this.out.push(`<w:t xml:space="preserve">${escape(part)}</w:t>`);
    });
    this.out.push('</w:r>');
  }

  /** Text with its URLs as external hyperlinks showing the URL (inlines.ts `linkedTextRuns`). */
  linkedText(text: string): void {
    for (const piece of splitUrls(text)) {
      if (piece.kind === 'text') {
        this.textRun(piece.value);
        continue;
      }
      const id = `${this.linkPrefix}${this.hyperlinks.length + 1}`;
      const { target, anchor } = hyperlinkTarget(piece.value);
      this.hyperlinks.push({ id, url: target });
      this.out.push(`<w:hyperlink w:history="1"${anchor === undefined ? '' : ` w:anchor="${escape(anchor)}"`} r:id="${id}">`);
      this.textRun(piece.value, HYPERLINK_STYLE);
      this.out.push('</w:hyperlink>');
    }
  }

  inlines(content: readonly Inline[]): void {
    for (const inline of content) {
      switch (inline.type) {
        case 'text':
          this.linkedText(inline.value);
          break;
        case 'footnoteReference':
          this.out.push(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="${footnoteNumber(inline.id, this.context)}"/></w:r>`);
          break;
        default:
          assertNever(inline);
      }
    }
  }

  raw(xml: string): void {
    this.out.push(xml);
  }
}

/** The children of `w:body`, before its `w:sectPr`. */
export function emitBody(doc: QuestionsDocument, context: BlockContext): EmittedPart {
  const w = new PartWriter(context, 'tsagDocumentLink');
  heading(w, 1, doc.frontMatter.heading);
  for (const block of doc.frontMatter.blocks) writeBlock(w, block);
  heading(w, 1, doc.questionsHeading);
  const bookmarks = questionBookmarks(doc.questions);
  doc.questions.forEach((question, i) => questionBlocks(w, question, bookmarks[i] ?? '', i));
  return w.done();
}

/** The `w:footnote` elements of the document's footnotes, numbered 1, 2, … */
export function emitFootnotes(doc: QuestionsDocument, context: BlockContext): EmittedPart {
  const w = new PartWriter(context, 'tsagFootnoteLink');
  doc.footnotes.forEach((footnote, i) => {
    w.raw(`<w:footnote w:id="${i + 1}"><w:p><w:pPr><w:pStyle w:val="${STYLE.footnoteText}"/></w:pPr>`);
    w.raw('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>');
    w.linkedText(footnote.text);
    w.raw('</w:p></w:footnote>');
  });
  return w.done();
}

/** The footer's paragraph: the path, then each date after a tab, at ITU's two tab stops. */
export function emitFooter({ path, dates }: { path: string; dates: readonly string[] }, tabStops: readonly number[]): string {
  const tabs = tabStops.map((position) => `<w:tab w:val="left" w:pos="${position}"/>`).join('');
  let runs = `<w:t xml:space="preserve">${escape(path)}</w:t>`;
  for (const date of dates) runs += `<w:tab/><w:t xml:space="preserve">${escape(date)}</w:t>`;
  return `<w:p><w:pPr><w:pStyle w:val="${STYLE.footer}"/><w:tabs>${tabs}</w:tabs></w:pPr><w:r>${runs}</w:r></w:p>`;
}

function heading(w: PartWriter, level: 1 | 2 | 3, { number, title }: NumberedHeading): void {
  w.paragraph(headingStyle(level), () => w.textRun(numbered(number, title)));
}

function questionBlocks(w: PartWriter, question: Question, bookmark: string, index: number): void {
  const { table } = w.context;
  const text = numbered(question.letter, table.formatQuestionHeading(question.number, question.title));
  w.paragraph(headingStyle(2), () => {
    w.raw(`<w:bookmarkStart w:name="${escape(bookmark)}" w:id="${index}"/>`);
    w.textRun(text);
    w.raw(`<w:bookmarkEnd w:id="${index}"/>`);
  });
  if (question.continuation !== undefined) {
    const note = table.formatContinuationNote(question.continuation);
    w.paragraph(STYLE.questionHistory, () => w.textRun(note));
  }
  for (const section of question.sections) sectionBlocks(w, section);
}

function sectionBlocks(w: PartWriter, section: Section): void {
  heading(w, 3, { number: section.number, title: section.heading });
  for (const block of section.blocks) writeBlock(w, block);
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

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_PROPERTIES =
  `<w:tblPr><w:tblW w:type="dxa" w:w="${TABLE_WIDTHS.reduce((a, b) => a + b, 0)}"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${BORDER}/>`).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>' +
  `<w:tblGrid>${TABLE_WIDTHS.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>`;

/** Table 1: its caption, then a bordered table whose header row repeats on every page (blocks.ts). */
function questionTable(w: PartWriter, block: QuestionTable): void {
  w.paragraph(STYLE.tableTitle, () => w.linkedText(block.caption));
  w.raw(`<w:tbl>${TABLE_PROPERTIES}`);
  const row = (header: boolean, cells: readonly string[], style: string): void => {
    w.raw(`<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>`);
    TABLE_WIDTHS.forEach((width, i) => {
      w.raw(`<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/></w:tcPr>`);
      w.paragraph(style, () => w.linkedText(cells[i] ?? ''));
      w.raw('</w:tc>');
    });
    w.raw('</w:tr>');
  };
  row(true, block.columns, STYLE.tableHead);
  for (const record of block.rows) row(false, QUESTION_TABLE_FIELDS.map((field) => record[field]), STYLE.tableText);
  w.raw('</w:tbl>');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/**
 * Text and attribute values as `docx` writes them: the five entities. Characters XML 1.0
 * forbids or discourages are dropped (../characters.ts), as package.ts drops them from what
 * `docx` writes: XML has no way to write them.
 */
export function escape(text: string): string {
  return dropXmlChars(text).replace(/[&"'<>]/g, (character) => ESCAPES[character] ?? '');
}

/** `<Relationship>` elements for hyperlinks, as `docx` lists them. */
export function hyperlinkRelationships(hyperlinks: readonly Hyperlink[]): string {
  return hyperlinks
    .map(
      ({ id, url }) =>
        `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${escape(url)}" TargetMode="External"/>`,
    )
    .join('');
}
