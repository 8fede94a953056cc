/**
 * The redline as a format-shaped list, before any DOCX: the paragraphs and the table of the
 * new edition's layout, each with its segments (src/diff/docx/segments.ts) and the mark of its
 * paragraph mark (or row): `equal`, `insert` for an added element, `delete` for a removed one.
 * Planning (plan.ts, plan-blocks.ts) builds it from the two models; elements.ts renders it.
 */
import type { Inline } from '../../model/document.js';
import type { LanguageTable } from '../../model/languages.js';
import type { ChangeIndex } from './pairing.js';
import { joinSegments, textSegments, type Op, type Segment, type Sides } from './segments.js';

export interface ParagraphLine {
  type: 'paragraph';
  style: string;
  mark: Op;
  segments: Segment[];
  /** Whether URLs in the text are links (body text, cells, items), or plain (headings, labels). */
  links: boolean;
  /** The Question's bookmark (`Q1_20`), on a heading the new edition has. */
  bookmark?: string;
}

export interface RowLine {
  mark: Op;
  header: boolean;
  cells: Segment[][];
}

export interface TableLine {
  type: 'table';
  rows: RowLine[];
}

export type Line = ParagraphLine | TableLine;

export type EditionSide = 'old' | 'new';

/** What planning needs: how to tokenise, each edition's labels, the changes by path. */
export interface Plan {
  sides: Sides;
  tables: { old: LanguageTable; new: LanguageTable };
  changes: ChangeIndex;
  /** Renumbered Questions, old number → new (Table 1 rows pair through it, as in the diff). */
  renumbered: ReadonlyMap<string, string>;
}

/** The mark of a whole element of one edition: what the new one has is inserted, the old one's deleted. */
export function sideOp(side: EditionSide): Op {
  return side === 'new' ? 'insert' : 'delete';
}

/**
 * A paragraph. A whole added or removed one is one insertion or deletion (marker and text
 * together); a kept one keeps its parts apart, as the writer writes them in separate runs.
 */
export function paragraphLine(style: string, mark: Op, segments: Segment[], links: boolean, bookmark?: string): ParagraphLine {
  const parts = mark === 'equal' ? segments : joinSegments(segments);
  return { type: 'paragraph', style, mark, segments: parts, links, ...(bookmark === undefined ? {} : { bookmark }) };
}

/**
 * The segments of a text in both editions: the word operations of the change at `path`
 * when there is one, else compared here (the diff records nothing for equal texts, and a line
 * with its numbering, such as `A.1\t目的`, is not a text the diff compares as a whole).
 */
export function pairedText(plan: Plan, path: string | undefined, old: readonly Inline[] | string, neu: readonly Inline[] | string): Segment[] {
  const words = path === undefined ? undefined : plan.changes.find('changed', path)?.words;
  return textSegments(plan.sides, old, neu, words);
}
