/**
 * The word diff of two texts: the token-level edit script, merged into runs, which every
 * rendering shows (`[-old-]{+new+}`, `<del>`/`<ins>`, a DOCX redline).
 */
import type { Inline } from '../model/document.js';
import { editScript } from './lcs.js';
import { tokenizeInlines, type Token } from './tokens.js';

/** A run of the word diff: text found in both editions, only in the new one, only in the old one. */
export interface WordOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A text to compare: its tokens, and its display text. */
export interface Tokens {
  tokens: Token[];
  text: string;
}

export function textTokens(content: readonly Inline[], language: string, footnoteKey?: (id: string) => string): Tokens {
  const tokens = tokenizeInlines(content, language, footnoteKey);
  return { tokens: trimSpace(tokens), text: tokens.map((t) => t.text).join('').trim() };
}

/** Edges are layout, not content: leading and trailing whitespace never counts. */
function trimSpace(tokens: Token[]): Token[] {
  let start = 0;
  let end = tokens.length;
  while (start < end && tokens[start]?.kind === 'space') start++;
  while (end > start && tokens[end - 1]?.kind === 'space') end--;
  return tokens.slice(start, end);
}

/** The key two texts are equal by. */
export function compareKey(text: Tokens): string {
  return text.tokens.map((t) => t.key).join('');
}

/** The word diff of two texts, or `undefined` when they are equal. */
export function wordDiff(old: Tokens, neu: Tokens): WordOp[] | undefined {
  if (compareKey(old) === compareKey(neu)) return undefined;
  const raw: WordOp[] = [];
  for (const op of editScript(old.tokens, neu.tokens, (x, y) => x.key === y.key)) {
    if (op.op === 'equal') raw.push({ op: 'equal', text: neu.tokens[op.b]?.text ?? '' });
    else if (op.op === 'delete') raw.push({ op: 'delete', text: old.tokens[op.a]?.text ?? '' });
    else raw.push({ op: 'insert', text: neu.tokens[op.b]?.text ?? '' });
  }
  return merge(absorbIslands(merge(raw)));
}

/**
 * Similarity of two texts, 0…1: twice the common tokens over all tokens, whitespace left out
 * (the Dice coefficient of their LCS). Cheap bounds first, since alignment asks for many pairs.
 */
export function similarity(old: Tokens, neu: Tokens): number {
  const a = old.tokens.filter((t) => t.kind !== 'space').map((t) => t.key);
  const b = neu.tokens.filter((t) => t.kind !== 'space').map((t) => t.key);
  if (a.length + b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const bound = (2 * commonCount(a, b)) / (a.length + b.length);
  if (bound < 0.3) return bound;
  const common = editScript(a, b).filter((op) => op.op === 'equal').length;
  return (2 * common) / (a.length + b.length);
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

/**
 * An equal run of one character or one space between two edits is read as part of the edit
 * (`[-迅速-]{+快捷+}` rather than `[-迅-]{+快+}速[-…`): a diff of CJK text by characters
 * otherwise shreds a rewritten phrase.
 */
function absorbIslands(ops: readonly WordOp[]): WordOp[] {
  const out: WordOp[] = ops.map((op) => ({ ...op }));
  for (let i = 1; i < out.length - 1; i++) {
    const op = out[i] as WordOp;
    if (op.op !== 'equal' || [...op.text.trim()].length > 1) continue;
    const before = out[i - 1] as WordOp;
    const after = out[i + 1] as WordOp;
    if (before.op === 'equal' || after.op === 'equal') continue;
    out.splice(i, 1, { op: 'delete', text: op.text }, { op: 'insert', text: op.text });
    i++;
  }
  return out;
}

/** Inline content as one line, as the diff shows it: footnote references as `[^1]`. */
export function displayText(content: readonly Inline[]): string {
  return content
    .map((inline) => (inline.type === 'text' ? inline.value : `[^${inline.id}]`))
    .join('')
    .trim();
}
