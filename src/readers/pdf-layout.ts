/**
 * The text of `pdftotext -layout`, page by page (furniture already known), back into the text
 * reader's lines: see `pdf-text.ts` for what is undone and how.
 */
import { CAPTIONS, MARKERS, NO_LINE_START, continuationNote, displayWidth, firstWordWidth, isLabel, join, linkNotes, noteMark, normal, rightMargin } from './pdf-lines.js';

/** Headings as a PDF sets them: a number or a letter (`1`, `A`, `A.1`), spaces, the title. */
const HEADING = /^(?<number>\d{1,2}|[A-Z]{1,2}|[A-Z]{1,2}\.\d{1,2})\s{2,}(?<title>\S.*)$/u;
/** A footnote at the bottom of a page: its number, spaces, its text. */
const NOTE = /^(?<number>\d{1,3})\s{2,}(?<text>\S.*)$/u;

/** The pages of a `-layout` text, furniture and page-bottom footnotes taken out, as the reader's lines. */
export function fromLayout(pages: readonly (readonly string[])[], furniture: ReadonlySet<string>): string[] {
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
