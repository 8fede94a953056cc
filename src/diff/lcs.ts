/**
 * The edit script of two sequences, and the alignment of two sequences built on it.
 *
 * The core is Myers' O(ND) difference algorithm, from jsdiff (`diffArrays`): its cost grows
 * with the size of the inputs times the number of edits, so a long paragraph with a few edits
 * is cheap, where the dynamic programme it replaces filled an n×m table (3.2 GB for one
 * paragraph of 20,000 characters). The search is bounded (`EditBound`): past so many edits or
 * comparisons it gives up, and the middle of the two sequences (after their common prefix and
 * suffix) is one replacement: coarse, never wrong. The bound is a count, not a clock, so that
 * the same inputs give the same diff on every machine.
 *
 * Within a replacement the deletions come before the insertions, as in `git diff`.
 */
import { diffArrays } from 'diff';
import { append, IndexQueues } from './arrays.js';

/** One step of an edit script over two sequences of keys. */
export type EditOp = { op: 'equal'; a: number; b: number } | { op: 'delete'; a: number } | { op: 'insert'; b: number };

/**
 * A run of an edit script: `count` elements from `a` in the old sequence and `b` in the new
 * one that are equal, or deleted from the old one (at `a`), or inserted from the new one (at
 * `b`). A long text that changed in one word is three runs, not one step per token.
 */
export interface EditRun {
  op: 'equal' | 'delete' | 'insert';
  a: number;
  b: number;
  count: number;
}

/** How far the search may go before the middle is taken as one replacement. */
export interface EditBound {
  /**
   * The most edits (insertions plus deletions) looked for. Myers keeps one path per diagonal
   * tried, so its memory grows with the square of this.
   */
  maxEdits: number;
  /** The most element comparisons: the time, which also grows with the length of the inputs. */
  maxComparisons: number;
}

/**
 * 2,000 edits is a rewritten page (the longest paragraph of the corpus has about 1,500 tokens);
 * 20 million comparisons take well under a second. Past either, the search costs more than the
 * finer diff is worth to a reader.
 */
export const DEFAULT_BOUND: EditBound = { maxEdits: 2000, maxComparisons: 20_000_000 };

/** The edit script turning `a` into `b` with the fewest insertions and deletions (within `bound`), step by step. */
export function editScript<T>(
  a: readonly T[],
  b: readonly T[],
  equal: (x: T, y: T) => boolean = Object.is,
  bound: EditBound = DEFAULT_BOUND,
): EditOp[] {
  const ops: EditOp[] = [];
  for (const run of editRuns(a, b, equal, bound)) {
    for (let k = 0; k < run.count; k++) {
      if (run.op === 'equal') ops.push({ op: 'equal', a: run.a + k, b: run.b + k });
      else if (run.op === 'delete') ops.push({ op: 'delete', a: run.a + k });
      else ops.push({ op: 'insert', b: run.b + k });
    }
  }
  return ops;
}

/** The same script as runs; between two equal runs, one deletion run and then one insertion run. */
export function editRuns<T>(
  a: readonly T[],
  b: readonly T[],
  equal: (x: T, y: T) => boolean = Object.is,
  bound: EditBound = DEFAULT_BOUND,
): EditRun[] {
  // Trimmed here, not left to jsdiff: the common edges cost nothing against the bound.
  let start = 0;
  while (start < a.length && start < b.length && equal(a[start] as T, b[start] as T)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equal(a[endA - 1] as T, b[endB - 1] as T)) {
    endA--;
    endB--;
  }
  const runs = new RunList();
  runs.add('equal', 0, 0, start);
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  const found = middleA.length > 0 && middleB.length > 0 ? shortestEdit(middleA, middleB, equal, bound) : undefined;
  let i = start;
  let j = start;
  for (const run of found ?? [
    { removed: true, count: middleA.length },
    { added: true, count: middleB.length },
  ]) {
    const op = run.removed ? 'delete' : run.added ? 'insert' : 'equal';
    runs.add(op, i, j, run.count);
    if (op !== 'insert') i += run.count;
    if (op !== 'delete') j += run.count;
  }
  runs.add('equal', endA, endB, a.length - endA);
  return runs.done();
}

/** Collects runs, joining neighbours of one kind and putting each gap's deletions before its insertions. */
class RunList {
  private readonly runs: EditRun[] = [];
  private deleted: EditRun | undefined;
  private inserted: EditRun | undefined;

  add(op: EditRun['op'], a: number, b: number, count: number): void {
    if (count === 0) return;
    if (op === 'delete') {
      if (this.deleted) this.deleted.count += count;
      else this.deleted = { op, a, b, count };
    } else if (op === 'insert') {
      if (this.inserted) this.inserted.count += count;
      else this.inserted = { op, a, b, count };
    } else {
      this.flush();
      const last = this.runs[this.runs.length - 1];
      if (last?.op === 'equal') last.count += count;
      else this.runs.push({ op, a, b, count });
    }
  }

