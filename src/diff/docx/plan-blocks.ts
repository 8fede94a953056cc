/**
 * Redline lines of the blocks of a section or of the front matter: paragraphs, list items,
 * relationship groups and Table 1, laid out as the DOCX writer lays them out.
 *
 * The blocks of both editions are cut into units (a paragraph, a top-level item with its
 * children, a group, a table), paired kind by kind as the diff paired them, and written in
 * one order (pairing.ts): a paired unit with its text changes, an added unit inserted, a
 * removed one deleted where it stood.
 */
import type { Block, FrontBlock, ListItem, Paragraph, QuestionTable, QuestionTableRow, RelationshipGroup } from '../../model/document.js';
import { QUESTION_TABLE_FIELDS } from '../../model/document.js';
import { assertNever } from '../../model/never.js';
import { bodyParagraphStyle, listMarker } from '../../writers/docx/emit.js';
import { STYLE, enumlevStyle } from '../../writers/docx/styles.js';
import { append } from '../arrays.js';
import { indexed, member } from '../context.js';
import { align, pairByKey, type Step } from '../lcs.js';
import { groupKeys } from '../relationships.js';
import { rowKeys } from '../table.js';
import { pairedText, paragraphLine, sideOp, type EditionSide, type Line, type Plan, type RowLine } from './lines.js';
import { pairsFromChanges, union } from './pairing.js';
import { whole, type Op, type Segment } from './segments.js';

type Unit =
  | { kind: 'paragraph'; index: number; block: Paragraph }
  | { kind: 'item'; index: number; item: ListItem }
  | { kind: 'group'; index: number; block: RelationshipGroup }
  | { kind: 'table'; index: number; block: QuestionTable };

type Kind = Unit['kind'];

export function blockLines(plan: Plan, prefix: string, old: readonly (Block | FrontBlock)[], neu: readonly (Block | FrontBlock)[]): Line[] {
  const olds = units(old);
  const news = units(neu);
  const of = (list: readonly Unit[], kind: Kind) => list.filter((unit) => unit.kind === kind);
  const paths = (list: readonly Unit[], kind: Kind, name: string) => of(list, kind).map((_, i) => indexed('', member(prefix, name), i));
  const groups = (list: readonly Unit[]) => groupKeys(list.flatMap((unit) => (unit.kind === 'group' ? [unit.block] : [])));
  const newGroupKeys = groups(news);
  const tables = Math.min(of(olds, 'table').length, of(news, 'table').length);
  const byKind: [Kind, [number, number][]][] = [
    ['paragraph', pairsFromChanges(plan.changes, paths(olds, 'paragraph', 'paragraphs'), paths(news, 'paragraph', 'paragraphs'))],
    ['item', pairsFromChanges(plan.changes, paths(olds, 'item', 'items'), paths(news, 'item', 'items'))],
    ['group', pairByKey(groups(olds), groups(news), (key) => key).pairs],
    ['table', Array.from({ length: tables }, (_, i): [number, number] => [i, i])],
  ];
  const oldPositions = positions(olds);
  const newPositions = positions(news);
  const pairs = byKind.flatMap(([kind, kindPairs]) =>
    kindPairs.map(([a, b]): [number, number] => [oldPositions[kind][a] ?? -1, newPositions[kind][b] ?? -1]),
  );
  return union(olds.length, news.length, pairs).flatMap((step) => {
    if (step.op === 'added') return unitLines(plan, news[step.new] as Unit, 'new');
    if (step.op === 'removed') return unitLines(plan, olds[step.old] as Unit, 'old');
    return pairedUnit(plan, prefix, olds[step.old] as Unit, news[step.new] as Unit, newGroupKeys);
  });
}

/** Where each unit stands among all units, by its kind and its index among those of its kind. */
function positions(list: readonly Unit[]): Record<Kind, number[]> {
  const out: Record<Kind, number[]> = { paragraph: [], item: [], group: [], table: [] };
  list.forEach((unit, position) => {
    out[unit.kind][unit.index] = position;
  });
  return out;
}

function units(blocks: readonly (Block | FrontBlock)[]): Unit[] {
  const count = { paragraph: 0, item: 0, group: 0, table: 0 };
  return blocks.flatMap((block): Unit[] => {
    switch (block.type) {
      case 'paragraph':
        return [{ kind: 'paragraph', index: count.paragraph++, block }];
      case 'list':
        return block.items.map((item): Unit => ({ kind: 'item', index: count.item++, item }));
      case 'relationshipGroup':
        return [{ kind: 'group', index: count.group++, block }];
      case 'questionTable':
        return [{ kind: 'table', index: count.table++, block }];
      default:
        return assertNever(block);
    }
  });
}

