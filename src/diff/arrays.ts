/** Array helpers safe at any size (../model/arrays.ts says why `append`). */

export { append } from '../model/arrays.js';

/** How many times each value occurs (a count, where indexOf and lastIndexOf would scan the list for each). */
export function countOf<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Indexes filed by key, each key's taken in the order they were filed: the first old element
 * with an equal text, then the next. (`Array#shift` would do, but costs the length of the list
 * on each call for long lists: thousands of equal headings.)
 */
export class IndexQueues {
  private readonly lists = new Map<string, { indexes: number[]; next: number }>();

  add(key: string, index: number): void {
    const list = this.lists.get(key);
    if (list) list.indexes.push(index);
    else this.lists.set(key, { indexes: [index], next: 0 });
  }

  /** The next index filed under `key` not yet taken, if any. */
  take(key: string): number | undefined {
    const list = this.lists.get(key);
    if (!list || list.next >= list.indexes.length) return undefined;
    return list.indexes[list.next++];
  }
}