  done(): EditRun[] {
    this.flush();
    return this.runs;
  }

  private flush(): void {
    if (this.deleted) this.runs.push(this.deleted);
    if (this.inserted) this.runs.push(this.inserted);
    this.deleted = undefined;
    this.inserted = undefined;
  }
}

interface Run {
  added?: boolean;
  removed?: boolean;
  count: number;
}

/** Thrown from the comparator to stop jsdiff, which has no abort of its own but a clock. */
const OUT_OF_COMPARISONS = Symbol('out of comparisons');

/** jsdiff's runs, or undefined when the bound is reached. */
function shortestEdit<T>(a: T[], b: T[], equal: (x: T, y: T) => boolean, bound: EditBound): Run[] | undefined {
  let comparisons = 0;
  const comparator = (x: T, y: T): boolean => {
    if (++comparisons > bound.maxComparisons) throw OUT_OF_COMPARISONS;
    return equal(x, y);
  };
  try {
    return diffArrays(a, b, { comparator, maxEditLength: bound.maxEdits });
  } catch (error) {
    if (error === OUT_OF_COMPARISONS) return undefined;
    throw error;
  }
}

/** A pairing of old and new elements: which old element (if any) each new element continues. */
export interface Pairing {
  /** `[oldIndex, newIndex]`, by increasing newIndex. */
  pairs: [number, number][];
  /** Pairs whose elements changed place (a move, not part of the order-preserving match). */
  moved: Set<number>;
}

export interface AlignOptions<T> {
  /** Exact identity: elements with equal keys pair first, by LCS. */
  key: (element: T) => string;
  /** 0…1, for elements left over between two exact pairs; pairs at `threshold` or above. */
  similarity?: (a: T, b: T) => number;
  threshold?: number;
  /** Pair left-over elements with equal keys that changed place, as moves. */
  moves?: boolean;
}

/**
 * Aligns two ordered sequences: an LCS over exact keys, so that one inserted element shows as
 * one insertion and not as a cascade of changes; then, inside each gap between two exact pairs,
 * old and new elements similar enough pair as changed (an order-preserving best match); then
 * what is left with equal keys pairs as moved.
 */
export function align<T>(olds: readonly T[], news: readonly T[], options: AlignOptions<T>): Pairing {
  const oldKeys = olds.map(options.key);
  const newKeys = news.map(options.key);
  const pairs: [number, number][] = [];
  let gapOld: number[] = [];
  let gapNew: number[] = [];
  const flush = () => {
    if (options.similarity) append(pairs, similarPairs(olds, news, gapOld, gapNew, options.similarity, options.threshold ?? 0.6));
    gapOld = [];
    gapNew = [];
  };
  for (const op of editScript(oldKeys, newKeys)) {
    if (op.op === 'equal') {
      flush();
      pairs.push([op.a, op.b]);
    } else if (op.op === 'delete') gapOld.push(op.a);
    else gapNew.push(op.b);
  }
  flush();
  const moved = new Set<number>();
  if (options.moves) {
    const pairedNew = new Set(pairs.map(([, b]) => b));
    const pairedOld = new Set(pairs.map(([a]) => a));
    const unpaired = new IndexQueues();
    oldKeys.forEach((key, a) => {
      if (!pairedOld.has(a)) unpaired.add(key, a);
    });
    for (let b = 0; b < news.length; b++) {
      if (pairedNew.has(b)) continue;
      // The first old element left with the same key, as a scan from the start would find it.
      const a = unpaired.take(newKeys[b] as string);
      if (a === undefined) continue;
      pairs.push([a, b]);
      moved.add(b);
    }
  }
  pairs.sort((x, y) => x[1] - y[1]);
  return { pairs, moved };
}

/**
 * The most similarities scored in one gap. The best pairing of a gap is a dynamic programme
 * over all its old × new pairs; 40,000 (a gap of 200 paragraphs or items each side, between
 * two unchanged ones) is beyond any real section, and takes a fraction of a second.
 */
export const MAX_GAP_PAIRS = 40_000;

/**
 * The order-preserving pairing of a gap that maximises the total similarity. A larger gap (a
 * list whose every item changed) is cut into consecutive blocks along its diagonal, the k-th
 * old part against the k-th new part, each small enough: an item is then paired only with one
 * near its own place, which is where an edited item stays.
 */
