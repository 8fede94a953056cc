import { isWide } from './soft-breaks.js';

/**
 * pandoc's plain-text tables (`pandoc -t plain`): a line of dash runs gives the columns, each
 * run one column from its first character to the start of the next run; a cell is the text of
 * its rows' lines within those columns, the lines of a multiline cell joined by `\n` (soft line
 * breaks, for the caller to read as the rest of the text's).
 *
 *     ------------------------------------      ← top border (multiline tables only)
 *     New No.  Current title                    ← header, one or more lines
 *     -------- ---------------------------      ← the column spans
 *     1/20     Interoperability and
 *              interconnection                  ← a row, continued
 *                                               ← blank: the next row (multiline tables)
 *     2/20     Requirements
 *     ------------------------------------      ← bottom border (multiline); a blank line ends a simple table
 *
 * Columns are counted in display cells, as pandoc lays them out: a CJK character is two wide.
 */

export interface GridTable {
  /** Index of the table's first line (top border, else header) and one past its last. */
  start: number;
  end: number;
  /** Header cells, then each row's cells, one per column. */
  header: string[];
  rows: string[][];
}

const SPANS = /^ *-{2,}(?: +-{2,})+ *$/u;
const BORDER = /^ *-{3,} *$/u;

/** The grid table whose column line is `lines[at]`, or undefined when `lines[at]` is none. */
export function gridTableAt(lines: readonly string[], at: number): GridTable | undefined {
  const spanLine = lines[at] ?? '';
  if (!SPANS.test(spanLine)) return undefined;
  const columns = [...spanLine.matchAll(/-+/gu)].map((run) => run.index);
  // The header: the lines above, up to a top border (multiline) or the one line above (simple).
  let top = at - 1;
  while (top >= 0 && lines[top]?.trim() !== '' && !BORDER.test(lines[top] ?? '')) top--;
  const multiline = top >= 0 && BORDER.test(lines[top] ?? '');
  const headerStart = multiline ? top + 1 : at - 1;
  if (headerStart >= at || (!multiline && lines[headerStart]?.trim() === '')) return undefined;
  const header = cells(lines.slice(headerStart, at), columns);
  const rows: string[][] = [];
  let row: string[] = [];
  let end = at + 1;
  for (; end < lines.length; end++) {
    const line = lines[end] ?? '';
    if (multiline && BORDER.test(line)) {
      end++;
      break;
    }
    if (line.trim() === '') {
      if (!multiline) break;
      if (row.length > 0) rows.push(cells(row, columns));
      row = [];
      continue;
    }
    if (multiline) row.push(line);
    else rows.push(cells([line], columns));
  }
  if (row.length > 0) rows.push(cells(row, columns));
  return { start: multiline ? top : headerStart, end, header, rows };
}

/** The cells of one row's lines: each line cut at the column starts, the pieces of a column joined. */
function cells(rowLines: readonly string[], columns: readonly number[]): string[] {
  const pieces = columns.map(() => [] as string[]);
  for (const line of rowLines) {
    const cut = cutAtColumns(line, columns);
    cut.forEach((piece, k) => {
      if (piece !== '') pieces[k]?.push(piece);
    });
  }
  return pieces.map((lines) => lines.join('\n'));
}

/** A line cut at display columns: the text from each column start to the next, trimmed. */
function cutAtColumns(line: string, columns: readonly number[]): string[] {
  const out = columns.map(() => '');
  let column = 0;
  let k = 0;
  for (const ch of line) {
    while (k + 1 < columns.length && column >= (columns[k + 1] ?? Infinity)) k++;
    out[k] += ch;
    column += isWide(ch) ? 2 : 1;
  }
  return out.map((text) => text.trim());
}
