/**
 * Where a change is, named as the document names it: `Question 1/20 (A) – <title>`, the
 * section by its number and heading as written (`A.1 目的`), an element by its place from 1
 * (`paragraph 1`, `item 4.2`), a relationship group by its label as written (`可持续发展目标`),
 * Table 1 by its caption's own name (`表1`) and a cell by its column heading as written
 * (`表1, row 3/20, 当前的课题标题`). Only the words of the report itself (`Question`, `item`,
 * `row`) are English; what names a part of the document comes from the document (its model) or
 * from its language table, never a translation.
 *
 * The machine path stays in `Change.path`; this adds `place` and its one-line `label`.
 */
import {
  type Block,
  type FrontBlock,
  QUESTION_TABLE_FIELDS,
  questionShortName,
  type Question,
  type QuestionsDocument,
  type QuestionTable,
  type Section,
} from '../model/document.js';
import { LANGUAGES } from '../model/languages.js';
import { sectionKeys } from './match.js';
import { groupKeys } from './relationships.js';
import type { Change, ChangePlace } from './types.js';

/** A section or the front matter: what holds blocks. */
type Blocks = { blocks: readonly (Block | FrontBlock)[] };

/** Between the parts of a label: `Question 1/20 (A) – … › A.1 目的 › paragraph 1`. */
export const LABEL_SEPARATOR = ' › ';

export function placeLabel(place: ChangePlace): string {
  const element = place.value === undefined ? place.element : `${place.element}, ${place.value}`;
  return [place.part, place.section, element].filter((part) => part !== undefined && part !== '').join(LABEL_SEPARATOR);
}

/** Each change with its `place` and `label`, found in the edition it belongs to. */
export function labelChanges(changes: readonly Change[], old: QuestionsDocument, neu: QuestionsDocument): Change[] {
  // A kept Question's changes carry its new number; its old self is under the old number.
  const oldNumber = new Map(changes.flatMap((c) => (c.kind === 'renumbered' && c.target === 'question' ? [[c.new ?? '', c.old ?? '']] : [])));
  return changes.map((change) => {
    const place = placeOf(change, old, neu, oldNumber);
    return { ...change, place, label: placeLabel(place) };
  });
}

function placeOf(change: Change, old: QuestionsDocument, neu: QuestionsDocument, oldNumber: ReadonlyMap<string, string>): ChangePlace {
  if (change.question === undefined) return outsidePlace(change, change.kind === 'removed' ? old : neu, neu);
  const number = change.question;
  const inOld = old.questions.find((q) => q.number === (oldNumber.get(number) ?? number));
  const inNew = neu.questions.find((q) => q.number === number);
  // A removed whole is named as the old edition had it; anything else as the new one has it, so
  // that the changes of one Question (and of one section) stay under one name.
  const whole = (target: Change['target']) => change.target === target && change.kind === 'removed';
  const question = whole('question') ? (inOld ?? inNew) : (inNew ?? inOld);
  const part = question ? questionName(question) : `Question ${number}`;
  const short = question ? questionShortName(question) : `Question ${number}`;
  const tail = relativeTail(change, change.path);
  if (change.section === undefined) return { part, short, element: questionElement(change, tail) };
  const sections = [inNew, inOld].map((q) => (q ? sectionOf(q, change.section ?? '') : undefined));
  const section = whole('section') ? (sections[1] ?? sections[0]) : (sections[0] ?? sections[1]);
  const sectionName = section ? `${section.number} ${section.heading}`.trim() : change.section;
  const element = change.target === 'section' && tail === '' ? 'section' : blockElement(tail, sections);
  const from = change.kind === 'moved' && change.from !== undefined ? blockElement(relativeTail(change, change.from), sections) : undefined;
  const value = change.value ? valueLabel(change.value) : undefined;
  return { part, short, section: sectionName, element, ...(value !== undefined && { value }), ...(from !== undefined && { from }) };
}

/** `SDG 12`, `WSIS C11`, `Recommendation Y.4100/Y.2066`, `Question 1/20`. */
export function valueLabel(value: NonNullable<Change['value']>): string {
  switch (value.kind) {
    case 'sdgs':
      return `SDG ${value.code}`;
    case 'wsis':
      return `WSIS ${value.code}`;
    case 'recommendations':
      return `Recommendation ${value.code}`;
    case 'questions':
      return `Question ${value.code}`;
  }
}

/** `Question 1/20 (A) – title`, as a reader of the document would say it. */
export function questionName(question: Question): string {
  return `${questionShortName(question)} – ${question.title}`;
}

function sectionOf(question: Question, key: string): Section | undefined {
  const index = sectionKeys(question.sections, question.letter).indexOf(key);
  return question.sections[index];
}

/** The path below the Question (and its section): `title`, `items[3]`, `groups.sdgs.values[12]`. */
function relativeTail(change: Change, full: string): string {
  let path = full.replace(/^questions\[[^\]]*\]\.?/u, '');
  if (change.section !== undefined) path = path.replace(/^sections(?:\.[^.[]+|\[[^\]]*\])\.?/u, '');
  return path;
}

