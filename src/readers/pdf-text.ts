/**
 * A pre-pass for the text of a PDF as `pdftotext -layout` writes it: it turns the pages back
 * into the lines the text reader takes (Tika's layout: `A.1<TAB>目的`, `–<TAB>item`, one table
 * cell per line after a TAB, `[footnoteRef:N]` and `[N: text]`, the footer at the end), so
 * that one reader and one assembler read every text.
 *
 * Recognised by its signs, never by a file name: pages separated by form feeds, and page
 * furniture (a footer or running head) repeated at the edge of most pages.
 *
 * Undoes:
 *   - page furniture: lines repeated at the bottom (or top) of the pages are dropped and the
 *     footer kept once, at the end, as the footer metadata (`L:\008C.DOCX<TAB>27.01.21<TAB>…`);
 *   - lines wrapped at the page width: a line continues the one before when that one was full
 *     (the next line's first word would not have fitted), or when it starts with a character a
 *     line never starts with (`、`, `）`), or when it stands at the text indent of a list item
 *     and is not a label (`建议书：`). Joined without a space when either side is CJK, or the
 *     line ends with `/ . - _ & +` or between two digits (a code cut where it did not fit:
 *     `Y.4111/`+`Y.2076`, `Y.207`+`7`); with one space between Latin words;
 *   - the footnote printed at the page bottom (`1     根据 …` after a blank line): linked back to
 *     the number standing as its mark between two CJK characters on the same page;
 *   - headings and list markers set apart by spaces: the spaces become Tika's TAB;
 *   - Table 1 laid out in columns: each row starts at the left edge; a line's words go to the
 *     column of that row whose start is nearest.
 * The text without `-layout` (reading order, no indents or columns) goes to `pdf-raw.ts`.
 * Not handled yet: tables across a page break, running heads at the top of the page that differ
 * from page to page.
 */
import { LANGUAGES, relationshipRole } from '../model/languages/index.js';
import { labelOf } from './blocks.js';
import { rawToLines } from './pdf-raw.js';

/** Columns that a run of at least this many spaces separates (in a table, a heading, a note). */
const GAP = /\s{2,}/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;
/** Characters a line never starts with in CJK typesetting (kinsoku): the line before was cut. */
const NO_LINE_START = /^[、，。．：；？！）」』】〕》〉,.;:)]/u;
/** A line end after which a code or URL goes on without a space. */
const JOINS_CLOSE = /[/.\-_&+]$/u;
/** Headings as a PDF sets them: a number or a letter (`1`, `A`, `A.1`), spaces, the title. */
const HEADING = /^(?<number>\d{1,2}|[A-Z]{1,2}|[A-Z]{1,2}\.\d{1,2})\s{2,}(?<title>\S.*)$/u;
/** A footnote at the bottom of a page: its number, spaces, its text. */
const NOTE = /^(?<number>\d{1,3})\s{2,}(?<text>\S.*)$/u;

const MARKERS = [...new Set(Object.values(LANGUAGES).flatMap((table) => table.listMarkers))];
const CAPTIONS = Object.values(LANGUAGES).map((table) => table.tableCaption);

/** Display width: a CJK character or full-width form takes two columns, anything else one. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += CJK.test(char) ? 2 : 1;
  return width;
}

/** Whitespace runs as one space, edges trimmed: how furniture is compared from page to page. */
const normal = (line: string) => line.trim().replace(/\s+/gu, ' ');

/** The pages of the text and the furniture lines repeated on them, or undefined: not a PDF's text. */
export function pdfPages(text: string): { pages: string[][]; furniture: Set<string> } | undefined {
  if (!text.includes('\f')) return undefined;
  const pages = text.split('\f').map((page) => page.split('\n').map((line) => line.replace(/\s+$/u, '')));
  while (pages.length > 0 && pages[pages.length - 1]?.every((line) => line === '')) pages.pop();
  if (pages.length < 2) return undefined;
  const furniture = new Set<string>();
  for (const edge of ['top', 'bottom'] as const) {
    const counts = new Map<string, number>();
    for (const page of pages) {
      const lines = page.map(normal).filter((line) => /[\p{L}\p{N}]/u.test(line));
      // `pdftotext` without -layout writes a footer's fields on lines of their own: three at most.
      const near = new Set(edge === 'top' ? lines.slice(0, EDGE_LINES) : lines.slice(-EDGE_LINES));
      for (const line of near) counts.set(line, (counts.get(line) ?? 0) + 1);
    }
    for (const [line, count] of counts) if (count >= 2 && count * 2 >= pages.length) furniture.add(line);
  }
  return furniture.size > 0 ? { pages, furniture } : undefined;
}

