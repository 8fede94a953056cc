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
import { alignTexts, compareInlines, indexed, member, record, type DiffContext } from './context.js';
import { steps } from './lcs.js';
import { inDocumentOrder } from './order.js';
import { compareGroups } from './relationships.js';
import { displayText } from './words.js';
import { compareTables } from './table.js';

export function compareBlocks(
  context: DiffContext,
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

function compareParagraphs(context: DiffContext, prefix: string, old: readonly Paragraph[], neu: readonly Paragraph[]): void {
  const contents = (paragraphs: readonly Paragraph[]) => paragraphs.map((p) => p.content);
  for (const pair of compareTexts(context, 'paragraph', member(prefix, 'paragraphs'), contents(old), contents(neu))) void pair;
}

/** A level of list items to compare: the top-level items, or the children of a paired item. */
interface ItemLevel {
  prefix: string;
  old: readonly ListItem[];
  neu: readonly ListItem[];
}

/**
 * List items and their children, level by level, depth first: the changes of a paired item's
 * children come right after its own. Nesting is as deep as the input says (a JSON input can
 * nest thousands of levels), so the levels wait on a stack of their own, not on the call stack.
 */
export function compareItems(context: DiffContext, prefix: string, old: readonly ListItem[], neu: readonly ListItem[]): void {
  const stack: Iterator<ItemLevel, void>[] = [itemLevel(context, { prefix, old, neu })];
  for (let top = stack[0]; top; top = stack[stack.length - 1]) {
    const next = top.next();
    if (next.done) stack.pop();
    else stack.push(itemLevel(context, next.value));
  }
}

/** Compares one level of items; yields the level of children of each paired item, in order. */
function* itemLevel(context: DiffContext, level: ItemLevel): Generator<ItemLevel, void> {
  const { old, neu } = level;
  const node = (index: number, side: 'old' | 'new') => ({ type: 'item' as const, value: (side === 'old' ? old : neu)[index] as ListItem });
  const contents = (items: readonly ListItem[]) => items.map((item) => item.content);
  for (const [a, b, path] of compareTexts(context, 'item', level.prefix, contents(old), contents(neu), node)) {
    yield { prefix: `${path}.children`, old: old[a]?.children ?? [], neu: neu[b]?.children ?? [] };
  }
}

/**
 * Aligns two sequences of texts and records what was added, removed, moved or changed;
 * yields each paired element (`[old index, new index, path]`) once its own changes are
 * recorded, for the caller to compare what hangs under it (an item's children).
 */
function* compareTexts(
  context: DiffContext,
  target: 'paragraph' | 'item',
  prefix: string,
  old: readonly (readonly Inline[])[],
  neu: readonly (readonly Inline[])[],
  node?: (index: number, side: 'old' | 'new') => { type: 'item'; value: ListItem },
): Generator<[number, number, string], void> {
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
      yield [step.old, step.new, path];
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
