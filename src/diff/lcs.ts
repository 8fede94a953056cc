/**
 * Longest common subsequence and the alignment of two sequences built on it.
 *
 * The inputs are small (the tokens of one paragraph, the items of one section), so a plain
 * dynamic programme after trimming the common prefix and suffix is fast enough, and its
 * tie-breaking is easy to state: deletions come before insertions, as in `git diff`.
 */

/** One step of an edit script over two sequences of keys. */
export type EditOp = { op: 'equal'; a: number; b: number } | { op: 'delete'; a: number } | { op: 'insert'; b: number };

/** The edit script turning `a` into `b` with the fewest insertions and deletions. */
export function editScript<T>(a: readonly T[], b: readonly T[], equal: (x: T, y: T) => boolean = Object.is): EditOp[] {
  let start = 0;
  while (start < a.length && start < b.length && equal(a[start] as T, b[start] as T)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && equal(a[endA - 1] as T, b[endB - 1] as T)) {
    endA--;
    endB--;
  }
  const ops: EditOp[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'equal', a: i, b: i });
  middle(a, b, start, endA, start, endB, equal, ops);
  for (let i = 0; endA + i < a.length; i++) ops.push({ op: 'equal', a: endA + i, b: endB + i });
  return ops;
}

function middle<T>(
  a: readonly T[],
  b: readonly T[],
  fromA: number,
  toA: number,
  fromB: number,
  toB: number,
  equal: (x: T, y: T) => boolean,
  ops: EditOp[],
): void {
  const n = toA - fromA;
  const m = toB - fromB;
  // table[i * (m + 1) + j]: LCS length of a[fromA + i ..] and b[fromB + j ..].
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = equal(a[fromA + i] as T, b[fromB + j] as T)
        ? (table[(i + 1) * width + j + 1] ?? 0) + 1
        : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && equal(a[fromA + i] as T, b[fromB + j] as T)) {
      ops.push({ op: 'equal', a: fromA + i, b: fromB + j });
      i++;
      j++;
    } else if (i < n && (j >= m || (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))) {
      ops.push({ op: 'delete', a: fromA + i });
      i++;
    } else {
      ops.push({ op: 'insert', b: fromB + j });
      j++;
    }
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
    if (options.similarity) pairs.push(...similarPairs(olds, news, gapOld, gapNew, options.similarity, options.threshold ?? 0.6));
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
    const pairedOld = new Set(pairs.map(([a]) => a));
    const pairedNew = new Set(pairs.map(([, b]) => b));
    for (let b = 0; b < news.length; b++) {
      if (pairedNew.has(b)) continue;
      const a = oldKeys.findIndex((key, index) => !pairedOld.has(index) && key === newKeys[b]);
      if (a < 0) continue;
      pairs.push([a, b]);
      pairedOld.add(a);
      moved.add(b);
    }
  }
  pairs.sort((x, y) => x[1] - y[1]);
  return { pairs, moved };
}

/** The order-preserving pairing of a gap that maximises the total similarity. */
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
  if (n === 0 || m === 0) return [];
  const score = (i: number, j: number) => {
    const value = similarity(olds[gapOld[i] as number] as T, news[gapNew[j] as number] as T);
    return value >= threshold ? value : 0;
  };
  const scores = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => score(i, j)));
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
