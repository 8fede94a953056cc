import { plainText } from '../../model/inline.js';
import { labelKey, type LanguageTable } from '../../model/languages.js';
import { classifyLine } from '../assemble/classify.js';
import type { LineHint, SourceLine } from '../assemble/lines.js';

/**
 * Table 1 in texts that lost its grid: LibreOffice's "save as text" and mammoth's raw text
 * write each cell as a line (or a paragraph) of its own, with nothing that says "cell". The
 * language table knows the header row (`tableColumns`), so a run of lines right after a
 * caption that starts with those labels, in order, is the table: its cells are taken row by
 * row, as many to a row as there are columns.
 *
 * The run ends before a line that is not a plain paragraph to the classifier (a heading, a
 * caption, a list item), before a line too long to be a cell, and before a row that would be
 * left incomplete: those lines stay what they were. Lines the source already marks (Tika's
 * TAB cells, DOCX styles) are never re-read.
 */

/** Longer than any cell of Table 1 in any language (titles run to ~150 characters). */
export const MAX_CELL_LENGTH = 300;

/** The lines with `tableCell` hints on each table found after a caption; other lines as they were. */
export function hintTableCells(lines: readonly SourceLine[], tables: readonly LanguageTable[]): SourceLine[] {
  const texts = lines.map((line) => plainText(line.content).trim());
  const out = lines.slice();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (line.hint) continue;
    const table = tables.find((candidate) => candidate.tableCaption.test(texts[i] ?? '') && startsWithHeader(lines, texts, i + 1, candidate));
    if (!table) continue;
    const width = table.tableColumns.length;
    const end = runEnd(lines, texts, i + 1 + width, width, table);
    for (let j = i + 1; j < end; j++) {
      const at = j - i - 1;
      const row = Math.floor(at / width);
      const hint: LineHint = { kind: 'tableCell', row, column: at % width, header: row === 0 };
      out[j] = { ...(lines[j] as SourceLine), hint };
    }
    i = end - 1;
  }
  return out;
}

/** Lines `start…` are the table's header labels, in order, and none is marked by the source. */
function startsWithHeader(lines: readonly SourceLine[], texts: readonly string[], start: number, table: LanguageTable): boolean {
  const columns = table.tableColumns;
  if (columns.length === 0) return false;
  return columns.every((label, k) => !lines[start + k]?.hint && labelKey(texts[start + k] ?? '') === labelKey(label));
}

/** The index after the last complete row of cells from `start`. */
function runEnd(lines: readonly SourceLine[], texts: readonly string[], start: number, width: number, table: LanguageTable): number {
  let end = start;
  for (;;) {
    const row = lines.slice(end, end + width);
    if (row.length < width) return end;
    const cells = row.every((line, k) => isCell(line, texts[end + k] ?? '', table));
    if (!cells) return end;
    end += width;
  }
}

function isCell(line: SourceLine, text: string, table: LanguageTable): boolean {
  if (line.hint || text.length > MAX_CELL_LENGTH) return false;
  return classifyLine(line, table).kind === 'paragraph';
}
