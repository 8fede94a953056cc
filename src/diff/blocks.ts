/**
 * The blocks of a section or of the front matter: paragraphs, list items (with their
 * children), relationship groups and Table 1, each kind aligned on its own.
 *
 * Paragraphs and items are aligned by an LCS over their texts, so that one inserted item is
 * one insertion; an old and a new text left between two equal ones pair as `changed` when
 * they are similar enough, else they are a removal and an addition. Items of all the lists of
 * a section are one sequence: how a reader splits lists is layout, not content. The changes
 * are then put back in document order (src/diff/order.ts).
 */
import type { Block, FrontBlock, Inline, ListItem, Paragraph, QuestionTable, RelationshipGroup } from '../model/document.js';
import { append } from './arrays.js';
import { alignTexts, compareInlines, indexed, member, record, type Context } from './context.js';
import { steps } from './lcs.js';
import { inDocumentOrder } from './order.js';
import { compareGroups } from './relationships.js';
import { displayText } from './words.js';
import { compareTables } from './table.js';

export function compareBlocks(
  context: Context,
  prefix: string,
  old: readonly (Block | FrontBlock)[],
  neu: readonly (Block | FrontBlock)[],
  renumbered: ReadonlyMap<string, string> = new Map(),
): void {
  const start = context.changes.length;
  compareParagraphs(context, prefix, old.filter(isParagraph), neu.filter(isParagraph));
  compareItems(context, member(prefix, 'items'), topItems(old), topItems(neu));
  compareGroups(context, member(prefix, 'groups'), old.filter(isGroup), neu.filter(isGroup));
  compareTables(context, prefix, old.filter(isTable), neu.filter(isTable), renumbered);
  append(context.changes, inDocumentOrder(context.changes.splice(start), prefix, old, neu));
}

function compareParagraphs(context: Context, prefix: string, old: readonly Paragraph[], neu: readonly Paragraph[]): void {
  const contents = (paragraphs: readonly Paragraph[]) => paragraphs.map((p) => p.content);
  compareTexts(context, 'paragraph', member(prefix, 'paragraphs'), contents(old), contents(neu), () => {});
}

/** List items and their children, level by level. */
export function compareItems(context: Context, prefix: string, old: readonly ListItem[], neu: readonly ListItem[]): void {
  compareTexts(
    context,
    'item',
    prefix,
    old.map((item) => item.content),
    neu.map((item) => item.content),
    (a, b, path) => {
      const oldChildren = old[a]?.children ?? [];
      const newChildren = neu[b]?.children ?? [];
      compareItems(context, `${path}.children`, oldChildren, newChildren);
    },
    (index, side) => ({ type: 'item', value: (side === 'old' ? old : neu)[index] as ListItem }),
  );
}

/**
 * Aligns two sequences of texts and records what was added, removed, moved or changed.
 * `inner` compares what hangs under a paired element (an item's children).
 */
function compareTexts(
  context: Context,
  target: 'paragraph' | 'item',
  prefix: string,
  old: readonly (readonly Inline[])[],
  neu: readonly (readonly Inline[])[],
  inner: (oldIndex: number, newIndex: number, path: string) => void,
  node?: (index: number, side: 'old' | 'new') => { type: 'item'; value: ListItem },
): void {
  const pairing = alignTexts(context, old, neu);
  for (const step of steps(old.length, neu.length, pairing)) {
    if (step.op === 'added') {
      const content = neu[step.new] ?? [];
      record(context, {
        kind: 'added',
        target,
        path: indexed('', prefix, step.new),
        new: displayText(content),
        ...(node && { node: node(step.new, 'new') }),
      });
    } else if (step.op === 'removed') {
      const content = old[step.old] ?? [];
      record(context, {
        kind: 'removed',
        target,
        path: indexed('', prefix, step.old),
        old: displayText(content),
        at: step.at,
        ...(node && { node: node(step.old, 'old') }),
      });
    } else {
      const path = indexed('', prefix, step.new);
      if (step.moved) {
        const content = neu[step.new] ?? [];
        record(context, { kind: 'moved', target, path, from: indexed('', prefix, step.old), old: displayText(content), new: displayText(content) });
      } else compareInlines(context, target, path, old[step.old] ?? [], neu[step.new] ?? []);
      inner(step.old, step.new, path);
    }
  }
}

function topItems(blocks: readonly (Block | FrontBlock)[]): ListItem[] {
  return blocks.flatMap((block) => (block.type === 'list' ? block.items : []));
}

function isParagraph(block: Block | FrontBlock): block is Paragraph {
  return block.type === 'paragraph';
}

function isGroup(block: Block | FrontBlock): block is RelationshipGroup {
  return block.type === 'relationshipGroup';
}

function isTable(block: Block | FrontBlock): block is QuestionTable {
  return block.type === 'questionTable';
}