function similarPairs<T>(
  olds: readonly T[],
  news: readonly T[],
  gapOld: readonly number[],
  gapNew: readonly number[],
  similarity: (a: T, b: T) => number,
  threshold: number,
): [number, number][] {
  const n = gapOld.length;
  const m = gapNew.length;
  const blocks = Math.ceil((n * m) / MAX_GAP_PAIRS);
  if (blocks <= 1) return bestPairs(olds, news, gapOld, gapNew, similarity, threshold);
  const pairs: [number, number][] = [];
  for (let k = 0; k < blocks; k++) {
    const oldPart = gapOld.slice(Math.floor((k * n) / blocks), Math.floor(((k + 1) * n) / blocks));
    const newPart = gapNew.slice(Math.floor((k * m) / blocks), Math.floor(((k + 1) * m) / blocks));
    append(pairs, bestPairs(olds, news, oldPart, newPart, similarity, threshold));
  }
  return pairs;
}

/** The order-preserving pairing of old and new elements with the greatest total similarity. */
function bestPairs<T>(
  olds: readonly T[],
  news: readonly T[],
  gapOld: readonly number[],
  gapNew: readonly number[],
  similarity: (a: T, b: T) => number,
  threshold: number,
): [number, number][] {
  const n = gapOld.length;
  const m = gapNew.length;
  if (n === 0 || m === 0) return [];
  const score = (i: number, j: number) => {
    const value = similarity(olds[gapOld[i] as number] as T, news[gapNew[j] as number] as T);
    return value >= threshold ? value : 0;
  };
  const scores = Array.from({ length: n }, (_, i) => Float64Array.from({ length: m }, (_, j) => score(i, j)));
  const best = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const take = (scores[i]?.[j] ?? 0) > 0 ? (scores[i]?.[j] ?? 0) + (best[i + 1]?.[j + 1] ?? 0) : 0;
      best[i]![j] = Math.max(take, best[i + 1]?.[j] ?? 0, best[i]?.[j + 1] ?? 0);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = best[i]?.[j] ?? 0;
    const s = scores[i]?.[j] ?? 0;
    if (s > 0 && here === s + (best[i + 1]?.[j + 1] ?? 0)) {
      pairs.push([gapOld[i] as number, gapNew[j] as number]);
      i++;
      j++;
    } else if (here === (best[i + 1]?.[j] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

/** One element of two aligned sequences, in document order. */
export type Step =
  | { op: 'pair'; old: number; new: number; moved: boolean }
  | { op: 'added'; new: number }
  | { op: 'removed'; old: number; at: number };

/**
 * The pairing as steps in document order: the new sequence in its order, each old element
 * without a partner placed as early as it can go: after the pairs of the old elements before
 * it, before what was added in its place (a removal, then its replacement, as `git diff`).
 * `at` of a removed element is the number of new elements before it.
 */
export function steps(oldLength: number, newLength: number, pairing: Pairing): Step[] {
  const oldOf = new Map<number, number>(pairing.pairs.map(([a, b]) => [b, a]));
  const pairedOld = new Set(pairing.pairs.map(([a]) => a));
  const removed = Array.from({ length: oldLength }, (_, a) => a).filter((a) => !pairedOld.has(a));
  // For each new index, the old index of the first pair (not a move) at or after it.
  const nextOld = new Array<number>(newLength + 1).fill(oldLength);
  for (let b = newLength - 1; b >= 0; b--) {
    const a = oldOf.get(b);
    nextOld[b] = a !== undefined && !pairing.moved.has(b) ? a : (nextOld[b + 1] ?? oldLength);
  }
  const out: Step[] = [];
  let next = 0;
  for (let b = 0; b < newLength; b++) {
    while (next < removed.length && (removed[next] as number) < (nextOld[b] ?? oldLength)) {
      out.push({ op: 'removed', old: removed[next++] as number, at: b });
    }
    const a = oldOf.get(b);
    out.push(a === undefined ? { op: 'added', new: b } : { op: 'pair', old: a, new: b, moved: pairing.moved.has(b) });
  }
  while (next < removed.length) out.push({ op: 'removed', old: removed[next++] as number, at: newLength });
  return out;
}

/** Pairs by key (each key once on each side), for collections identified by a key. */
export function pairByKey<T>(olds: readonly T[], news: readonly T[], key: (element: T) => string): Pairing {
  const oldIndex = new Map<string, number>();
  olds.forEach((element, index) => {
    const k = key(element);
    if (!oldIndex.has(k)) oldIndex.set(k, index);
  });
  const pairs: [number, number][] = [];
  const used = new Set<number>();
  news.forEach((element, b) => {
    const a = oldIndex.get(key(element));
    if (a !== undefined && !used.has(a)) {
      used.add(a);
      pairs.push([a, b]);
    }
  });
  return { pairs, moved: new Set() };
}
