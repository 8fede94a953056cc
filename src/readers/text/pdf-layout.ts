/**
 * The text of `pdftotext -layout`, page by page (furniture already known), back into the text
 * reader's lines: see `pdf-text.ts` for what is undone and how.
 */
import {
  CAPTIONS,
  MARKERS,
  columnTitle,
  NO_LINE_START,
  type Words,
  continuationNote,
  displayWidth,
  isFull,
  isLabel,
  join,
  linkNotes,
  noteMark,
  normal,
  rightMargin,
} from './pdf-lines.js';

/** Headings as a PDF sets them: a number or a letter (`1`, `A`, `A.1`), spaces, the title. */
const HEADING = /^(?<number>\d{1,2}|[A-Z]{1,2}|[A-Z]{1,2}\.\d{1,2})\s{2,}(?<title>\S.*)$/u;
/** A footnote at the bottom of a page: its number, spaces, its text; or its number alone, its text indented below. */
const NOTE = /^(?<number>\d{1,3})(?:\s+(?<text>\S.*))?$/u;

/** The pages of a `-layout` text, furniture and page-bottom footnotes taken out, as the reader's lines. */
/**
 * `slack`: how many columns an indent may stray and still be the same (1; more on a right-to-left
 * page, whose indents pdftotext only approximates, see `mirror`).
 */
export function fromLayout(pages: readonly (readonly string[])[], furniture: ReadonlySet<string>, words?: Words, slack = 1): string[] {
  const body: string[] = [];
  const notes = new Map<string, string>();
  for (const page of pages) {
    const lines = page.filter((line) => !furniture.has(normal(line)));
    while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
    takeNotes(lines, notes, words);
    body.push(...lines);
  }
  return linkNotes(toParagraphs(body, words, slack), notes);
}

/** Moves the footnotes at the bottom of a page into `notes`, block by block from the bottom up. */
function takeNotes(lines: string[], notes: Map<string, string>, words: Words | undefined): void {
  while (takeNoteBlock(lines, notes, words)) while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
}

/**
 * The block at the page's bottom, when it is footnotes only: after the page's last blank line, or
 * from a number alone on its line; each note starts with its number at the left edge (`1     根据…`,
 * or `1` and its text indented below), its further lines indented, and the page holds its mark.
 */
function takeNoteBlock(lines: string[], notes: Map<string, string>, words: Words | undefined): boolean {
  const blank = lines.findLastIndex((line) => line.trim() === '');
  const alone = lines.findLastIndex((line) => /^\d{1,3}$/u.test(line));
  for (const [from, to] of [
    [blank + 1, blank],
    [alone, alone],
  ] as const) {
    if (to < 0) continue;
    const found = noteBlock(lines.slice(from), lines.slice(0, to).join('\n'));
    if (!found) continue;
    for (const { number, parts } of found)
      notes.set(
        number,
        parts.reduce((a, b) => join(a, b, words)),
      );
    lines.splice(to);
    return true;
  }
  return false;
}