/** How many lines at the top and the bottom of a page may be furniture. */
const EDGE_LINES = 3;

/** A PDF's text (`pdftotext -layout`) as the text reader's lines, or undefined when it is not one. */
export function fromPdfText(text: string): string | undefined {
  const found = pdfPages(text);
  if (!found) return undefined;
  const { pages, furniture } = found;
  const out = isLayout(pages) ? fromLayout(pages, furniture) : rawToLines(pages, furniture);
  // The footer, once, as Tika writes it: its fields separated by TABs, as the last page has them.
  const last = [...pages].reverse().find((page) => page.some((line) => furniture.has(normal(line)))) ?? [];
  const footer = last.filter((line) => furniture.has(normal(line))).flatMap((line) => line.trim().split(GAP));
  if (footer.length > 0) out.push(footer.join('\t'));
  return out.join('\n') + '\n';
}

/**
 * For each line of the converted text, the line of the PDF's text where it begins, so that a
 * warning names a line of the file the user has. Found by its first characters (spaces left
 * out), searched forward from the line found before; a line not found within a window (a table
 * cell that pdftotext wrote apart) takes the line before's.
 */
export function sourceLineNumbers(original: string, converted: string): number[] {
  const lines = original.split('\n').map((line) => line.replace(/\s+/gu, ''));
  const numbers: number[] = [];
  let at = 0;
  for (const line of converted.split('\n')) {
    const key = line.replace(/^[^\t]{0,8}\t/u, '').replace(/\s+/gu, '').slice(0, 8);
    if (key !== '') {
      for (let k = at; k < Math.min(lines.length, at + SEARCH_LINES); k++) {
        if (lines[k]?.includes(key)) {
          at = k;
          break;
        }
      }
    }
    numbers.push(at + 1);
  }
  return numbers;
}

/** How far ahead a converted line is looked for (a page and a half of lines). */
const SEARCH_LINES = 100;

/**
 * `pdftotext -layout` keeps the page's geometry: indents and runs of spaces between columns. Its
 * reading-order text (no -layout) has neither, on almost every line.
 */
function isLayout(pages: readonly (readonly string[])[]): boolean {
  const lines = pages.flat().filter((line) => line.trim() !== '');
  const laidOut = lines.filter((line) => /^\s|\S\s{2,}\S/u.test(line)).length;
  return laidOut * 10 >= lines.length;
}

function fromLayout(pages: readonly (readonly string[])[], furniture: ReadonlySet<string>): string[] {
  const body: string[] = [];
  const notes = new Map<string, string>();
  for (const page of pages) {
    const lines = page.filter((line) => !furniture.has(normal(line)));
    while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
    takeNotes(lines, notes);
    body.push(...lines);
  }
  return linkNotes(toParagraphs(body), notes);
}

/** Moves the footnotes at the bottom of a page into `notes`, block by block from the bottom up. */
function takeNotes(lines: string[], notes: Map<string, string>): void {
  while (takeNoteBlock(lines, notes)) while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
}

/**
 * The block after the page's last blank line, when it is footnotes only: each starts with its
 * number at the left edge (`1     根据…`), its further lines indented, and the page holds its mark.
 */
function takeNoteBlock(lines: string[], notes: Map<string, string>): boolean {
  const blank = lines.findLastIndex((line) => line.trim() === '');
  if (blank < 0) return false;
  const found: { number: string; parts: string[] }[] = [];
  for (const line of lines.slice(blank + 1)) {
    const note = NOTE.exec(line)?.groups;
    const last = found[found.length - 1];
    if (note) found.push({ number: note['number'] ?? '', parts: [note['text'] ?? ''] });
    else if (last && /^\s/u.test(line)) last.parts.push(line.trim());
    else return false;
  }
  const page = lines.slice(0, blank).join('\n');
  if (found.length === 0 || !found.every(({ number }) => noteMark(number).test(page))) return false;
  for (const { number, parts } of found) notes.set(number, parts.reduce(join));
  lines.splice(blank);
  return true;
}

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

