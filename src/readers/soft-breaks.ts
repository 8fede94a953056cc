/**
 * A soft line break in Markdown (a newline inside a paragraph, as an editor re-wraps one) is no
 * content: it stands for a space between Latin words and for nothing between CJK characters,
 * which are written without spaces (the CSS Text rule for segment breaks, `segment-break-transform`).
 * Hard breaks (`\` or two spaces before the newline) are a separate mdast node and stay line breaks.
 */

/** Han, kana, Hangul, Bopomofo, CJK punctuation and full-width forms: written without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/** A newline with the indentation around it, as a re-wrapping editor leaves it. */
const BREAK = /[ \t]*\n[ \t]*/gu;

/** The text with each soft break read: nothing between two CJK characters, a space elsewhere. */
export function joinSoftBreaks(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(BREAK, (found: string, at: number) => {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + found.length);
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}
