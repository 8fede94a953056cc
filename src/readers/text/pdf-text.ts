/**
 * A pre-pass for the text of a PDF as `pdftotext` writes it: it turns the pages back
 * into the lines the text reader takes (Tika's layout: `A.1<TAB>目的`, `–<TAB>item`, one table
 * cell per line after a TAB, `[footnoteRef:N]` and `[N: text]`, the footer at the end), so
 * that one reader and one assembler read every text.
 *
 * Recognised by its signs, never by a file name: pages separated by form feeds, and page
 * furniture (a footer or running head) repeated at the edge of most pages.
 *
 * Undoes (in the `-layout` text, `pdf-layout.ts`):
 *   - page furniture: lines at the very edge (top or bottom) of more than half the pages, and
 *     seldom elsewhere, are dropped and the footer kept once, at the end, as the footer metadata
 *     (`L:\008C.DOCX<TAB>27.01.21<TAB>…`);
 *   - lines wrapped at the page width: a line continues the one before when that one was full
 *     (the next line's first word would not have fitted; in proportional type, within a tenth of
 *     the margin unless it ended a sentence), or when it starts with a character a line never
 *     starts with (`、`, `）`), or when it stands at the text indent of a list item and is not a
 *     label (`建议书：`). Joined without a space when either side is CJK, in a URL, after an
 *     opening bracket, or a code cut where it did not fit (`Y.4111/`+`Y.2076`, `Y.207`+`7`);
 *     the document's own words decide a hyphen at the line end and a word cut in a narrow
 *     column (`join` in `pdf-lines.ts`); with one space between other words;
 *   - the footnote printed at the page bottom (`1     根据 …`, or `1` alone and its text indented
 *     below): linked back to its mark on the same page (between two CJK characters, or after a
 *     letter that is no capital: `earth1.`);
 *   - headings and list markers set apart by spaces: the spaces become Tika's TAB;
 *   - Table 1 laid out in columns: a wrapped caption joined, the header's wrapped cells (a known
 *     column title of a language table as it is spelt), each row starts at the left edge; a
 *     line's words go to the column of that row whose start is nearest.
 * The text without `-layout` (reading order, no indents or columns) goes to `pdf-raw.ts`.
 * Right-to-left text (`pdf-bidi.ts`): bidi controls dropped, reversed lam-alef ligatures set
 * back where the text shows them, `-layout` lines mirrored.
 * Not handled yet: tables across a page break, running heads at the top of the page that differ
 * from page to page, the columns of a right-to-left table (pdftotext places its runs only
 * roughly), a hyphen pdftotext removed itself in the text without `-layout`.
 */
import { RIGHT_EDGE_SLACK, hasBidiControls, isRightToLeft, lamAlef, mirror, readingOrder } from './pdf-bidi.js';
import { fromLayout } from './pdf-layout.js';
import { GAP, normal, wordCounts } from './pdf-lines.js';
import { rawToLines } from './pdf-raw.js';

export { displayWidth, join } from './pdf-lines.js';
export { toParagraphs } from './pdf-layout.js';

/**
 * The pages of the text and the furniture lines repeated on them, or undefined: not a PDF's text.
 * `known`: the text is a PDF's (the PDF reader's), whatever its signs.
 */
export function pdfPages(text: string, known = false): { pages: string[][]; furniture: Set<string> } | undefined {
  if (!known && !text.includes('\f')) return undefined;
  const bidi = hasBidiControls(text);
  if (bidi) text = lamAlef(text);
  const pages = text.split('\f').map((page) => page.split('\n').map((line) => (bidi ? readingOrder(line) : line).replace(/\s+$/u, '')));
  while (pages.length > 0 && pages[pages.length - 1]?.every((line) => line === '')) pages.pop();
  if (pages.length < (known ? 1 : 2)) return undefined;
  if (bidi && isLayout(pages) && isRightToLeft(pages.flat())) {
    // Each page's right margin is the right edge most of its lines of one column share; wider
    // lines (a table's) start at 0.
    pages.forEach((page, p) => {
      const edges = new Map<number, number>();
      for (const line of page) if (line.trim() !== '' && !GAP.test(line.trim())) edges.set(line.length, (edges.get(line.length) ?? 0) + 1);
      const width = [...edges].reduce((best, edge) => (edge[1] > best[1] ? edge : best), [0, 0])[0];
      pages[p] = page.map((line) => mirror(line, width));
    });
  }
  const furniture = new Set<string>();
  const everywhere = new Map<string, number>();
  for (const line of pages.flat()) everywhere.set(normal(line), (everywhere.get(normal(line)) ?? 0) + 1);
  for (const edge of ['top', 'bottom'] as const) {
    // `pdftotext` without -layout writes a footer's fields on lines of their own: three at most.
    const edges = pages.map((page) => {
      const lines = page.map(normal).filter((line) => /[\p{L}\p{N}]/u.test(line));
      return edge === 'top' ? lines.slice(0, EDGE_LINES) : lines.slice(-EDGE_LINES).reverse();
    });
    const counts = new Map<string, number>();
    for (const near of edges) for (const line of new Set(near)) counts.set(line, (counts.get(line) ?? 0) + 1);
    // At the edge of more than half the pages, and seldom elsewhere: a lead-in such as `Tasks
    // include…` may open two pages of four, and stands in the body of another.
    const candidates = new Set(
      [...counts]
        .filter(([line, count]) => count >= 2 && count * 2 > pages.length && count * 4 >= (everywhere.get(line) ?? 0) * 3)
        .map(([line]) => line),
    );
    // And at the very edge on more than half the pages: only furniture between it and the page's
    // edge (`Задачи включают…` under the heading `A.3 Задачи` that opens the page is body).
    const atEdge = new Map<string, number>();
    for (const near of edges) {
      for (const line of near) {
        if (!candidates.has(line)) break;
        atEdge.set(line, (atEdge.get(line) ?? 0) + 1);
      }
    }
    for (const [line, count] of atEdge) if (count * 2 > pages.length) furniture.add(line);
  }
  return furniture.size > 0 || known ? { pages, furniture } : undefined;
}

/** How many lines at the top and the bottom of a page may be furniture. */
const EDGE_LINES = 3;

/** A PDF's text (`pdftotext`, with `-layout` or without, or the PDF reader's) as the text reader's lines, or undefined when it is not one. */
export function fromPdfText(text: string, known = false): string | undefined {
  const found = pdfPages(text, known);
  if (!found) return undefined;
  const { pages, furniture } = found;
  const words = wordCounts(text);
  const layout = isLayout(pages);
  const slack = layout && hasBidiControls(text) && isRightToLeft(pages.flat()) ? RIGHT_EDGE_SLACK : 1;
  const out = layout ? fromLayout(pages, furniture, words, slack) : rawToLines(pages, furniture, words);
  // The footer, once, as Tika writes it: its fields separated by TABs, as the last page has them.
  const last = [...pages].reverse().find((page) => page.some((line) => furniture.has(normal(line)))) ?? [];
  const footer = last.filter((line) => furniture.has(normal(line))).flatMap((line) => line.trim().split(GAP));
  if (footer.length > 0) out.push(footer.join('\t'));
  return `${out.join('\n')}\n`;
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
    const key = line
      .replace(/^[^\t]{0,8}\t/u, '')
      .replace(/\s+/gu, '')
      .slice(0, 8);
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
