/**
 * The lines of a PDF's pages written as the text reader's PDF pre-pass takes them
 * (../text/pdf-text.ts): a page per form feed, a line per physical line, each run at the column
 * its position gives, columns two spaces apart or more, a blank line where the page leaves a
 * line's height or more empty. One design with the text reader: what it does for wrapped lines,
 * CJK and hyphen joins, footnotes at the page's bottom, headings, list items, Table 1's columns
 * and right-to-left text applies to a PDF as it does to `pdftotext -layout`'s text.
 *
 * What pdf.js knows and pdftotext's text does not is used here, where the text is laid out: the
 * exact gap between two runs (a word space, or a column or a heading's tab), the exact indent,
 * the raised footnote mark (kept against its word), the body's line step for blank lines.
 */
import { displayWidth, join } from '../text/pdf-lines.js';
import { continuesHeading } from './headings.js';
import type { PdfItem } from './extract.js';
import { boxGap, COLUMN_GAP, columnCount, lineEnd, mostCommon, type PdfLine } from './lines.js';

/** A gap under this many font sizes is no space at all (a run cut inside a word by a font change). */
const NO_SPACE = 0.08;

export interface Geometry {
  /**
   * Points per column: the body's mean advance per column of display width (a CJK character
   * takes two), so that a full line of proportional type is about as many characters wide as
   * its width in columns, and ends near the right margin as the text reader measures it.
   */
  pitch: number;
  /** The page's left (right, for right-to-left text) edge of the text, in points. */
  edge: number;
  /** The body's baseline step, in points. */
  step: number;
  /** The body's font size. */
  size: number;
  /** The body's font (pdf.js's name of it): the one most characters are set in. */
  font: string;
  /** Where full lines end, in reading direction, from the page's left (right) side, in points. */
  margin: number;
  rtl: boolean;
}

/** The geometry of a document's pages: its body size, edge and line step. */
export function geometry(pages: readonly (readonly PdfLine[])[], rtl: boolean, pageWidth: number): Geometry {
  const lines = pages.flat();
  const size = mostCommon(lines.flatMap((line) => line.items.map((item) => item.size))) ?? 12;
  // The line step inside a paragraph: from a full line (one that reaches the right margin) to the
  // next, most often the next line of its paragraph; spacing between paragraphs or list items is
  // then what exceeds it.
  const ends = lines.map((line) => lineEnd(line, rtl, pageWidth)).sort((a, b) => a - b);
  const margin = ends[Math.floor(ends.length * 0.95)] ?? 0;
  const steps: number[] = [];
  for (const page of pages) {
    for (let k = 1; k < page.length; k++) {
      const above = page[k - 1] as PdfLine;
      if (lineEnd(above, rtl, pageWidth) >= margin - size && above.size === size) steps.push(above.y - (page[k] as PdfLine).y);
    }
  }
  const step = mostCommon(steps.filter((s) => s > size * 0.8)) ?? size * 1.2;
  const edge = rtl ? pageWidth - Math.max(...lines.map((line) => line.right)) : Math.min(...lines.map((line) => line.left));
  return { pitch: pitchOf(lines, size), edge, step, size, font: bodyFont(lines), margin, rtl };
}

/** The font most characters are set in. */
function bodyFont(lines: readonly PdfLine[]): string {
  const counts = new Map<string, number>();
  for (const line of lines) for (const item of line.items) counts.set(item.font, (counts.get(item.font) ?? 0) + item.text.length);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), ['', 0])[0];
}

/** The body's mean advance per column of display width; half its size when it has no text of its size. */
function pitchOf(lines: readonly PdfLine[], size: number): number {
  let width = 0;
  let columns = 0;
  for (const line of lines) {
    for (const item of line.items) {
      if (Math.abs(item.size - size) > 0.05) continue;
      width += item.width;
      columns += displayWidth(item.text);
    }
  }
  return columns > 0 && width > 0 ? width / columns : size / 2;
}

/** The start of an item from the text's edge, in reading direction. */
function span(item: PdfItem, g: Geometry, pageWidth: number): { start: number } {
  return { start: g.rtl ? pageWidth - (item.x + item.width) - g.edge : item.x - g.edge };
}

/** A run of only punctuation, symbols and spaces: it takes the direction of the runs around it. */
const isNeutral = (item: PdfItem) => !item.rtl && !/[\p{L}\p{N}]/u.test(item.text);

/**
 * A line's runs in reading order. On a right-to-left page the runs go right to left, but
 * left-to-right runs side by side keep their own order, with the neutral runs between them
 * (`C2` `،` `C3` `،` `C7`: Unicode's bidi rule N1), and a neutral run read right to left is
 * read from its right end (`.)` after a URL is `).`).
 */