function pairedUnit(plan: Plan, prefix: string, old: Unit, neu: Unit, groupKeysOfNew: readonly string[]): Line[] {
  if (old.kind === 'paragraph' && neu.kind === 'paragraph') {
    const path = indexed('', member(prefix, 'paragraphs'), neu.index);
    const style = bodyParagraphStyle(neu.block, plan.tables.new);
    return [paragraphLine(style, 'equal', pairedText(plan, path, old.block.content, neu.block.content), true)];
  }
  if (old.kind === 'item' && neu.kind === 'item') return pairedItem(plan, indexed('', member(prefix, 'items'), neu.index), old.item, neu.item, 0);
  if (old.kind === 'group' && neu.kind === 'group') {
    return pairedGroup(plan, groupPath(prefix, groupKeysOfNew[neu.index] ?? ''), old.block, neu.block);
  }
  if (old.kind === 'table' && neu.kind === 'table') {
    return pairedTable(plan, neu.index === 0 ? member(prefix, 'table') : indexed(prefix, 'tables', neu.index), old.block, neu.block);
  }
  return [...unitLines(plan, old, 'old'), ...unitLines(plan, neu, 'new')];
}

/** A unit as one edition has it, all of it inserted (new) or deleted (old). */
function unitLines(plan: Plan, unit: Unit, side: EditionSide): Line[] {
  const op = sideOp(side);
  const table = plan.tables[side];
  switch (unit.kind) {
    case 'paragraph':
      return [paragraphLine(bodyParagraphStyle(unit.block, table), op, whole(op, unit.block.content, side), true)];
    case 'item':
      return itemLines(plan, unit.item, 0, side);
    case 'group':
      return [
        paragraphLine(STYLE.call, op, whole(op, unit.block.label + table.labelColon, side), false),
        ...unit.block.items.map((item) => groupItemLine(op, marked(plan, side, 0), whole(op, item, side))),
      ];
    case 'table': {
      const rows = [
        { mark: op, header: true, cells: QUESTION_TABLE_FIELDS.map((_, i) => whole(op, unit.block.columns[i] ?? '', side)) },
        ...unit.block.rows.map((row) => rowSide(row, side)),
      ];
      return [paragraphLine(STYLE.tableTitle, op, whole(op, unit.block.caption, side), true), { type: 'table', rows }];
    }
  }
}

/** Blocks of one edition, all inserted or all deleted (an added or removed section). */
export function blockLinesOf(plan: Plan, blocks: readonly (Block | FrontBlock)[], side: EditionSide): Line[] {
  return units(blocks).flatMap((unit) => unitLines(plan, unit, side));
}

/** The marker and tab of an item `depth` levels down, as one edition writes it. */
function marked(plan: Plan, side: EditionSide, depth: number): Segment[] {
  return whole(sideOp(side), `${listMarker(depth, plan.tables[side])}\t`, side);
}

function markerSegments(plan: Plan, depth: number): Segment[] {
  return pairedText(plan, undefined, `${listMarker(depth, plan.tables.old)}\t`, `${listMarker(depth, plan.tables.new)}\t`);
}

/** An item and its children, all of one edition, depth first (by a stack: nesting is as deep as the input says). */
function itemLines(plan: Plan, item: ListItem, depth: number, side: EditionSide): Line[] {
  const op = sideOp(side);
  const lines: Line[] = [];
  const stack: [ListItem, number][] = [[item, depth]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [current, level] = top;
    lines.push(paragraphLine(enumlevStyle(level), op, [...marked(plan, side, level), ...whole(op, current.content, side)], true));
    for (let k = current.children.length - 1; k >= 0; k--) stack.push([current.children[k] as ListItem, level + 1]);
  }
  return lines;
}

/** A paired item to write: where it is, its two editions, how deep. */
interface PairedItem {
  path: string;
  old: ListItem;
  neu: ListItem;
  depth: number;
}

/** A paired item and its children, depth first; the levels wait on a stack of their own, not on the call stack. */
function pairedItem(plan: Plan, path: string, old: ListItem, neu: ListItem, depth: number): Line[] {
  const lines: Line[] = [];
  const stack: Iterator<PairedItem, void>[] = [pairedItemLines(plan, { path, old, neu, depth }, lines)];
  for (let top = stack[0]; top; top = stack[stack.length - 1]) {
    const next = top.next();
    if (next.done) stack.pop();
    else stack.push(pairedItemLines(plan, next.value, lines));
  }
  return lines;
}

/** Writes a paired item's line and its added and removed children to `lines`; yields each paired child in its turn. */
function* pairedItemLines(plan: Plan, item: PairedItem, lines: Line[]): Generator<PairedItem, void> {
  const { path, old, neu, depth } = item;
  const text = pairedText(plan, path, old.content, neu.content);
  const children = `${path}.children`;
  const childPaths = (items: readonly ListItem[]) => items.map((_, i) => indexed('', children, i));
  const pairs = pairsFromChanges(plan.changes, childPaths(old.children), childPaths(neu.children));
  lines.push(paragraphLine(enumlevStyle(depth), 'equal', [...markerSegments(plan, depth), ...text], true));
  for (const step of union(old.children.length, neu.children.length, pairs)) {
    if (step.op === 'added') append(lines, itemLines(plan, neu.children[step.new] as ListItem, depth + 1, 'new'));
    else if (step.op === 'removed') append(lines, itemLines(plan, old.children[step.old] as ListItem, depth + 1, 'old'));
    else
      yield {
        path: indexed('', children, step.new),
        old: old.children[step.old] as ListItem,
        neu: neu.children[step.new] as ListItem,
        depth: depth + 1,
      };
  }
}

