/**
 * Right-to-left lines as pdf.js gives them: it joins a line's Arabic (or Hebrew) glyphs into one
 * run in reading order, but leaves out the punctuation set in another font (the Latin font's
 * `.`, `(`, `)`, `:`) and a combining mark drawn apart (`ً`), each a run of its own at the place
 * it is drawn, inside the span of the Arabic run. Read by position, they would all come before
 * or after it (`.الجمعية`, `( )السارية`). Each goes back into the run at the word boundary
 * nearest the share of the run's width where it stands, measured from the run's right end:
 * an opening bracket before its word, other punctuation after the word before it, a mark on
 * the letter before it.
 */
import type { PdfItem } from './extract.js';
import type { PdfLine } from './lines.js';

/** Runs of neutral characters only: punctuation, symbols, marks (no letter or digit). */
const NEUTRAL = /^[^\p{L}\p{N}\s]+$/u;

/** The line with each neutral run inside a right-to-left run put into it. */
export function mergeNeutrals(line: PdfLine): PdfLine {
  const items: PdfItem[] = line.items.map((item) => ({ ...item }));
  const kept: PdfItem[] = [];
  // Right first: of two marks in one run, the one nearer its start goes in first.
  const neutrals = items.filter((item) => !item.rtl && NEUTRAL.test(item.text.trim())).sort((a, b) => b.x - a.x);
  const taken = new Set<PdfItem>();
  for (const neutral of neutrals) {
    const middle = neutral.x + neutral.width / 2;
    const host = items.find((item) => item.rtl && item.width > 0 && middle > item.x && middle < item.x + item.width);
    if (!host) continue;
    host.text = insertAt(host.text, neutral.text.trim(), (host.x + host.width - middle) / host.width);
    taken.add(neutral);
  }
  for (const item of items) if (!taken.has(item)) kept.push(item);
  return { ...line, items: kept };
}

/** `text` with `piece` put in at the word boundary nearest `share` of its length (0: its start). */
function insertAt(text: string, piece: string, share: number): string {
  const chars = [...text];
  const at = Math.round(share * chars.length);
  const boundary = nearestBoundary(chars, at);
  const before = chars.slice(0, boundary).join('');
  const after = chars.slice(boundary).join('');
  if (/^\p{Ps}/u.test(piece)) {
    // An opening bracket: before the word after the boundary (after its space).
    const space = /^\s*/u.exec(after)?.[0] ?? '';
    return before + space + piece + after.slice(space.length);
  }
  // Closing punctuation, or a mark: after the word (on the letter) before the boundary.
  return before.trimEnd() + piece + after;
}

/** The index of the word boundary (a space, the start or the end) nearest `at`; a space counts as the boundary before it. */
function nearestBoundary(chars: readonly string[], at: number): number {
  let best = chars.length;
  for (let k = 0; k <= chars.length; k++) {
    const boundary = k === 0 || k === chars.length || /\s/u.test(chars[k] ?? '');
    if (boundary && Math.abs(k - at) < Math.abs(best - at)) best = k;
  }
  return best;
}