function readingOrder(line: PdfLine, g: Geometry): PdfItem[] {
  if (!g.rtl) return line.items;
  const out: PdfItem[] = [];
  let group: PdfItem[] = [];
  const alone = (item: PdfItem) => out.push(isNeutral(item) ? { ...item, text: [...item.text].reverse().join('') } : item);
  const flush = () => {
    // Neutral runs after the group's last left-to-right run are the right-to-left text's.
    const end = group.findLastIndex((item) => !isNeutral(item)) + 1;
    out.push(...group.slice(0, end).reverse());
    for (const item of group.slice(end)) alone(item);
    group = [];
  };
  // Right to left: each left-to-right group is collected right first, then turned round. A
  // column's gap ends a group: runs that far apart are read right to left (a footer's fields).
  for (const item of [...line.items].reverse()) {
    const last = group[group.length - 1];
    if (last && boxGap(last, item) >= Math.max(last.size, item.size) * COLUMN_GAP) flush();
    if (item.rtl) {
      flush();
      out.push(item);
    } else if (isNeutral(item) && group.length === 0) alone(item);
    else group.push(item);
  }
  flush();
  return out;
}

/** The run before, as far as the next one needs it. */
interface Previous {
  item: PdfItem;
  size: number;
  y: number;
  first: boolean;
}

/** A run set smaller and above the baseline of the run after it: a footnote mark or number. */
function isRaised(run: Previous, next: PdfItem): boolean {
  return run.size < next.size * 0.85 && run.y > next.y + next.size * 0.15;
}

/** One physical line as text: runs at their columns, a column gap as two spaces or more. */
export function renderLine(line: PdfLine, g: Geometry, pageWidth: number): string {
  let text = '';
  let previous: Previous | undefined;
  for (const item of readingOrder(line, g)) {
    const { start } = span(item, g, pageWidth);
    const column = Math.max(0, Math.round(start / g.pitch));
    const run = item.text.replace(/\s+/gu, ' ');
    if (previous === undefined) text = ' '.repeat(column) + run.trimStart();
    else {
      const gap = boxGap(previous.item, item);
      const size = Math.max(item.size, previous.size);
      // A raised number that starts a line is a footnote's number before its text (`¹Source: …`).
      if (gap >= size * COLUMN_GAP || (previous.first && isRaised(previous, item))) {
        const before = text.trimEnd();
        text = before + ' '.repeat(Math.max(2, column - before.length)) + run.trimStart();
      } else if (gap >= size * NO_SPACE && !text.endsWith(' ') && !run.startsWith(' ')) text += ` ${run}`;
      else text += run;
    }
    previous = { item, size: item.size, y: item.y, first: previous === undefined };
  }
  return text.trimEnd();
}

/**
 * A page's lines as text, a blank line for each line's height left empty between two lines, and
 * one before the page's footnotes: the lines at its bottom set smaller than the body, below its
 * last line of body size (the text reader takes the notes from the page's last block).
 */
export function renderPage(lines: readonly PdfLine[], g: Geometry, pageWidth: number): string[] {
  const out: string[] = [];
  const small = (line: PdfLine) => line.size < g.size * SMALLER;
  const lastBody = lines.findLastIndex((line) => !small(line));
  // The smaller lines at the bottom are footnotes when the first starts with a number and its text.
  const first = lines[lastBody + 1];
  const notes = first !== undefined && NOTE_START.test(renderLine(first, g, pageWidth));
  lines.forEach((line, k) => {
    const before = lines[k - 1];
    if (before && !continuesHeading(before, line, g, pageWidth)) {
      const gap = before.y - line.y;
      const spaced = gap >= g.step * PARAGRAPH_SPACE && isBodyText(before, g) && isBodyText(line, g);
      const blanks = Math.max(Math.round(gap / g.step) - 1, k === lastBody + 1 || spaced ? 1 : 0);
      for (let b = 0; b < Math.min(blanks, 3); b++) out.push('');
    }
    let text = renderLine(line, g, pageWidth);
    // A note's further lines, set against the left margin as its number is, are indented: the
    // text reader takes a line at the margin for the next note or for no note at all.
    if (notes && k > lastBody && !NOTE_START.test(text)) text = `  ${text.trimStart()}`;
    const last = out.length - 1;
    if (before && continuesHeading(before, line, g, pageWidth)) out[last] = join(out[last] ?? '', text);
    else out.push(text);
  });
  return out;
}

/**
 * Two lines of body text this much further apart than the body's line step are two paragraphs
 * (the space a paragraph style keeps after it): a full line that ends a paragraph is otherwise
 * as full as one that goes on. Table cells (set smaller, or runs in columns) keep their own
 * spacing between rows.
 */
const PARAGRAPH_SPACE = 1.25;

/** A line of the body's size in one run or two (a heading's number or a list marker, then its text), not a table's. */
function isBodyText(line: PdfLine, g: Geometry): boolean {
  return Math.abs(line.size - g.size) <= 0.5 && columnCount(line) <= 2;
}

/** A footnote's first line: its number, then its text. */
const NOTE_START = /^\d{1,3}\s+\S/u;

/** A line whose largest type is under this share of the body's size is set smaller (a footnote, a footer). */
const SMALLER = 0.9;
