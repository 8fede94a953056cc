/**
 * Word-level tokens of a text, for the word diff.
 *
 * The rules are chosen to give the same tokens on every ICU build, because a diff whose words
 * change with the Node version cannot be a golden:
 *
 * - whitespace runs are tokens of their own, and any run equals any other (a tab for a space,
 *   two spaces for one, is not a change; a space where there was none is);
 * - Han, Kana and Hangul are compared character by character: ICU's dictionary segmentation of
 *   CJK differs between builds (one build gives `物联网`, another `物` `联` `网`);
 * - a run of Latin letters and digits is one word, joined across `.` `/` `-` `_` `&` `+` `'`
 *   when a letter or digit follows, so that codes stay whole (`Y.4100/Y.2066`, `1/20`,
 *   `ITU-T`, `SC&C`); a URL (as `findUrls` finds it) is one word;
 * - punctuation and symbols are one token per character;
 * - words of other scripts (Cyrillic, Arabic, Thai, …) are cut by `Intl.Segmenter` in the
 *   text's language, the one place where ICU decides.
 *
 * Footnote references become tokens of their own, keyed by a footnote key the caller gives,
 * so that a footnote renumbered in the new edition compares equal to its old self.
 */
import type { Inline } from '../model/document.js';
import { findUrls } from '../model/work-programme.js';

export type TokenKind = 'word' | 'char' | 'space' | 'punct' | 'footnote';

export interface Token {
  kind: TokenKind;
  /** The text as written (a footnote reference shows as `[^1]`). */
  text: string;
  /** What the diff compares: NFC text, one space for any whitespace run, a footnote's key. */
  key: string;
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆〇`;
const LATIN = String.raw`\p{Script=Latin}\p{Nd}`;

const PATTERNS: readonly [TokenKind | 'other', RegExp][] = [
  ['space', /\s+/uy],
  ['char', new RegExp(`[${CJK}]`, 'uy')],
  ['word', new RegExp(String.raw`[${LATIN}](?:[${LATIN}\p{M}]|[./\-_&+'’](?=[${LATIN}]))*`, 'uy')],
  // Letters of other scripts, left to Intl.Segmenter.
  ['other', new RegExp(String.raw`(?:(?![${LATIN}${CJK}])[\p{L}\p{M}\p{N}])+`, 'uy')],
  ['punct', /[\s\S]/uy],
];

/** The tokens of a plain text. `language` is a BCP 47 code (`zh`), for `Intl.Segmenter` only. */
export function tokenize(text: string, language: string): Token[] {
  const tokens: Token[] = [];
  const token = text.length > SHARE_TOKENS_FROM ? tokenMaker() : newToken;
  let at = 0;
  // A URL is one word, found as the model finds it (the work-programme link).
  for (const { url, index } of findUrls(text)) {
    scan(text.slice(at, index), language, token, tokens);
    tokens.push(token('word', url));
    at = index + url.length;
  }
  scan(text.slice(at), language, token, tokens);
  return tokens;
}

/** Appends the tokens of `text` to `tokens`. */
function scan(text: string, language: string, token: TokenMaker, tokens: Token[]): void {
  let at = 0;
  while (at < text.length) {
    for (const [kind, pattern] of PATTERNS) {
      pattern.lastIndex = at;
      // test(), not exec(): no match object per token (a 2 MB paragraph is 700k tokens).
      if (!pattern.test(text)) continue;
      const found = text.slice(at, pattern.lastIndex);
      if (kind === 'other') {
        for (const { segment } of segmenter(language).segment(found)) tokens.push(token('word', segment));
      } else tokens.push(token(kind, found));
      at = pattern.lastIndex;
      break;
    }
  }
}

/** The tokens of inline content; `footnoteKey` maps a reference's id to what it compares as. */
export function tokenizeInlines(
  content: readonly Inline[],
  language: string,
  footnoteKey: (id: string) => string = (id) => id,
): Token[] {
  return content.flatMap((inline) =>
    inline.type === 'text'
      ? tokenize(inline.value, language)
      : [{ kind: 'footnote' as const, text: `[^${inline.id}]`, key: `\u0000footnote:${footnoteKey(inline.id)}` }],
  );
}

type TokenMaker = (kind: TokenKind, text: string) => Token;

function newToken(kind: TokenKind, text: string): Token {
  return { kind, text, key: kind === 'space' ? ' ' : text.normalize('NFC') };
}

/** Texts longer than this share their tokens (below, the maps cost more than they save). */
const SHARE_TOKENS_FROM = 1000;

/**
 * Makes tokens, one shared object per kind and text within one text: a long paragraph repeats
 * few words (a CJK one a few thousand characters), and a token of its own for each occurrence,
 * with its own NFC copy, took 70 bytes a token: 100 MB for the two sides of a 2 MB paragraph.
 * Tokens are never changed after they are made.
 */
function tokenMaker(): TokenMaker {
  const made = new Map<TokenKind, Map<string, Token>>();
  return (kind, text) => {
    let ofKind = made.get(kind);
    if (!ofKind) made.set(kind, (ofKind = new Map()));
    let found = ofKind.get(text);
    if (!found) {
      found = newToken(kind, text);
      ofKind.set(text, found);
    }
    return found;
  };
}

const SEGMENTERS = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let found = SEGMENTERS.get(language);
  if (!found) {
    try {
      found = new Intl.Segmenter(language, { granularity: 'word' });
    } catch {
      // Not a well-formed language tag: the root locale still cuts at word boundaries.
      found = new Intl.Segmenter(undefined, { granularity: 'word' });
    }
    SEGMENTERS.set(language, found);
  }
  return found;
}
