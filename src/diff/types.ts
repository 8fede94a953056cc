/**
 * The result of comparing two editions: content changes in document order, and metadata
 * differences apart (two renditions of one edition differ in metadata only).
 *
 * Path syntax (`Change.path`), built with `indexed` and `member` (src/diff/context.ts):
 *
 *   frontMatter.heading                              the heading of the front matter (`1 引言`)
 *   frontMatter.paragraphs[0]                        a paragraph, by index among the paragraphs
 *   frontMatter.items[2].children[0]                 a list item, by index among the top-level
 *                                                    items of all lists of the part (or section)
 *   frontMatter.table.caption | .columns[1]          Table 1 (a second table: `tables[1]`)
 *   frontMatter.table.rows[3/20]                     a row, by its new number
 *   frontMatter.table.rows[3/20].currentTitle        one field of a row
 *   questionsHeading                                 `2 课题的措辞`
 *   questions[2/20]                                  a Question, by number
 *   questions[2/20].title | .continuation
 *   questions[2/20].sections.tasks                   a section, by role (by number when its role
 *                                                    is `other` or repeats: `sections[A.5]`)
 *   questions[2/20].sections.tasks.heading
 *   questions[2/20].sections.tasks.paragraphs[1] | .items[3] | .items[0].children[2]
 *   questions[1/20].sections.relationships.groups.sdgs            a group, by role (by label
 *                                                    when its role is `other` or repeats)
 *   questions[1/20].sections.relationships.groups.sdgs.label
 *   questions[1/20].sections.relationships.groups.sdgs.values[12]  a typed value (`C11`,
 *                                                    `Y.4100/Y.2066`, `1/20`, an SDG number)
 *   questions[1/20].sections.relationships.groups.bodies.items[3]  an item of a group without
 *                                                    typed values
 *   footnotes[1]                                     a footnote, by id
 *
 * Indexes in paths are 0-based (the human `label`, src/diff/labels.ts, counts from 1). They
 * count in the NEW edition for added, changed and moved elements, and in the OLD edition for
 * removed ones; Question numbers likewise (a removed or renumbered
 * Question's old number is in `from`). Letters (`A`) and section numbers (`A.3`) are numbering,
 * not content: they are not compared, so adding a Question does not cascade.
 */
import type { Footnote, ListItem, Question, QuestionTableRow, RelationshipGroup, RelationshipValues, Section } from '../model/document.js';
import type { WordOp } from './words.js';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'renumbered' | 'moved';

/** What a change is about: the summary counts by target. */
export type ChangeTarget =
  | 'heading'
  | 'question'
  | 'title'
  | 'continuation'
  | 'section'
  | 'paragraph'
  | 'item'
  | 'table'
  | 'tableRow'
  | 'group'
  | 'relationship'
  | 'footnote';

/** A whole element added or removed, for renderers that show its content. */
export type ChangedNode =
  | { type: 'question'; value: Question }
  | { type: 'section'; value: Section }
  | { type: 'item'; value: ListItem }
  | { type: 'group'; value: RelationshipGroup }
  | { type: 'row'; value: QuestionTableRow }
  | { type: 'footnote'; value: Footnote };

export interface Change {
  kind: ChangeKind;
  target: ChangeTarget;
  path: string;
  /** The path in the old edition, for `renumbered` and `moved`. */
  from?: string;
  /** The text in each edition (a one-line summary for a whole Question, section, group or row). */
  old?: string;
  new?: string;
  /** The word diff of `old` and `new`, for a changed text. */
  words?: WordOp[];
  /** The Question the change is in: its new number, or its old one when it was removed. */
  question?: string;
  /** The key of the section the change is in (`tasks`, or the number). */
  section?: string;
  /** For a relationship value: what kind of code it is (`sdgs` → "SDG 12"). */
  value?: { kind: RelationshipValues['kind']; code: string };
  /** For a removed element of an ordered sequence: how many new elements precede it (where a redline shows it). */
  at?: number;
  /** The whole element, when one was added or removed (not rendered in JSON). */
  node?: ChangedNode;
  /** Where the change is, named as the document names it (src/diff/labels.ts); set by `diffEditions`. */
  place?: ChangePlace;
  /** `place` on one line: `Question 1/20 (A) – … › A.1 目的 › paragraph 1`. */
  label?: string;
}

/** A change's place in the document's own terms (src/diff/labels.ts). */
export interface ChangePlace {
  /** `Question 1/20 (A) – <title>`, the front matter or Questions part by its heading (`1 引言`), `Footnotes`. */
  part: string;
  /** The part in a few words, for one line of `--stat`: `Question 1/20 (A)`, `1 引言`. */
  short: string;
  /** The section by its number and heading as written: `A.1 目的`. */
  section?: string;
  /** `paragraph 1`, `item 4.2`, `title`, `可持续发展目标` (a group), `表1, row 3/20, 当前的课题标题`. */
  element: string;
  /** For a relationship value added or removed: `SDG 12` (after `element` in the label). */
  value?: string;
  /** For a moved element: where it was (`item 7`). */
  from?: string;
}

export interface MetadataChange {
  /** `source.fileName`, `footer.dates`, … */
  field: string;
  old?: string;
  new?: string;
}

/** Which file each side was read from. */
export interface EditionInfo {
  fileName: string;
  format: string;
  language: string;
}

export interface EditionDiff {
  old: EditionInfo;
  new: EditionInfo;
  /** Content changes, in document order (the old edition's removed parts at their place). */
  changes: Change[];
  /** Metadata differences, never content: source, footer, document reference, images. */
  metadata: MetadataChange[];
}
