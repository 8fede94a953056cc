/**
 * A page's text items → its physical lines: items on one baseline (within half the font size,
 * so that a raised footnote mark and a table cell set a little lower stay on their line) make a
 * line, read left to right (right to left on a right-to-left page). Each line keeps what the
 * PDF knows of it: where it starts and ends, its font size, its runs' positions.
 */
import type { PdfItem, PdfPage } from './extract.js';

export interface PdfLine {
  /** The baseline of its largest run. */
  y: number;
  /** The largest font size on the line. */
  size: number;
  /** Its runs in reading order, whitespace-only runs left out (gaps are measured). */
  items: PdfItem[];
  /** Left and right ends, in points. */
  left: number;
  right: number;
}

/** The lines of a page, top first. */
export function pageLines(page: PdfPage): PdfLine[] {
  const items = page.items.filter((item) => item.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const item of items) {
    // The nearest line (of the last few: items come top down) whose baseline is within half a font size.
    let found: PdfLine | undefined;
    for (let k = lines.length - 1; k >= Math.max(0, lines.length - 4); k--) {
      const line = lines[k] as PdfLine;
      if (Math.abs(line.y - item.y) <= Math.max(line.size, item.size) * 0.5) {
        found = line;
        break;
      }
    }
    if (found) {
      found.items.push(item);
      if (item.size > found.size) {
        found.size = item.size;
        found.y = item.y;
      }
      found.left = Math.min(found.left, item.x);
      found.right = Math.max(found.right, item.x + item.width);
    } else {
      lines.push({ y: item.y, size: item.size, items: [item], left: item.x, right: item.x + item.width });
    }
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

/** Whether most of a document's letters are set right to left (its items, as pdf.js reads them). */
export function isRightToLeftDocument(pages: readonly PdfPage[]): boolean {
  let rtl = 0;
  let all = 0;
  for (const page of pages) {
    for (const item of page.items) {
      const letters = item.text.replace(/[^\p{L}]/gu, '').length;
      all += letters;
      if (item.rtl) rtl += letters;
    }
  }
  return rtl * 2 > all;
}

/** The most common value of `values` rounded to a tenth (the body's font size, its line step). */
export function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) {
    const key = Math.round(value * 10) / 10;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best: number | undefined;
  let most = 0;
  for (const [value, count] of counts) {
    if (count > most || (count === most && best !== undefined && value < best)) [best, most] = [value, count];
  }
  return best;
}

/** A gap of at least this many font sizes between two runs separates columns (a tab, a table's cells); less is a word space. */
export const COLUMN_GAP = 0.9;

/** The white space between two runs on a line, whichever stands left (negative when they overlap). */
export function boxGap(a: PdfItem, b: PdfItem): number {
  return Math.max(a.x, b.x) - Math.min(a.x + a.width, b.x + b.width);
}

/** How many columns a line's runs stand in: runs a column's gap apart are two. */
export function columnCount(line: PdfLine): number {
  let columns = 1;
  line.items.forEach((item, k) => {
    const before = line.items[k - 1];
    if (before && boxGap(before, item) >= Math.max(before.size, item.size) * COLUMN_GAP) columns++;
  });
  return columns;
}

/** Where a line ends in reading direction, from the page's left (right) side. */
export function lineEnd(line: PdfLine, rtl: boolean, pageWidth: number): number {
  return rtl ? pageWidth - line.left : line.right;
}
