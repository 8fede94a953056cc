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
 *   text's language, the one place where ICU decides;
 * - whitespace that only separates a CJK character from a Latin letter or digit (`第 20 研究组`,
 *   as a PDF's layout or a typesetter writes it) is typography, not content: the source itself
 *   writes both `第20研究组` and `9、10 和 11`. It is kept in the text of the token after it and
 *   left out of the keys, so `第 20 研究组` and `第20研究组` compare equal, `第 20` and `第 21` do not.
 *
 * Footnote references become tokens of their own, keyed by a footnote key the caller gives,
 * so that a footnote renumbered in the new edition compares equal to its old self.
 */
import type { Inline } from '../model/document.js';
import { findUrls } from '../model/work-programme.js';

export type DiffTokenKind = 'word' | 'char' | 'space' | 'punct' | 'footnote';

export interface DiffToken {
  kind: DiffTokenKind;
  /** The text as written (a footnote reference shows as `[^1]`). */
  text: string;
  /** What the diff compares: NFC text, one space for any whitespace run, a footnote's key. */
  key: string;
}

const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆〇`;
const LATIN = String.raw`\p{Script=Latin}\p{Nd}`;

const PATTERNS: readonly [DiffTokenKind | 'other', RegExp][] = [
  ['space', /\s+/uy],
  ['char', new RegExp(`[${CJK}]`, 'uy')],
  ['word', new RegExp(String.raw`[${LATIN}](?:[${LATIN}\p{M}]|[./\-_&+'’](?=[${LATIN}]))*`, 'uy')],
  // Letters of other scripts, left to Intl.Segmenter.
  ['other', new RegExp(String.raw`(?:(?![${LATIN}${CJK}])[\p{L}\p{M}\p{N}])+`, 'uy')],
  ['punct', /[\s\S]/uy],
];

/** The tokens of a plain text. `language` is a BCP 47 code (`zh`), for `Intl.Segmenter` only. */
export function tokenize(text: string, language: string): DiffToken[] {
  const tokens: DiffToken[] = [];
  const token = text.length > SHARE_TOKENS_FROM ? tokenMaker() : newToken;
  let at = 0;
  // A URL is one word, found as the model finds it (the work-programme link).
  for (const { url, index } of findUrls(text)) {
    scan(text.slice(at, index), language, token, tokens);
    tokens.push(token('word', url));
    at = index + url.length;
  }
  scan(text.slice(at), language, token, tokens);
  return foldTypographicSpaces(tokens);
}

/** Appends the tokens of `text` to `tokens`. */
function scan(text: string, language: string, token: TokenMaker, tokens: DiffToken[]): void {
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

const CJK_CHAR = new RegExp(`^[${CJK}]$`, 'u');
const LATIN_EDGE = new RegExp(`[${LATIN}]`, 'u');

/** A CJK character on one side and a Latin letter or digit on the other. */
function cjkLatinPair(before: DiffToken, after: DiffToken): boolean {
  // Keys, not texts: a token may already carry a folded space before it.
  const cjk = (t: DiffToken) => t.kind === 'char' && CJK_CHAR.test(t.key);
  // A word starts with a Latin letter or digit; its last character may be a combining mark.
  const latin = (t: DiffToken, edge: 'first' | 'last') =>
    t.kind === 'word' && LATIN_EDGE.test(edge === 'first' ? t.key.charAt(0) : t.key.replace(/\p{M}+$/u, '').slice(-1));
  return (cjk(before) && latin(after, 'first')) || (latin(before, 'last') && cjk(after));
}

/**
 * A run of spaces between a CJK character and a Latin word joins the token after it: its text
 * keeps the spaces (the diff shows the text as read), its key does not (they are not compared).
 * The token after, so that a phrase added at the end of a text (`11` → `11 和 12`) is inserted
 * with the space before it. Only spaces: a TAB is structure (`1\t引言`), not typography.
 */
function foldTypographicSpaces(tokens: DiffToken[]): DiffToken[] {
  let folded: DiffToken[] | undefined;
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k];
    if (!token) continue;
    const before = folded ? folded[folded.length - 1] : tokens[k - 1];
    const after = tokens[k + 1];
    if (token.kind === 'space' && / +/uy.test(token.text) && !/[^ ]/u.test(token.text) && before && after && cjkLatinPair(before, after)) {
      folded ??= tokens.slice(0, k);
      folded.push({ kind: after.kind, text: token.text + after.text, key: after.key });
      k++;
      continue;
    }
    if (folded) folded.push(token);
  }
  return folded ?? tokens;
}

/** The tokens of inline content; `footnoteKey` maps a reference's id to what it compares as. */
export function tokenizeInlines(content: readonly Inline[], language: string, footnoteKey: (id: string) => string = (id) => id): DiffToken[] {
  return content.flatMap((inline) =>
    inline.type === 'text'
      ? tokenize(inline.value, language)
      : [{ kind: 'footnote' as const, text: `[^${inline.id}]`, key: `\u0000footnote:${footnoteKey(inline.id)}` }],
  );
}

type TokenMaker = (kind: DiffTokenKind, text: string) => DiffToken;

function newToken(kind: DiffTokenKind, text: string): DiffToken {
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
  const made = new Map<DiffTokenKind, Map<string, DiffToken>>();
  return (kind, text) => {
    let ofKind = made.get(kind);
    if (!ofKind) {
      ofKind = new Map();
      made.set(kind, ofKind);
    }
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
