/**
 * Document order for the changes of one section (or of the front matter). Each kind of block
 * is aligned on its own (paragraphs, items, groups, tables), so their changes come out kind by
 * kind; this puts them back in the order of the blocks they belong to, as the new edition has
 * them, with a removed element where it stood (before the new element at its `at`).
 */
import type { Block, FrontBlock, RelationshipGroup } from '../model/document.js';
import { groupKeys } from './relationships.js';
import type { Change } from './types.js';

/** Block index, then index in the block's sequence: how changes of a section sort. */
type Position = [number, number];

export function inDocumentOrder(
  changes: readonly Change[],
  prefix: string,
  old: readonly (Block | FrontBlock)[],
  neu: readonly (Block | FrontBlock)[],
): Change[] {
  const sides = { old: blockIndexes(old), new: blockIndexes(neu) };
  const position = (change: Change): Position => {
    const rest = change.path.startsWith(`${prefix}.`) ? change.path.slice(prefix.length + 1) : '';
    const sequence = /^(paragraphs|items)\[(\d+)\]/u.exec(rest);
    if (sequence) {
      const kind = sequence[1] === 'paragraphs' ? 'paragraphs' : 'items';
      const index = Number(sequence[2]);
      const whole = rest === sequence[0];
      if (change.kind === 'removed' && whole) {
        // Before the new element now at its place; after the last one when it was at the end.
        const blocks = sides.new[kind];
        const at = change.at ?? index;
        if (blocks.length === 0) return [sides.old[kind][index] ?? 0, index];
        return [blocks[Math.min(at, blocks.length - 1)] ?? 0, at - 0.5];
      }
      return [sides.new[kind][index] ?? 0, index];
    }
    const group = /^groups(?:\.([^.[]+)|(\[[^\]]*\]))/u.exec(rest);
    if (group) {
      const key = group[1] ?? group[2] ?? '';
      const found = sides.new.groups.get(key) ?? sides.old.groups.get(key);
      return [found ?? 0, 0];
    }
    if (/^tables?\b/u.test(rest)) return [sides.new.table ?? sides.old.table ?? 0, 0];
    return [-1, 0];
  };
  const placed = changes.map((change, order) => ({ change, order, at: position(change) }));
  placed.sort((x, y) => x.at[0] - y.at[0] || x.at[1] - y.at[1] || x.order - y.order);
  return placed.map((entry) => entry.change);
}

interface BlockIndexes {
  /** The block index of each paragraph, in order. */
  paragraphs: number[];
  /** The block index (of its list) of each top-level item, in order. */
  items: number[];
  /** The block index of each group, by its key. */
  groups: Map<string, number>;
  table?: number;
}

function blockIndexes(blocks: readonly (Block | FrontBlock)[]): BlockIndexes {
  const paragraphs: number[] = [];
  const items: number[] = [];
  const groups: RelationshipGroup[] = [];
  const groupBlocks: number[] = [];
  let table: number | undefined;
  blocks.forEach((block, index) => {
    if (block.type === 'paragraph') paragraphs.push(index);
    else if (block.type === 'list') for (let k = 0; k < block.items.length; k++) items.push(index);
    else if (block.type === 'relationshipGroup') {
      groups.push(block);
      groupBlocks.push(index);
    } else table ??= index;
  });
  const keys = groupKeys(groups);
  return {
    paragraphs,
    items,
    groups: new Map(keys.map((key, i) => [key, groupBlocks[i] ?? 0])),
    ...(table !== undefined && { table }),
  };
}
