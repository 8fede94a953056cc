/**
 * The tsag document model: one typed tree for a "Questions" text of an ITU-T study group
 * (the agreed texts of the Questions, as circulated in a TSAG document).
 *
 * Every reader builds this model and every writer renders it; the diff compares two of them.
 * The JSON Schema in `schema/questions-document.schema.json` describes exactly this shape and
 * is the published contract: change both together (test/golden.test.ts and the property tests
 * validate the models they build against it).
 *
 * Texts are kept as written in the source, minus extraction noise, with trailing whitespace
 * trimmed. Nothing here is specific to one language or one study group: labels such as `目的`
 * are kept as written, and their language-independent meaning is given by a `role`.
 */

export const SCHEMA_VERSION = 1;

export interface QuestionsDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  metadata: Metadata;
  /** The part before the Questions (`1 引言`): paragraphs and the table of Questions. */
  frontMatter: Part;
  /** The heading of the part that holds the Questions (`2 课题的措辞`). */
  questionsHeading: NumberedHeading;
  questions: Question[];
  /** Footnotes in order of first reference; `id` is the footnote's label ("1", "2", …). */
  footnotes: Footnote[];
}

export interface Metadata {
  /** BCP 47 language code of the text, from the language table that read it (`zh`). */
  language: string;
  /** Where this model was read from. Two renditions of one edition differ only here. */
  source: SourceInfo;
  /** The document's own file reference, from the page footer (`008C.DOCX`). */
  documentReference?: string;
  /** The page footer as found: the path and the dates, as written (`27.01.21`). */
  footer?: Footer;
  /** Images of the page header or end matter (`image1.png`), by file name. */
  images: string[];
}

export type SourceFormat = 'text' | 'docx' | 'markdown' | 'json' | 'html' | 'pdf';

export interface SourceInfo {
  fileName: string;
  format: SourceFormat;
  /** sha256 of the source bytes, lower-case hex. */
  sha256: string;
  /** The character encoding found (text sources only): `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`. */
  encoding?: string;
  /** The line endings found (text sources only). */
  lineEndings?: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';
}

export interface Footer {
  /** The file path printed in the footer (`L:\008C.DOCX`). */
  path: string;
  /** The dates that follow it, as written. */
  dates: string[];
}

export interface NumberedHeading {
  /** The heading number as written (`1`), or "" when the heading has none. */
  number: string;
  title: string;
}

export interface Part {
  heading: NumberedHeading;
  blocks: FrontBlock[];
}

/**
 * Whether the document has a front part: a heading of its introduction or of its Questions
 * part, or a block before the Questions. A text that starts at its first Question (a
 * Question's web page, an excerpt) has none.
 */
export function hasFrontPart(doc: Pick<QuestionsDocument, 'frontMatter' | 'questionsHeading'>): boolean {
  const written = (heading: NumberedHeading) => heading.number !== '' || heading.title !== '';
  return written(doc.frontMatter.heading) || written(doc.questionsHeading) || doc.frontMatter.blocks.length > 0;
}

/** `Question 1/20 (A)`: how a report names a Question, without the letter when it has none. */
export function questionShortName(question: Pick<Question, 'number' | 'letter'>): string {
  return `Question ${question.number}${question.letter ? ` (${question.letter})` : ''}`;
}

export interface Question {
  /**
   * The letter (or letters) that numbers the Question within the document (`A`); "" for a
   * Question read from a web page, which prints one Question and no letter.
   */
  letter: string;
  /**
   * The Question number as written (`1/20`; an ITU-D Question's with its revision, `9-3/2`);
   * "" when the text gives only the title (a `question.numberMissing` warning says so).
   */
  number: string;
  /** The study group, from the Question number (`20`); 0 when the number is empty. */
  studyGroup: number;
  title: string;
  /** The note under the heading, without its parentheses (`第1/20号课题…的继续`). */
  continuation?: string;
  sections: Section[];
  /** The URL of the Question's page in the study group's work programme. */
  workProgrammeUrl?: string;
}

export type SectionRole = 'motivation' | 'question' | 'tasks' | 'relationships' | 'other';

export interface Section {
  /** The section number as written (`A.1`). */
  number: string;
  /** The heading as written (`目的`). */
  heading: string;
  role: SectionRole;
  blocks: Block[];
}

/** Blocks of a Question section. */
export type Block = Paragraph | List | RelationshipGroup;
/** Blocks of the front matter. */
export type FrontBlock = Paragraph | List | QuestionTable;

export interface Paragraph {
  type: 'paragraph';
  content: Inline[];
}

export interface List {
  type: 'list';
  items: ListItem[];
}

export interface ListItem {
  content: Inline[];
  /** Items one level down (`•` under `–`). */
  children: ListItem[];
}

/**
 * Lists nest at most this many levels. Word numbers nine (`w:ilvl` 0–8), yet a DOCX may say
 * `w:ilvl="5000"` and Markdown may nest a list 100 deep: the readers put deeper items at this
 * level, so that every recursion over the model (writers, diff) stays bounded.
 */
export const MAX_LIST_LEVEL = 9;

export type Inline = Text | FootnoteReference;

export interface Text {
  type: 'text';
  value: string;
}

export interface FootnoteReference {
  type: 'footnoteReference';
  /** The id of a footnote in `QuestionsDocument.footnotes`. */
  id: string;
}

export interface Footnote {
  id: string;
  text: string;
}

export type RelationshipRole = 'wsis' | 'sdgs' | 'recommendations' | 'questions' | 'studyGroups' | 'bodies' | 'other';

/** One group of the relationships section: a label (`WSIS行动方面：`) and its items. */
export interface RelationshipGroup {
  type: 'relationshipGroup';
  /** The label as written, without its trailing colon (`WSIS行动方面`). */
  label: string;
  role: RelationshipRole;
  /** The items as written. */
  items: string[];
  /** Typed values found in the items, where the group holds codes. */
  values?: RelationshipValues;
}

export type RelationshipValues =
  | { kind: 'wsis'; actionLines: string[] }
  | { kind: 'sdgs'; goals: number[] }
  | { kind: 'recommendations'; recommendations: RecommendationRef[] }
  | { kind: 'questions'; questions: string[] };

export interface RecommendationRef {
  /** One Recommendation can carry several numbers (`Y.4100/Y.2066`): all of them, in order. */
  identifiers: string[];
  /** True when the text names the series starting at this number (`Y.4000系列`). */
  series?: boolean;
}

/** Table 1: the Questions in force and their predecessors. */
export interface QuestionTable {
  type: 'questionTable';
  caption: string;
  /** The column headings as written. */
  columns: string[];
  rows: QuestionTableRow[];
}

export interface QuestionTableRow {
  newNumber: string;
  currentTitle: string;
  status: string;
  previousNumber: string;
  previousTitle: string;
}

/** The record fields of a table row, in column order. */
export const QUESTION_TABLE_FIELDS = [
  'newNumber',
  'currentTitle',
  'status',
  'previousNumber',
  'previousTitle',
] as const satisfies readonly (keyof QuestionTableRow)[];