/** The notes of a block at the page's bottom, or undefined when it is not notes only or `page` lacks a mark. */
function noteBlock(block: readonly string[], page: string): { number: string; parts: string[] }[] | undefined {
  const found: { number: string; parts: string[] }[] = [];
  for (const line of block) {
    const note = NOTE.exec(line)?.groups;
    const last = found[found.length - 1];
    if (note) found.push({ number: note['number'] ?? '', parts: note['text'] === undefined ? [] : [note['text']] });
    else if (last && /^\s/u.test(line)) last.parts.push(line.trim());
    else return undefined;
  }
  if (found.length === 0 || !found.every(({ number, parts }) => parts.length > 0 && noteMark(number).test(page))) return undefined;
  return found;
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

/** Physical lines → one line per heading, paragraph, list item and table cell (Tika's layout). */
export function toParagraphs(lines: readonly string[], words?: Words, slack = 1): string[] {
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
      // A long caption wraps, centred: its further lines are one run each, before the header's columns.
      // Blank lines between a caption's lines and its table (space kept with the table) are no end of it.
      const nonBlank = (from: number) => {
        let k = from;
        while (k < lines.length && (lines[k] ?? '').trim() === '') k++;
        return k;
      };
      let caption = text;
      for (let more = nonBlank(i + 1), after = nonBlank(more + 1); after < lines.length; more = nonBlank(i + 1), after = nonBlank(more + 1)) {
        if (cellsOf(lines[more] ?? '').length !== 1 || cellsOf(lines[after] ?? '').length <= 1) break;
        caption = join(caption, lines[more] ?? '', words);
        i = more;
      }
      i = nonBlank(i + 1) - 1;
      out.push(caption);
      i = table(lines, i + 1, out, words) - 1;
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
    if (open && continues(open, line, margin, slack)) {
      open.text = join(open.text, text, words);
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
function continues(open: Open, line: string, margin: number, slack: number): boolean {
  const text = line.trim();
  if (NO_LINE_START.test(text)) return true;
  const full = isFull(open.lastEnd, open.text, text, margin);
  // The continuation note under a Question heading (`（第1/20号课题…的继续）`) is a line of its own.
  if (open.kind === 'heading') return full && !continuationNote(text);
  if (open.kind === 'item') {
    if (indentOf(line) < open.indent - slack) return false;
    if (isLabel(text)) return false;
    // A label or lead-in at the item's indent (`建议书：`) starts anew unless the line before was full.
    return full || !/[：:]$/u.test(text);
  }
  return full && Math.abs(indentOf(line) - open.indent) <= slack;
}

/**
 * Table 1 laid out in columns, from its header row at `start` to the first blank line: emits
 * the header and each row as Tika does (a cell per line after a TAB, a blank line after each
 * row) and returns the index of the line after the table.
 */
function table(lines: readonly string[], start: number, out: string[], words: Words | undefined): number {
  const first = cellsOf(lines[start] ?? '');
  const columns = first.length;
  // The table ends at a blank line, or at a heading at the left edge with fewer runs than the
  // table has columns: a page break leaves no blank line between the table and what follows.
  const ends = (line: string) => line.trim() === '' || (indentOf(line) === 0 && HEADING.test(line) && cellsOf(line).length < columns);
  let end = start + 1;
  while (end < lines.length && !ends(lines[end] ?? '')) end++;
  const rowIndent = Math.min(...lines.slice(start + 1, end).map(indentOf));
  // A row starts at the rows' indent with a run in every column, or, where cells are empty (`8/20`
  // `…` `新课题`), with a first run of the first row's shape (`1/20`: digits, `/`, digits).
  const shape = (text: string) => text.replace(/\p{N}+/gu, '0');
  let key: string | undefined;
  const startsRow = (line: string) => {
    if (indentOf(line) > rowIndent) return false;
    const cells = cellsOf(line);
    return cells.length === columns || (key !== undefined && cells.length >= 2 && shape(cells[0]?.text ?? '') === key);
  };
  // The header's further lines, up to the first row: its cells wrapped in narrow columns.
  let body = start + 1;
  while (body < end && !startsRow(lines[body] ?? '')) body++;
  const header = headerCells(lines.slice(start, body), words);
  out.push(...header.map((cell) => `\t${cell}`), '');
  let row: string[] | undefined;
  let anchors: number[] = [];
  const flush = () => {
    if (row) out.push(...row.map((cell) => `\t${cell}`), '');
  };
  // The header repeated at the top of a page the table goes on to: its lines up to the next row are left out.
  const headerLine = normal(lines[start] ?? '');
  let repeatedHeader = false;
  for (let i = body; i < end; i++) {
    const line = lines[i] ?? '';
    const cells = cellsOf(line);
    if (startsRow(line)) {
      flush();
      repeatedHeader = false;
      if (cells.length === columns) {
        row = cells.map((cell) => cell.text);
        anchors = cells.map((cell) => cell.at);
        key ??= shape(cells[0]?.text ?? '');
      } else {
        row = new Array<string>(columns).fill('');
        for (const cell of cells) row[nearest(anchors, cell.at)] = cell.text;
      }
      continue;
    }
    if (normal(line) === headerLine) repeatedHeader = true;
    if (!row || repeatedHeader) continue;
    for (const cell of cells) {
      const k = nearest(anchors, cell.at);
      row[k] = join(row[k] ?? '', cell.text, words);
    }
  }
  flush();
  return end;
}

/** The index of the column whose start is nearest to `at`. */
function nearest(anchors: readonly number[], at: number): number {
  let best = 0;
  anchors.forEach((anchor, k) => {
    if (Math.abs(anchor - at) < Math.abs((anchors[best] ?? 0) - at)) best = k;
  });
  return best;
}

/**
 * The header's cells from its lines. A column narrower than a word cuts it (`Forme` / `r No.`,
 * `Nouve` / `au n°`): a cell whose letters are those of a column title of a language table
 * (spaces aside) is that title (`Ancien` / `n°` is `Ancien n°`, `Новы` / `й№` is `Новый №`);
 * else its pieces join as a paragraph's lines do, the document's words deciding a cut word.
 */
function headerCells(lines: readonly string[], words: Words | undefined): string[] {
  const firstCells = cellsOf(lines[0] ?? '');
  const anchors = firstCells.map((cell) => cell.at);
  const pieces: string[][] = firstCells.map((cell) => [cell.text]);
  for (const line of lines.slice(1)) for (const cell of cellsOf(line)) pieces[nearest(anchors, cell.at)]?.push(cell.text);
  return pieces.map((column) => columnTitle(column) ?? column.reduce((a, b) => join(a, b, words)));
}

/** The runs of a table line separated by two spaces or more, with the column each starts at. */
function cellsOf(line: string): { text: string; at: number }[] {
  const cells: { text: string; at: number }[] = [];
  const pattern = /\S+(?: \S+)*/gu;
  for (const match of line.matchAll(pattern)) cells.push({ text: match[0], at: match.index });
  return cells;
}