/** A group's path (`…groups.sdgs`, `…groups[其它机构]`), as src/diff/relationships.ts builds it. */
function groupPath(prefix: string, key: string): string {
  const groups = member(prefix, 'groups');
  return key.startsWith('[') ? `${groups}${key}` : member(groups, key);
}

/**
 * A group in both editions. When the diff compared its typed values (`SDG 12 added`), it says
 * nothing of the items that write them: those are paired here in order (exact texts first)
 * and word-diffed, so that the items themselves carry the change (`– 11{+ 和 12+}`).
 */
function pairedGroup(plan: Plan, path: string, old: RelationshipGroup, neu: RelationshipGroup): Line[] {
  const label = pairedText(plan, undefined, old.label + plan.tables.old.labelColon, neu.label + plan.tables.new.labelColon);
  const items = member(path, 'items');
  const byValues = plan.changes.anyUnder(member(path, 'values'));
  const itemPaths = (list: readonly string[]) => list.map((_, i) => indexed('', items, i));
  const pairs = byValues
    ? align(old.items, neu.items, { key: (item) => item, similarity: () => 1, threshold: 0 }).pairs
    : pairsFromChanges(plan.changes, itemPaths(old.items), itemPaths(neu.items));
  return [
    paragraphLine(STYLE.call, 'equal', label, false),
    ...union(old.items.length, neu.items.length, pairs).flatMap((step) =>
      stepLines(step, {
        pair: (a, b) => {
          const path = byValues ? undefined : indexed('', items, b);
          return [groupItemLine('equal', markerSegments(plan, 0), pairedText(plan, path, old.items[a] ?? '', neu.items[b] ?? ''))];
        },
        added: (b) => [groupItemLine('insert', marked(plan, 'new', 0), whole('insert', neu.items[b] ?? '', 'new'))],
        removed: (a) => [groupItemLine('delete', marked(plan, 'old', 0), whole('delete', old.items[a] ?? '', 'old'))],
      }),
    ),
  ];
}

function groupItemLine(mark: Op, marker: Segment[], text: Segment[]): Line {
  return paragraphLine(enumlevStyle(0), mark, [...marker, ...text], true);
}

/** Table 1 in both editions: caption, column headings, rows paired by number as the diff pairs them. */
function pairedTable(plan: Plan, path: string, old: QuestionTable, neu: QuestionTable): Line[] {
  const header: RowLine = {
    mark: 'equal',
    header: true,
    cells: QUESTION_TABLE_FIELDS.map((_, i) => pairedText(plan, indexed(path, 'columns', i), old.columns[i] ?? '', neu.columns[i] ?? '')),
  };
  // src/diff/table.ts: a row by its new number (an old one through the renumbering), else by its place.
  const { oldKeys, newKeys } = rowKeys(old.rows, neu.rows, plan.renumbered);
  const pairs = pairByKey(oldKeys, newKeys, (k) => k).pairs;
  const rows = union(old.rows.length, neu.rows.length, pairs).map((step): RowLine => {
    if (step.op === 'added') return rowSide(neu.rows[step.new] as QuestionTableRow, 'new');
    if (step.op === 'removed') return rowSide(old.rows[step.old] as QuestionTableRow, 'old');
    const a = old.rows[step.old] as QuestionTableRow;
    const b = neu.rows[step.new] as QuestionTableRow;
    const rowPath = indexed(path, 'rows', newKeys[step.new] ?? '');
    return {
      mark: 'equal',
      header: false,
      cells: QUESTION_TABLE_FIELDS.map((field) => pairedText(plan, member(rowPath, field), a[field], b[field])),
    };
  });
  return [
    paragraphLine(STYLE.tableTitle, 'equal', pairedText(plan, member(path, 'caption'), old.caption, neu.caption), true),
    { type: 'table', rows: [header, ...rows] },
  ];
}

function rowSide(row: QuestionTableRow, side: EditionSide): RowLine {
  const op = sideOp(side);
  return { mark: op, header: false, cells: QUESTION_TABLE_FIELDS.map((field) => whole(op, row[field], side)) };
}

/** The lines of one step of a union: a pair, an addition or a removal. */
export function stepLines(
  step: Step,
  on: { pair: (old: number, neu: number) => Line[]; added: (neu: number) => Line[]; removed: (old: number) => Line[] },
): Line[] {
  if (step.op === 'added') return on.added(step.new);
  if (step.op === 'removed') return on.removed(step.old);
  return on.pair(step.old, step.new);
}
