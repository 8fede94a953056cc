/**
 * What every comparison step needs: how to tokenise each side (its language, its footnote
 * keys), where the step is (Question, section), and the list the changes go to.
 */
import type { Inline } from '../model/document.js';
import { textContent } from '../model/inline.js';
import { align, type Pairing } from './lcs.js';
import type { Change, ChangeTarget } from './types.js';
import { compareKey, similarity, textTokens, wordDiff, type Tokens } from './words.js';

export interface Side {
  language: string;
  /** What a footnote reference of this side compares as (paired footnotes share a key). */
  footnoteKey: (id: string) => string;
  cache: WeakMap<readonly Inline[], Tokens>;
}

export interface DiffContext {
  old: Side;
  new: Side;
  changes: Change[];
  question?: string;
  section?: string;
}

export function side(language: string, footnoteKey: (id: string) => string): Side {
  return { language, footnoteKey, cache: new WeakMap() };
}

/** The tokens of inline content (cached: alignment asks for the same text many times). */
export function tokensOf(side: Side, content: readonly Inline[]): Tokens {
  let found = side.cache.get(content);
  if (!found) {
    found = textTokens(content, side.language, side.footnoteKey);
    side.cache.set(content, found);
  }
  return found;
}

/** The same for a plain string; strings are not cached (they are short: titles, cells, labels). */
export function stringTokens(side: Side, text: string): Tokens {
  return textTokens(textContent(text), side.language, side.footnoteKey);
}

export function keyOf(side: Side, content: readonly Inline[]): string {
  return compareKey(tokensOf(side, content));
}

export function similarityOf(context: DiffContext, old: readonly Inline[], neu: readonly Inline[]): number {
  return similarity(tokensOf(context.old, old), tokensOf(context.new, neu));
}

/** Texts at or above this similarity pair as one changed text rather than a removal and an addition. */
export const SIMILARITY_THRESHOLD = 0.6;

/** Aligns two sequences of texts (paragraphs, items): exact LCS, then similar pairs, then moves. */
export function alignTexts(context: DiffContext, old: readonly (readonly Inline[])[], neu: readonly (readonly Inline[])[]): Pairing {
  type Element = { content: readonly Inline[]; key: string; side: Side };
  const elements = (contents: readonly (readonly Inline[])[], on: Side): Element[] =>
    contents.map((content) => ({ content, key: keyOf(on, content), side: on }));
  return align(elements(old, context.old), elements(neu, context.new), {
    key: (element) => element.key,
    similarity: (a, b) => similarityOf(context, a.content, b.content),
    threshold: SIMILARITY_THRESHOLD,
    moves: true,
  });
}

/** Records a change at the current place. */
export function record(context: DiffContext, change: Omit<Change, 'question' | 'section'>): void {
  context.changes.push({
    ...change,
    ...(context.question !== undefined && { question: context.question }),
    ...(context.section !== undefined && { section: context.section }),
  });
}

/** Compares one text of each side and records a `changed` with its word diff when they differ. */
export function compareTokens(context: DiffContext, target: ChangeTarget, path: string, old: Tokens, neu: Tokens): boolean {
  const words = wordDiff(old, neu);
  if (!words) return false;
  record(context, { kind: 'changed', target, path, old: old.text, new: neu.text, words });
  return true;
}

export function compareInlines(context: DiffContext, target: ChangeTarget, path: string, old: readonly Inline[], neu: readonly Inline[]): boolean {
  return compareTokens(context, target, path, tokensOf(context.old, old), tokensOf(context.new, neu));
}

export function compareStrings(context: DiffContext, target: ChangeTarget, path: string, old: string, neu: string): boolean {
  // Equal strings tokenise alike: most titles and cells of two editions are.
  if (old === neu && context.old.language === context.new.language) return false;
  return compareTokens(context, target, path, stringTokens(context.old, old), stringTokens(context.new, neu));
}

/** `name[key]`: the one way paths index (src/diff/types.ts gives the syntax). */
export function indexed(prefix: string, name: string, key: string | number): string {
  return `${prefix}${prefix ? '.' : ''}${name}[${key}]`;
}

export function member(prefix: string, name: string): string {
  return `${prefix}${prefix ? '.' : ''}${name}`;
}
