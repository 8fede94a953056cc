import type { ListItem } from '../model/document.js';

/** A list item and its depth (0 for an item of the list itself). */
export interface ListRow {
  item: ListItem;
  depth: number;
}

/**
 * The items of a list and all their descendants in reading order (each item before its
 * children), with their depth. With its own stack, not recursion: how deep lists nest is the
 * input's to choose, and each writer then walks a flat sequence.
 */
export function listRows(items: readonly ListItem[]): ListRow[] {
  const rows: ListRow[] = [];
  const stack: ListRow[] = [];
  const pushAll = (children: readonly ListItem[], depth: number): void => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ item: children[i]!, depth });
  };
  pushAll(items, 0);
  for (let row = stack.pop(); row !== undefined; row = stack.pop()) {
    rows.push(row);
    pushAll(row.item.children, row.depth + 1);
  }
  return rows;
}
