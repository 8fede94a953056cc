/**
 * Which old element continues which new one, and the order in which the redline writes both
 * editions' elements.
 *
 * The change list names what was added, removed, moved or changed, by path, but not which old
 * element a changed or unchanged one continues (a changed item's path counts in the new
 * edition). For sequences aligned by text (paragraphs, list items, relationship items) that
 * pairing follows from the list: the elements it does not call added, removed or moved pair
 * in order, as the LCS paired them. Elements identified by a key (Questions, sections,
 * groups, rows, footnotes) pair by the diff's own key functions, called by the caller.
 */
import { steps, type Step } from '../lcs.js';
import type { Change, ChangeKind, EditionDiff } from '../types.js';

/** The changes of a diff by path (an addition and a removal can share one: `items[3]`). */
export class ChangeIndex {
  private readonly byPath = new Map<string, Change[]>();

  constructor(diff: EditionDiff) {
    for (const change of diff.changes) {
      const list = this.byPath.get(change.path);
      if (list) list.push(change);
      else this.byPath.set(change.path, [change]);
    }
  }

  find(kind: ChangeKind, path: string): Change | undefined {
    return this.byPath.get(path)?.find((change) => change.kind === kind);
  }

  /** Whether any change lies at or under `prefix` (`…groups.sdgs.values`). */
  anyUnder(prefix: string): boolean {
    return this.prefixes().has(prefix);
  }

  private under: Set<string> | undefined;

  /**
   * Every path and every prefix of one that ends before a `.` or `[`: built once, so that each
   * group's question is a lookup, not a scan of all the changes (thousands of Questions).
   */
  private prefixes(): Set<string> {
    if (!this.under) {
      const under = new Set<string>();
      for (const path of this.byPath.keys()) {
        under.add(path);
        for (let at = 0; at < path.length; at++) if (path[at] === '.' || path[at] === '[') under.add(path.slice(0, at));
      }
      this.under = under;
    }
    return this.under;
  }
}

/**
 * The pairs `[old, new]` of a sequence aligned by text, from the change list: elements not
 * added, removed or moved pair in order. A moved element is not paired: the redline deletes
 * it where it was and inserts it where it is.
 */
export function pairsFromChanges(index: ChangeIndex, oldPaths: readonly string[], newPaths: readonly string[]): [number, number][] {
  const movedFrom = new Set<string>();
  const movedTo = new Set<number>();
  newPaths.forEach((path, b) => {
    const moved = index.find('moved', path);
    if (moved?.from !== undefined) {
      movedFrom.add(moved.from);
      movedTo.add(b);
    }
  });
  const olds = oldPaths.flatMap((path, a) => (index.find('removed', path) || movedFrom.has(path) ? [] : [a]));
  const news = newPaths.flatMap((path, b) => (index.find('added', path) || movedTo.has(b) ? [] : [b]));
  const count = Math.min(olds.length, news.length);
  return Array.from({ length: count }, (_, i): [number, number] => [olds[i] as number, news[i] as number]);
}

/**
 * Both editions' elements in the order the redline writes them: the new edition's, each
 * removed one where it stood (the diff's own rule, `steps`, which gives the changes' `at`).
 * Pairs that cross (an element that changed place) are dropped to a longest order-keeping
 * subset; a dropped pair is written deleted at its old place and inserted at its new one.
 */
export function union(oldLength: number, newLength: number, pairs: readonly [number, number][]): Step[] {
  return steps(oldLength, newLength, { pairs: inOrder(pairs), moved: new Set() });
}

/**
 * The longest subset of pairs increasing on both sides (by new index, then old), in
 * O(n log n) (patience: the smallest old index that ends an increasing run of each length).
 * Pairs almost always keep their order already, and are then returned as they are.
 */
function inOrder(pairs: readonly [number, number][]): [number, number][] {
  const sorted = [...pairs].sort((x, y) => x[1] - y[1]);
  if (sorted.every((pair, i) => i === 0 || (sorted[i - 1]?.[0] ?? 0) < pair[0])) return sorted;
  // ends[k]: the index in `sorted` of the pair ending the best run of length k + 1 found so far.
  const ends: number[] = [];
  const previous = sorted.map(() => -1);
  sorted.forEach(([a], i) => {
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[ends[mid] as number]?.[0] ?? 0) < a) low = mid + 1;
      else high = mid;
    }
    previous[i] = low > 0 ? (ends[low - 1] as number) : -1;
    ends[low] = i;
  });
  const out: [number, number][] = [];
  for (let i = ends[ends.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) out.push(sorted[i] as [number, number]);
  return out.reverse();
}
