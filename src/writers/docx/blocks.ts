import {
  Bookmark,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import type { IParagraphRunOptions, ParagraphChild } from 'docx';
import type {
  Block,
  FrontBlock,
  List,
  NumberedHeading,
  Paragraph as ModelParagraph,
  Question,
  QuestionTable,
  QuestionsDocument,
  RelationshipGroup,
  Section,
} from '../../model/document.js';
import { QUESTION_TABLE_FIELDS } from '../../model/document.js';
import { plainText } from '../../model/inline.js';
import type { LanguageTable } from '../../model/languages.js';
import { listRows } from '../list-rows.js';
import { assertNever, inlineRuns, linkedTextRuns, textRuns } from './inlines.js';
import type { InlineContext } from './inlines.js';
import { STYLE, enumlevStyle, headingStyle } from './styles.js';
import { append } from '../../model/arrays.js';

/** What block rendering needs: the language's labels and the document's footnote numbers. */
export interface BlockContext extends InlineContext {
  table: LanguageTable;
}

export type BodyElement = Paragraph | Table;

/** The body of the document, in reading order. */
export function bodyElements(doc: QuestionsDocument, context: BlockContext): BodyElement[] {
  const bookmarks = questionBookmarks(doc.questions);
  return [
    heading(1, doc.frontMatter.heading, context),
    ...doc.frontMatter.blocks.flatMap((block) => blockElements(block, context)),
    heading(1, doc.questionsHeading, context),
    ...doc.questions.flatMap((question, i) => questionElements(question, bookmarks[i] ?? '', context)),
  ];
}

/** A paragraph of the body; `mark` holds the paragraph mark's run properties (a tracked insertion or deletion). */
export function paragraph(style: string, children: ParagraphChild[], context: BlockContext, mark?: IParagraphRunOptions): Paragraph {
  return new Paragraph({
    style,
    children,
    ...(context.table.word.rtl ? { bidirectional: true } : {}),
    ...(mark === undefined ? {} : { run: mark }),
  });
}

// ITU headings carry their number as literal text before a tab, not as Word numbering.
export function numbered(number: string, title: string): string {
  return number === '' ? title : `${number}\t${title}`;
}

function heading(level: 1 | 2 | 3, { number, title }: NumberedHeading, context: BlockContext): Paragraph {
  return paragraph(headingStyle(level), textRuns(numbered(number, title)), context);
}

function questionElements(question: Question, bookmark: string, context: BlockContext): BodyElement[] {
  const { table } = context;
  const text = numbered(question.letter, table.formatQuestionHeading(question.number, question.title));
  const out: BodyElement[] = [
    paragraph(headingStyle(2), [new Bookmark({ id: bookmark, children: textRuns(text) })], context),
  ];
  if (question.continuation !== undefined) {
    out.push(paragraph(STYLE.questionHistory, textRuns(table.formatContinuationNote(question.continuation)), context));
  }
  for (const section of question.sections) append(out, sectionElements(section, context));
  return out;
}

function sectionElements(section: Section, context: BlockContext): BodyElement[] {
  return [
    heading(3, { number: section.number, title: section.heading }, context),
    ...section.blocks.flatMap((block) => blockElements(block, context)),
  ];
}

/** Any block of the front matter or of a section. */
function blockElements(block: Block | FrontBlock, context: BlockContext): BodyElement[] {
  switch (block.type) {
    case 'paragraph':
      return [bodyParagraph(block, context)];
    case 'list':
      return listParagraphs(block, context);
    case 'relationshipGroup':
      return relationshipGroup(block, context);
    case 'questionTable':
      return questionTable(block, context);
    default:
      return assertNever(block);
  }
}

/** A lead-in that introduces a list (`研究项目包括，但不限于：`) is a `Call` paragraph, as in ITU texts. */
function bodyParagraph(block: ModelParagraph, context: BlockContext): Paragraph {
  return paragraph(bodyParagraphStyle(block, context.table), inlineRuns(block.content, context), context);
}

export function bodyParagraphStyle(block: ModelParagraph, table: LanguageTable): string {
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

function listParagraphs(list: List, context: BlockContext): Paragraph[] {
  return listRows(list.items).map(({ item, depth }) =>
    paragraph(enumlevStyle(depth), [...textRuns(`${listMarker(depth, context.table)}\t`), ...inlineRuns(item.content, context)], context),
  );
}

function relationshipGroup(group: RelationshipGroup, context: BlockContext): Paragraph[] {
  const marker = listMarker(0, context.table);
  return [
    paragraph(STYLE.call, textRuns(group.label + context.table.labelColon), context),
    ...group.items.map((item) =>
      paragraph(enumlevStyle(0), [...textRuns(`${marker}\t`), ...linkedTextRuns(item)], context),
    ),
  ];
}

// Column widths of ITU's Table 1 (twips): narrow number columns, wide title columns; 9638 in all,
// the text width of an A4 page with ITU margins.
const COLUMN_WIDTHS = [907, 2835, 2041, 907, 2948];
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};

/** Table 1's column widths (twips), one per field of a row. */
export const TABLE_WIDTHS = QUESTION_TABLE_FIELDS.map((_, i) => COLUMN_WIDTHS[i] ?? 0);

/** The cell of Table 1 in `column`, holding one paragraph of `style` (`Tablehead`, `Tabletext`). */
export function tableCell(children: ParagraphChild[], style: string, column: number, context: BlockContext): TableCell {
  return new TableCell({
    width: { size: TABLE_WIDTHS[column] ?? 0, type: WidthType.DXA },
    children: [paragraph(style, children, context)],
  });
}

/** Table 1's layout around its rows: fixed column widths, borders, the text width. */
export function questionTableElement(rows: TableRow[]): Table {
  return new Table({
    rows,
    width: { size: TABLE_WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: TABLE_WIDTHS,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
  });
}

/** Table 1: its caption, then a bordered table whose header row repeats on every page. */
function questionTable(block: QuestionTable, context: BlockContext): BodyElement[] {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: TABLE_WIDTHS.map((_, i) => tableCell(linkedTextRuns(block.columns[i] ?? ''), STYLE.tableHead, i, context)),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: QUESTION_TABLE_FIELDS.map((field, i) => tableCell(linkedTextRuns(row[field]), STYLE.tableText, i, context)),
      }),
  );
  return [paragraph(STYLE.tableTitle, linkedTextRuns(block.caption), context), questionTableElement([header, ...rows])];
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
