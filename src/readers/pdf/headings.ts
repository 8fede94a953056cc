/**
 * A heading's wrapped title, known by what the PDF shows of it: its next line is set in the same
 * font as the heading (bold: not the body's), at the same size, one line's step below, alone on
 * its line, and the heading's line was full: the first word of the next line would not have
 * fitted before the margin, measured on the page. The text of a PDF only guesses that from its
 * characters, which a bold font sets wider than the body's (../text/pdf-lines.ts `isFull`).
 */
import { continuationNote, isLabel } from '../text/pdf-lines.js';
import { columnCount, lineEnd, type PdfLine } from './lines.js';
import type { Geometry } from './render.js';

export function continuesHeading(above: PdfLine, line: PdfLine, g: Geometry, pageWidth: number): boolean {
  const font = above.items[above.items.length - 1]?.font;
  if (font === undefined || font === g.font || !line.items.every((item) => item.font === font)) return false;
  // A heading is its number and its title at most (a table's bold header has more columns).
  if (columnCount(above) > 2 || columnCount(line) > 1) return false;
  if (Math.abs(above.size - line.size) > 0.5 || above.y - line.y > g.step * 1.25 * (line.size / g.size)) return false;
  const first = g.rtl ? line.items[line.items.length - 1] : line.items[0];
  if (!first) return false;
  const text = line.items.map((item) => item.text).join(' ');
  if (continuationNote(text) || isLabel(text)) return false;
  // The first word's width, as its share of its run's characters.
  const word = /^\S+/u.exec(first.text.trimStart())?.[0] ?? first.text;
  const wordWidth = first.width * (word.length / Math.max(1, first.text.length));
  return lineEnd(above, g.rtl, pageWidth) + wordWidth > g.margin;
}
