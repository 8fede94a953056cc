/**
 * What the readers of a PDF's text share (`pdf-layout.ts`, `pdf-raw.ts`): how wide a line is, how
 * wrapped lines join, where the right margin is, footnote marks, labels and continuation notes of
 * every language table.
 */
import { LANGUAGES, relationshipRole, sectionRole } from '../../model/languages/index.js';
import { labelOf } from '../assemble/blocks.js';

/** Columns that a run of at least this many spaces separates (in a table, a heading, a note). */
export const GAP = /\s{2,}/u;
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** Characters a line never starts with in CJK typesetting (kinsoku): the line before was cut. */
export const NO_LINE_START = /^[、，。．：；？！）」』】〕》〉,.;:)]/u;
/** A line end after which a code goes on without a space (`Y.4111/` `Y.2076`). */
const JOINS_CLOSE = /[/_&+]$/u;
/** A URL at a line's end: pdftotext cuts it where it did not fit, it goes on without a space. */
const URL_END = /(?:^|\s|\()(?:https?:\/\/|www\.)\S*$/u;
/** A word cut with a hyphen at the line's end (`low-` / `power`, `ITU-` / `T`). */
const HYPHEN_END = /(\p{L}+)-$/u;
const WORD_START = /^\p{L}+/u;
const WORD_END = /\p{L}+$/u;

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

/**
 * A footnote's mark: its number between two CJK characters (`隐私1以及`), or right after a
 * letter that is not a capital and before no letter or digit (`earth1.`; not `SG2`, `M2M`).
 */
export function noteMark(number: string): RegExp {
  return new RegExp(`(?<=${CJK.source})${number}(?=${CJK.source})|(?<=[^\\P{L}\\p{Lu}])${number}(?![\\p{L}\\p{N}])`, 'u');
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

/** How often each word (a run of letters, lower-cased) occurs in a text: the evidence for joining cut words. */
export type Words = ReadonlyMap<string, number>;

export function wordCounts(text: string): Words {
  const counts = new Map<string, number>();
  for (const [word] of text.matchAll(/\p{L}+/gu)) counts.set(word.toLowerCase(), (counts.get(word.toLowerCase()) ?? 0) + 1);
  return counts;
}

/**
 * Joins two pieces of one paragraph: CJK without a space, a code cut at `/` or between digits
 * without one, a URL or what an opening bracket ends without one, Latin words with one. What the document itself shows decides
 * the rest (`words`, its word counts): a hyphen at the end is dropped only when the word without
 * it occurs in the document (`inter-` / `operate` where `interoperate` occurs), else kept
 * (`ITU-` / `T`, `low-` / `power`); two pieces of a word cut where a narrow column ended (`Forme`
 * / `r No.`) go together when the whole word occurs and one of the pieces occurs nowhere else.
 */
export function join(before: string, after: string, words?: Words): string {
  const end = before.trimEnd();
  const start = after.trimStart();
  const last = end.slice(-1);
  const first = start.charAt(0);
  if (end === '' || start === '') return end + start;
  if (CJK.test(last) || CJK.test(first) || NO_LINE_START.test(start)) return end + start;
  if (JOINS_CLOSE.test(end) || (/\d/u.test(last) && /\d/u.test(first)) || URL_END.test(end) || /\p{Ps}$/u.test(end)) return end + start;
  // `Y.` / `4204`, `F.748.` / `0`: a code; `data.` / `Farmers`: a sentence ends.
  if (last === '.' && /\d/u.test(first)) return end + start;
  const head = WORD_START.exec(start)?.[0];
  const hyphen = HYPHEN_END.exec(end)?.[1];
  if (hyphen !== undefined) {
    const whole = head === undefined ? undefined : (hyphen + head).toLowerCase();
    return whole !== undefined && (words?.get(whole) ?? 0) > 0 ? end.slice(0, -1) + start : end + start;
  }
  const tail = WORD_END.exec(end)?.[0];
  if (words && head !== undefined && tail !== undefined) {
    const count = (word: string) => words.get(word.toLowerCase()) ?? 0;
    if (count(tail + head) > 0 && (count(tail) <= 1 || count(head) <= 1)) return end + start;
  }
  return `${end} ${start}`;
}

/**
 * Whether a line ended because the next line's first word would not have fitted: its width and
 * that word's reach the right margin. CJK is set in fixed widths; Latin, Cyrillic or Arabic in
 * proportional ones, which pdftotext's columns only approximate: a line within a tenth of the
 * margin is full too, unless it ends a sentence.
 */
export function isFull(lastWidth: number, lastText: string, next: string, margin: number): boolean {
  const reach = lastWidth + firstWordWidth(next);
  if (reach >= margin - 1) return true;
  const end = lastText.trimEnd();
  if (CJK.test(end.slice(-1)) || endsClause(end)) return false;
  return reach + 1 >= margin * PROPORTIONAL;
}

/** Whether a line ends a sentence or a clause (`.`, `:`, `？`…), not a URL cut at its `?` or `.`. */
export function endsClause(text: string): boolean {
  const end = text.trimEnd();
  return /[.!?;:。？！；：]$/u.test(end) && !URL_END.test(end);
}

/** How close to the margin a line of proportional text may end and still be full. */
const PROPORTIONAL = 0.9;

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
 * In a text of proportional type without columns (`byLongest`), the width that only a tenth of
 * the long lines (three quarters of the narrowest margin believed) exceed.
 */
export function rightMargin(lines: readonly string[], byLongest = false): number {
  const widths = lines
    .filter((line) => line.trim() !== '')
    .map(displayWidth)
    .sort((a, b) => a - b);
  const top = widths[Math.floor(widths.length * 0.95)] ?? 0;
  // Proportional type (few CJK lines) ends its full lines anywhere near the margin: no width is
  // most common, the longest lines show where it is, when no table's columns widen them (raw text).
  const cjk = lines.filter((line) => CJK.test(line)).length;
  if (byLongest && cjk * 2 < widths.length) {
    const long = widths.filter((width) => width >= MIN_MARGIN * 0.75);
    return Math.max(MIN_MARGIN, long[Math.floor(long.length * 0.9)] ?? top);
  }
  const counts = new Map<number, number>();
  for (const width of widths) if (width >= top * 0.8) counts.set(width, (counts.get(width) ?? 0) + 1);
  let margin = top;
  let most = 0;
  for (const [width, count] of counts) {
    if (count > most || (count === most && width > margin)) [margin, most] = [width, count];
  }
  return Math.max(MIN_MARGIN, margin);
}

/** The column titles of Table 1 in every language table, by their letters without spaces. */
const COLUMN_TITLES = new Map(
  Object.values(LANGUAGES).flatMap((table) => table.tableColumns.map((title) => [title.replace(/\s+/gu, ''), title] as const)),
);

/**
 * The column title of a language table whose letters (spaces aside) are those of a header
 * cell's pieces, which a column narrower than a word cut (`Nouve` / `au n°`, `Новы` / `й№`).
 */
export function columnTitle(pieces: readonly string[]): string | undefined {
  return COLUMN_TITLES.get(pieces.join('').replace(/\s+/gu, ''));
}

/** The continuation note under a Question heading, in any language table. */
export function continuationNote(text: string): boolean {
  return Object.values(LANGUAGES).some((table) => table.continuationNote.test(text.trim()));
}

/** A section heading of any language table (`Tasks`, `Tâches`, `目的`), as a line of its own. */
export function isSectionTitle(text: string): boolean {
  return Object.values(LANGUAGES).some((table) => sectionRole(table, text.trim()) !== undefined);
}

/** A relationship label of any language table (`建议书：`, `WSIS 行动方面：`): never a continuation. */
export function isLabel(text: string): boolean {
  return Object.values(LANGUAGES).some((table) => {
    const label = labelOf(text, table);
    return label !== undefined && relationshipRole(table, label) !== undefined;
  });
}
