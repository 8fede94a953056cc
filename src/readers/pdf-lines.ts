/**
 * What the readers of a PDF's text share (`pdf-layout.ts`, `pdf-raw.ts`): how wide a line is, how
 * wrapped lines join, where the right margin is, footnote marks, labels and continuation notes of
 * every language table.
 */
import { LANGUAGES, relationshipRole } from '../model/languages/index.js';
import { labelOf } from './blocks.js';

/** Columns that a run of at least this many spaces separates (in a table, a heading, a note). */
export const GAP = /\s{2,}/u;
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** Characters a line never starts with in CJK typesetting (kinsoku): the line before was cut. */
export const NO_LINE_START = /^[、，。．：；？！）」』】〕》〉,.;:)]/u;
/** A line end after which a code or URL goes on without a space. */
const JOINS_CLOSE = /[/.\-_&+]$/u;

export const MARKERS = [...new Set(Object.values(LANGUAGES).flatMap((table) => table.listMarkers))];
export const CAPTIONS = Object.values(LANGUAGES).map((table) => table.tableCaption);

/** Display width: a CJK character or full-width form takes two columns, anything else one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += CJK.test(char) ? 2 : 1;
  return width;
}

/** Whitespace runs as one space, edges trimmed: how furniture is compared from page to page. */
export const normal = (line: string) => line.trim().replace(/\s+/gu, ' ');

/** A footnote's mark: its number between two CJK characters (`隐私1以及`). */
export function noteMark(number: string): RegExp {
  return new RegExp(`(?<=${CJK.source})${number}(?=${CJK.source})`, 'u');
}

/** Each paragraph's text gets `[footnoteRef:N]` at its mark and `[N: text]` at its end. */
export function linkNotes(lines: string[], notes: ReadonlyMap<string, string>): string[] {
  // In number order, as a paragraph's notes follow it (a raw page gives its last note first).
  const left = new Map([...notes].sort(([a], [b]) => Number(a) - Number(b)));
  return lines.map((line) => {
    for (const [number, text] of left) {
      const mark = noteMark(number);
      if (line.startsWith('\t') || !mark.test(line)) continue;
      left.delete(number);
      line = `${line.replace(mark, `[footnoteRef:${number}]`)} [${number}: ${text}]`;
    }
    return line;
  });
}

/** Joins two pieces of one paragraph: CJK without a space, a code cut at `/` or between digits without one. */
export function join(before: string, after: string): string {
  const end = before.trimEnd();
  const start = after.trimStart();
  const last = end.slice(-1);
  const first = start.charAt(0);
  if (end === '' || start === '') return end + start;
  if (CJK.test(last) || CJK.test(first) || NO_LINE_START.test(start)) return end + start;
  if (JOINS_CLOSE.test(end) || (/\d/u.test(last) && /\d/u.test(first))) return end + start;
  return `${end} ${start}`;
}

/**
 * What a line would have had to fit at the end of the line before: its first unit (a CJK
 * character or a Latin word) with the opening brackets before it and the punctuation after it,
 * which a line never ends or starts with (`（QoE/QoS），`).
 */
const FIRST_UNIT = new RegExp(
  `^[（(「『【〔《〈“‘]*(?:${CJK.source}|[^\\s（(「『【〔《〈“‘、，。．：；？！）」』】〕》〉\\p{Script=Han}]+)[、，。．：；？！）」』】〕》〉”’]*`,
  'u',
);

export function firstWordWidth(line: string): number {
  const text = line.trimStart();
  return displayWidth(FIRST_UNIT.exec(text)?.[0] ?? text.charAt(0));
}

/**
 * The narrowest right margin believed: a text of short lines only (a list, a few headings) has
 * not shown where its lines end, and a page of a Questions text is wider than this in columns
 * (A4 at 10 to 12 points: 80 to 100).
 */
const MIN_MARGIN = 60;

/**
 * The right margin: the most common width among the longest lines. A full line of Chinese is
 * always as wide (40 characters); lines with Latin words or codes end a little short or long.
 */
export function rightMargin(lines: readonly string[]): number {
  const widths = lines.filter((line) => line.trim() !== '').map(displayWidth).sort((a, b) => a - b);
  const top = widths[Math.floor(widths.length * 0.95)] ?? 0;
  const counts = new Map<number, number>();
  for (const width of widths) if (width >= top * 0.8) counts.set(width, (counts.get(width) ?? 0) + 1);
  let margin = top;
  let most = 0;
  for (const [width, count] of counts) {
    if (count > most || (count === most && width > margin)) [margin, most] = [width, count];
  }
  return Math.max(MIN_MARGIN, margin);
}

/** The continuation note under a Question heading, in any language table. */
export function continuationNote(text: string): boolean {
  return Object.values(LANGUAGES).some((table) => table.continuationNote.test(text.trim()));
}

/** A relationship label of any language table (`建议书：`, `WSIS 行动方面：`): never a continuation. */
export function isLabel(text: string): boolean {
  return Object.values(LANGUAGES).some((table) => {
    const label = labelOf(text, table);
    return label !== undefined && relationshipRole(table, label) !== undefined;
  });
}