interface Open {
  kind: 'paragraph' | 'item' | 'heading';
  text: string;
  /** The column where the text of the item or paragraph starts. */
  indent: number;
  /** The width of its last line, to its right end. */
  lastEnd: number;
}

const indentOf = (line: string) => line.length - line.trimStart().length;

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

export function toParagraphs(lines: readonly string[]): string[] {
  const out: string[] = [];
  const margin = rightMargin(lines);
  let open: Open | undefined;
  const close = () => {
    if (open) out.push(open.text);
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const text = line.trim();
    if (text === '') {
      close();
      continue;
    }
    if (CAPTIONS.some((caption) => caption.test(text))) {
      close();
      out.push(text);
      i = table(lines, i + 1, out) - 1;
      continue;
    }
    const heading = indentOf(line) === 0 ? HEADING.exec(line)?.groups : undefined;
    if (heading) {
      close();
      // A long heading wraps like a paragraph (`…包括大` / `数据方面`).
      open = { kind: 'heading', text: `${heading['number'] ?? ''}\t${heading['title'] ?? ''}`, indent: 0, lastEnd: displayWidth(line) };
      continue;
    }
    const marker = MARKERS.find((m) => text.startsWith(m) && /\s/u.test(text.charAt(m.length)));
    if (marker) {
      close();
      const rest = text.slice(marker.length).trimStart();
      open = { kind: 'item', text: `${marker}\t${rest}`, indent: line.length - rest.length, lastEnd: displayWidth(line) };
      continue;
    }
    if (open && continues(open, line, margin)) {
      open.text = join(open.text, text);
      open.lastEnd = displayWidth(line);
      continue;
    }
    close();
    open = { kind: 'paragraph', text, indent: indentOf(line), lastEnd: displayWidth(line) };
  }
  close();
  return out;
}

/** Whether a line goes on with the open paragraph or item rather than starting a new one. */
function continues(open: Open, line: string, margin: number): boolean {
  const text = line.trim();
  if (NO_LINE_START.test(text)) return true;
  const full = open.lastEnd + firstWordWidth(line) >= margin - 1;
  // The continuation note under a Question heading (`（第1/20号课题…的继续）`) is a line of its own.
  if (open.kind === 'heading') return full && !continuationNote(text);
  if (open.kind === 'item') {
    if (indentOf(line) < open.indent - 1) return false;
    if (isLabel(text)) return false;
    // A label or lead-in at the item's indent (`建议书：`) starts anew unless the line before was full.
    return full || !/[：:]$/u.test(text);
  }
  return full && Math.abs(indentOf(line) - open.indent) <= 1;
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

/**
 * Table 1 laid out in columns, from its header row at `start` to the first blank line: emits
 * the header and each row as Tika does (a cell per line after a TAB, a blank line after each
 * row) and returns the index of the line after the table.
 */
function table(lines: readonly string[], start: number, out: string[]): number {
  let end = start;
  while (end < lines.length && (lines[end] ?? '').trim() !== '') end++;
  const header = cellsOf(lines[start] ?? '');
  const columns = header.length;
  out.push(...header.map((cell) => `\t${cell.text}`), '');
  const rowIndent = Math.min(...lines.slice(start + 1, end).map(indentOf));
  let row: string[] | undefined;
  let anchors: number[] = [];
  const flush = () => {
    if (row) out.push(...row.map((cell) => `\t${cell}`), '');
  };
  for (let i = start + 1; i < end; i++) {
    const line = lines[i] ?? '';
    const cells = cellsOf(line);
    if (indentOf(line) <= rowIndent && cells.length === columns) {
      flush();
      row = cells.map((cell) => cell.text);
      anchors = cells.map((cell) => cell.at);
      continue;
    }
    if (!row) continue;
    for (const cell of cells) {
      let nearest = 0;
      anchors.forEach((at, k) => {
        if (Math.abs(at - cell.at) < Math.abs((anchors[nearest] ?? 0) - cell.at)) nearest = k;
      });
      row[nearest] = join(row[nearest] ?? '', cell.text);
    }
  }
  flush();
  return end;
}

/** The runs of a table line separated by two spaces or more, with the column each starts at. */
function cellsOf(line: string): { text: string; at: number }[] {
  const cells: { text: string; at: number }[] = [];
  const pattern = /\S+(?: \S+)*/gu;
  for (const match of line.matchAll(pattern)) cells.push({ text: match[0], at: match.index });
  return cells;
}
