/**
 * A soft line break (a newline inside a paragraph: Markdown's, or a wrapped paragraph of a
 * plain text) is no content. How to read it depends on the tool that wrapped the text:
 *   - an editor re-wrapping at a width breaks Latin text at spaces and CJK text anywhere, so a
 *     break is a space between Latin words and nothing between CJK characters, which are
 *     written without spaces (the CSS Text rule for segment breaks);
 *   - pandoc (and any tool that breaks only at spaces) leaves CJK runs far longer than its
 *     width unbroken, so each of its breaks stands for a space, even between CJK characters
 *     (`Y.4000系列 包括…`). `wrapsOnlyAtSpaces` tells the two apart from the text itself.
 * Hard breaks (`\` or two spaces before the newline in Markdown) are not soft and stay.
 */

export type SoftBreaks = 'cjk' | 'space';

/** Han, kana, Hangul, Bopomofo, CJK punctuation and full-width forms: written without spaces. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;

/** The text with each soft break read: a space, or nothing between two CJK characters ('cjk'). */
export function joinSoftBreaks(text: string, breaks: SoftBreaks = 'cjk'): string {
  if (!text.includes('\n')) return text;
  // Split, not a regular expression over `[ \t]*\n[ \t]*`: that retries every space of a long
  // run of spaces and takes quadratic time.
  const lines = text.split('\n');
  let out = trimTabsAndSpaces(lines[0] ?? '', false, true);
  for (let i = 1; i < lines.length; i++) {
    const next = trimTabsAndSpaces(lines[i] ?? '', true, i < lines.length - 1);
    const before = out.charAt(out.length - 1);
    const after = next.charAt(0);
    out += breaks === 'cjk' && CJK.test(before) && CJK.test(after) ? next : ` ${next}`;
  }
  return out;
}

function trimTabsAndSpaces(text: string, start: boolean, end: boolean): string {
  let from = 0;
  let to = text.length;
  if (start) while (from < to && (text[from] === ' ' || text[from] === '\t')) from++;
  if (end) while (to > from && (text[to - 1] === ' ' || text[to - 1] === '\t')) to--;
  return text.slice(from, to);
}

/** East Asian Wide and Fullwidth characters: two columns on a terminal, and in pandoc's layout. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

export function isWide(ch: string): boolean {
  return WIDE.test(ch);
}

/** Columns a line takes (CJK two each). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** A line this much wider than every wrapped line was left unbroken by the wrapping tool. */
const UNBROKEN_FACTOR = 2;
const MIN_UNBROKEN_WIDTH = 100;

/**
 * Lines of CJK left unbroken that it takes to believe the tool could not break them: one such
 * line can be a part the editor left alone (a footnote definition, a line it skipped); pandoc
 * leaves every CJK paragraph whole (008C's plain text: dozens).
 */
const MIN_UNBROKEN_LINES = 3;

/**
 * Did the tool that wrapped these paragraphs (each the list of its lines) break only at
 * spaces? Yes when some wrapped line exists and several lines holding CJK are over twice as
 * wide as the widest wrapped line: an editor breaks CJK text at its width, pandoc cannot.
 */
export function wrapsOnlyAtSpaces(paragraphs: readonly (readonly string[])[]): boolean {
  let wrapped = -1;
  const cjkWidths: number[] = [];
  for (const lines of paragraphs) {
    lines.forEach((line, i) => {
      const width = displayWidth(line.trim());
      if (i < lines.length - 1) wrapped = Math.max(wrapped, width);
      if (CJK.test(line)) cjkWidths.push(width);
    });
  }
  if (wrapped < 0) return false;
  const unbroken = cjkWidths.filter((width) => width >= MIN_UNBROKEN_WIDTH && width > UNBROKEN_FACTOR * wrapped);
  return unbroken.length >= MIN_UNBROKEN_LINES;
}