function questionElement(change: Change, tail: string): string {
  if (tail === '') return change.kind === 'renumbered' ? 'number' : 'Question';
  return tail === 'continuation' ? 'continuation note' : tail;
}

/** The element of a section or of the front matter, from its path below them. */
function blockElement(tail: string, blocks: readonly (Blocks | undefined)[]): string {
  if (tail === 'heading') return 'heading';
  const sequence = /^(paragraphs|items)\[(\d+)\]((?:\.children\[\d+\])*)$/u.exec(tail);
  if (sequence) {
    const nested = [...(sequence[3] ?? '').matchAll(/\[(\d+)\]/gu)].map((m) => Number(m[1]) + 1);
    const number = [Number(sequence[2]) + 1, ...nested].join('.');
    return `${sequence[1] === 'paragraphs' ? 'paragraph' : 'item'} ${number}`;
  }
  const group = /^groups(?:\.([^.[]+)|(\[[^\]]*\]))\.?(.*)$/u.exec(tail);
  if (group) {
    const key = group[1] ?? group[2] ?? '';
    const label = groupLabel(key, blocks);
    const rest = group[3] ?? '';
    if (rest === '') return label;
    if (rest === 'label') return `${label}, label`;
    const item = /^items\[(\d+)\]$/u.exec(rest);
    if (item) return `${label}, item ${Number(item[1]) + 1}`;
    return label;
  }
  return tail;
}

/** A group's label as written (its key is its role, or its label in brackets). */
function groupLabel(key: string, blocks: readonly (Blocks | undefined)[]): string {
  if (key.startsWith('[')) return key.slice(1, -1);
  for (const part of blocks) {
    const groups = (part?.blocks ?? []).flatMap((block) => (block.type === 'relationshipGroup' ? [block] : []));
    const found = groups[groupKeys(groups).indexOf(key)];
    if (found) return found.label;
  }
  return key;
}

/** Outside the Questions: the front matter (with Table 1), the Questions heading, the footnotes. */
function outsidePlace(change: Change, doc: QuestionsDocument, neu: QuestionsDocument): ChangePlace {
  const heading = (h: { number: string; title: string }, fallback: string) => `${h.number} ${h.title}`.trim() || fallback;
  if (change.path.startsWith('footnotes')) {
    const id = /^footnotes\[([^\]]*)\]/u.exec(change.path)?.[1] ?? '';
    return { part: 'Footnotes', short: 'Footnotes', element: `footnote ${id}` };
  }
  if (change.path.startsWith('questionsHeading')) {
    const name = heading(neu.questionsHeading, 'Questions');
    return { part: name, short: name, element: 'heading' };
  }
  const name = heading(neu.frontMatter.heading, 'Front matter');
  const tail = change.path.replace(/^frontMatter\.?/u, '');
  const table = /^(?:table|tables\[(\d+)\])\.?(.*)$/u.exec(tail);
  if (!table) {
    const from = change.kind === 'moved' && change.from !== undefined ? change.from.replace(/^frontMatter\.?/u, '') : undefined;
    return {
      part: name,
      short: name,
      element: blockElement(tail, [doc.frontMatter]),
      ...(from !== undefined && { from: blockElement(from, [doc.frontMatter]) }),
    };
  }
  const index = Number(table[1] ?? 0);
  const tables = doc.frontMatter.blocks.flatMap((block) => (block.type === 'questionTable' ? [block] : []));
  return { part: name, short: name, element: tableElement(tables[index], index, table[2] ?? '', doc.metadata.language) };
}

/** `表1, row 3/20, 当前的课题标题`: the table by its caption's name, a cell by its column heading. */
function tableElement(table: QuestionTable | undefined, index: number, rest: string, language: string): string {
  const name = tableName(table, index, language);
  if (rest === '') return name;
  if (rest === 'caption') return `${name}, caption`;
  const column = /^columns\[(\d+)\]$/u.exec(rest);
  if (column) return `${name}, column ${Number(column[1]) + 1}`;
  const row = /^rows\[([^\]]*)\]\.?(.*)$/u.exec(rest);
  if (!row) return `${name}, ${rest}`;
  const key = row[1] ?? '';
  const rowName = key.startsWith('#') ? `row ${Number(key.slice(1)) + 1}` : `row ${key}`;
  const field = row[2] ?? '';
  if (field === '') return `${name}, ${rowName}`;
  const fieldIndex = (QUESTION_TABLE_FIELDS as readonly string[]).indexOf(field);
  return `${name}, ${rowName}, ${table?.columns[fieldIndex] || field}`;
}

/** `表1`, `Table 1`: the start of the caption as the language table finds it; else `Table N`. */
function tableName(table: QuestionTable | undefined, index: number, language: string): string {
  const found = table ? LANGUAGES[language]?.tableCaption.exec(table.caption.trim()) : undefined;
  const name = found?.[0].replace(/[\s\-–—:]+$/u, '');
  return name || `Table ${index + 1}`;
}
