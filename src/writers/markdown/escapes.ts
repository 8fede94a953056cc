/**
 * Escaping for the Markdown writer (./index.ts): remark-stringify's own escapes, found faster.
 */
import type * as Md from 'mdast';
import { defaultHandlers, type Handle, type State } from 'mdast-util-to-markdown';

/**
 * The default text handler, given only the escape patterns (`state.unsafe`) whose character
 * occurs in the text. The serialiser runs each of its ~90 patterns over every text, yet a
 * pattern only ever escapes its own character, inside the text: the output is the same, and
 * the writer takes about half the time (most of a Questions text is CJK or plain words, and
 * every pattern is for an ASCII character: punctuation, whitespace, control characters).
 */
export const textWithItsPatterns: Handle = (node, parent, state, info) => {
  const all = state.unsafe;
  state.unsafe = patternsFor((node as Md.Text).value, all);
  try {
    return defaultHandlers.text(node as Md.Text, parent, state, info);
  } finally {
    state.unsafe = all;
  }
};

type Unsafe = State['unsafe'][number];

/** Where the patterns of one list are, by character ('' for a pattern of no single character). */
interface PatternIndex {
  byCharacter: Map<string, number[]>;
  /** Every pattern is for an ASCII character: other characters need no look. */
  asciiOnly: boolean;
  /** The patterns for each set of characters met (keyed by the characters, as first met). */
  chosen: Map<string, Unsafe[]>;
}
const patternIndexes = new WeakMap<readonly Unsafe[], PatternIndex>();

function patternIndex(all: readonly Unsafe[]): PatternIndex {
  let index = patternIndexes.get(all);
  if (index === undefined) {
    const byCharacter = new Map<string, number[]>();
    all.forEach(({ character }, i) => {
      const key = character.length === 1 ? character : '';
      byCharacter.set(key, [...(byCharacter.get(key) ?? []), i]);
    });
    const asciiOnly = all.every(({ character }) => character.length !== 1 || character.charCodeAt(0) < 128);
    index = { byCharacter, asciiOnly, chosen: new Map() };
    patternIndexes.set(all, index);
  }
  return index;
}

/** The patterns of `all` that can apply to `text`, in their order in `all`. */
export function patternsFor(text: string, all: readonly Unsafe[]): Unsafe[] {
  const { byCharacter, asciiOnly, chosen } = patternIndex(all);
  let seen = '';
  for (let i = 0; i < text.length; i++) {
    if (asciiOnly && text.charCodeAt(i) >= 128) continue;
    const character = text.charAt(i);
    if (!seen.includes(character)) seen += character;
  }
  let patterns = chosen.get(seen);
  if (patterns === undefined) {
    const positions = [...(byCharacter.get('') ?? [])];
    for (let i = 0; i < seen.length; i++) positions.push(...(byCharacter.get(seen.charAt(i)) ?? []));
    patterns = positions.sort((a, b) => a - b).map((position) => all[position] as Unsafe);
    chosen.set(seen, patterns);
  }
  return patterns;
}
