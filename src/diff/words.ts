/**
 * The word diff of two texts: the token-level edit script, cleaned up for a reader
 * (./semantic.ts) and merged into runs, which every rendering shows (`[-old-]{+new+}`, `<del>`/`<ins>`, a DOCX redline).
 */
import type { Inline } from '../model/document.js';
import { editRuns, editScript } from './lcs.js';
import { cleanupSemantic, type TokenRun } from './semantic.js';
import { tokenizeInlines, type DiffToken } from './tokens.js';
import { isUncarried, withoutUncarried } from './uncarried.js';

/** A run of the word diff: text found in both editions, only in the new one, only in the old one. */
export interface WordOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A text to compare: its tokens, and its display text. */
export interface Tokens {
  tokens: DiffToken[];
  text: string;
}

export function textTokens(content: readonly Inline[], language: string, footnoteKey?: (id: string) => string): Tokens {
  const tokens = tokenizeInlines(content, language, footnoteKey);
  return {
    tokens: trimSpace(tokens),
    text: tokens
      .map((t) => t.text)
      .join('')
      .trim(),
  };
}

/** Edges are layout, not content: leading and trailing whitespace never counts. */
function trimSpace(tokens: DiffToken[]): DiffToken[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && tokens[start]?.kind === 'space') start++;
  while (end > start && tokens[end - 1]?.kind === 'space') end--;
  return tokens.slice(start, end);
}

const COMPARE_KEYS = new WeakMap<Tokens, string>();

/** The key two texts are equal by (cached: alignment and the word diff both ask). */
export function compareKey(text: Tokens): string {
  let key = COMPARE_KEYS.get(text);
  if (key === undefined) {
    key = '';
    for (const token of text.tokens) key += token.key;
    COMPARE_KEYS.set(text, key);
  }
  return key;
}

/**
 * The word diff of two texts, or `undefined` when they are equal. A reference to a footnote the
 * other side's text does not carry (./uncarried.ts) counts as absent or as its number, whichever
 * makes the texts equal; where they still differ, the diff is shown without it.
 */
export function wordDiff(old: Tokens, neu: Tokens): WordOp[] | undefined {
  if (compareKey(old) === compareKey(neu)) return undefined;
  if (old.tokens.some(isUncarried) || neu.tokens.some(isUncarried)) {
    const variant = (text: Tokens, asNumber: boolean): Tokens => ({ tokens: trimSpace(withoutUncarried(text.tokens, asNumber)), text: text.text });
    const diffs: WordOp[][] = [];
    for (const asNumber of [true, false]) {
      const [a, b] = [variant(old, asNumber), variant(neu, asNumber)];
      if (compareKey(a) === compareKey(b)) return undefined;
      diffs.push(diffRuns(a, b));
    }
    // The reading that changes the least: the mark as its number (LibreOffice) or as nothing (mammoth).
    const changed = (ops: WordOp[]) => ops.reduce((sum, op) => sum + (op.op === 'equal' ? 0 : op.text.length), 0);
    return diffs.reduce((best, ops) => (changed(ops) < changed(best) ? ops : best));
  }
  return diffRuns(old, neu);
}

function diffRuns(old: Tokens, neu: Tokens): WordOp[] {
  const runs: TokenRun[] = editRuns(old.tokens, neu.tokens, (x, y) => x.key === y.key).map((run) => ({
    op: run.op,
    old: run.op === 'insert' ? [] : old.tokens.slice(run.a, run.a + run.count),
    neu: run.op === 'delete' ? [] : neu.tokens.slice(run.b, run.b + run.count),
  }));
  // Equal runs are written as the new edition has them, deletions as the old one.
  return merge(cleanupSemantic(runs).map((run) => ({ op: run.op, text: joinTexts(run.op === 'delete' ? run.old : run.neu) })));
}

function joinTexts(tokens: readonly DiffToken[]): string {
  let text = '';
  for (const token of tokens) text += token.text;
  return text;
}

/**
 * Texts longer than this (in tokens, both together, whitespace left out) are compared by their
 * words alone, not their order: the LCS of two long texts costs up to their product, and
 * alignment asks for the similarity of many pairs. 2,000 tokens is a long page.
 */
export const ORDERED_SIMILARITY_TOKENS = 2000;

/**
 * Similarity of two texts, 0…1: twice the common tokens over all tokens, whitespace left out
 * (the Dice coefficient of their LCS). Cheap bounds first, since alignment asks for many pairs.
 * Long texts count common tokens without their order (an upper bound of the LCS), in linear time.
 */
export function similarity(old: Tokens, neu: Tokens): number {
  const a = wordKeys(old);
  const b = wordKeys(neu);
  const total = a.length + b.length;
  if (total === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  // The shorter text all in common is the most there can be.
  if ((2 * Math.min(a.length, b.length)) / total < 0.3) return (2 * Math.min(a.length, b.length)) / total;
  const bound = (2 * commonCount(a, b)) / total;
  if (bound < 0.3 || total > ORDERED_SIMILARITY_TOKENS) return bound;
  return (2 * lcsLength(a, b)) / total;
}

const WORD_KEYS = new WeakMap<Tokens, string[]>();

/** The keys of a text's tokens, whitespace left out (cached: alignment scores each text against many). */
function wordKeys(text: Tokens): string[] {
  let keys = WORD_KEYS.get(text);
  if (!keys) {
    keys = text.tokens.filter((t) => t.kind !== 'space').map((t) => t.key);
    WORD_KEYS.set(text, keys);
  }
  return keys;
}

/**
 * Short texts: a table this size is cheaper than setting up the O(ND) search, and alignment
 * asks for thousands of pairs of short items.
 */
const TABLE_CELLS = 65_536;

/** The length of the longest common subsequence (unique, whatever finds it). */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  if (a.length * b.length > TABLE_CELLS) {
    let common = 0;
    for (const op of editScript(a, b)) if (op.op === 'equal') common++;
    return common;
  }
  // Two rows of the classic table: row i holds the LCS of a[..i] with each prefix of b.
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (const x of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = x === b[j - 1] ? (previous[j - 1] ?? 0) + 1 : Math.max(previous[j] ?? 0, current[j - 1] ?? 0);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
}

/** The size of the multiset intersection: an upper bound of the LCS. */
function commonCount(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of a) counts.set(key, (counts.get(key) ?? 0) + 1);
  let common = 0;
  for (const key of b) {
    const left = counts.get(key) ?? 0;
    if (left > 0) {
      common++;
      counts.set(key, left - 1);
    }
  }
  return common;
}

/** Adjacent runs of one kind as one run; within a replacement, the deletion first. */
function merge(ops: readonly WordOp[]): WordOp[] {
  const out: WordOp[] = [];
  let pendingDelete = '';
  let pendingInsert = '';
  const flush = () => {
    if (pendingDelete) out.push({ op: 'delete', text: pendingDelete });
    if (pendingInsert) out.push({ op: 'insert', text: pendingInsert });
    pendingDelete = '';
    pendingInsert = '';
  };
  for (const op of ops) {
    if (op.op === 'delete') pendingDelete += op.text;
    else if (op.op === 'insert') pendingInsert += op.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === 'equal') last.text += op.text;
      else out.push({ op: 'equal', text: op.text });
    }
  }
  flush();
  return out;
}

/** Inline content as one line, as the diff shows it: footnote references as `[^1]`. */
export function displayText(content: readonly Inline[]): string {
  return content
    .map((inline) => (inline.type === 'text' ? inline.value : `[^${inline.id}]`))
    .join('')
    .trim();
}
