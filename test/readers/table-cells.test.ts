import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/model/languages.js';
import type { SourceLine } from '../../src/readers/assemble/lines.js';
import { hintTableCells, MAX_CELL_LENGTH } from '../../src/readers/text/table-cells.js';

const en = LANGUAGES['en']!;
const zh = LANGUAGES['zh']!;

function lines(texts: readonly string[]): SourceLine[] {
  return texts.map((text, i) => ({ content: [{ type: 'text', value: text }], where: { file: 't.txt', line: i + 1 } }));
}

/** A caption, the header row of `table`, `rows` generated rows of cells, then `after`. */
function generated(table: typeof en, rows: number, after: string[] = []): string[] {
  const width = table.tableColumns.length;
  const cells = Array.from({ length: rows * width }, (_, k) => `r${Math.floor(k / width)}c${k % width}`);
  return ['Intro.', `${table === zh ? '表1' : 'Table 1'} – caption`, ...table.tableColumns, ...cells, ...after];
}

const hints = (out: SourceLine[]) =>
  out.map((line) => (line.hint?.kind === 'tableCell' ? `${line.hint.row}.${line.hint.column}${line.hint.header ? 'h' : ''}` : '-'));

describe('hintTableCells', () => {
  it.each([1, 3, 7])('takes %i generated rows after the header, cell by cell in column order', (rows) => {
    for (const table of [en, zh]) {
      const out = hintTableCells(lines(generated(table, rows, ['After the table.'])), Object.values(LANGUAGES));
      const width = table.tableColumns.length;
      const expected = ['-', '-'];
      for (let row = 0; row <= rows; row++) for (let column = 0; column < width; column++) expected.push(`${row}.${column}${row === 0 ? 'h' : ''}`);
      // The short paragraph after the table is left alone: it would leave a row incomplete.
      expected.push('-');
      expect(hints(out)).toEqual(expected);
    }
  });

  it('stops before a heading, a long line and an incomplete row', () => {
    const heading = hints(hintTableCells(lines(generated(en, 2, ['2\tWording of Questions', 'a', 'b', 'c', 'd'])), [en]));
    expect(heading.filter((h) => h !== '-')).toHaveLength(15);
    const long = hints(hintTableCells(lines(generated(en, 1, ['x'.repeat(MAX_CELL_LENGTH + 1), 'a', 'b', 'c', 'd'])), [en]));
    expect(long.filter((h) => h !== '-')).toHaveLength(10);
    const partial = hints(hintTableCells(lines(generated(en, 1, ['a', 'b'])), [en]));
    expect(partial.slice(-2)).toEqual(['-', '-']);
  });

  it('leaves lines alone without the header labels in order, or already marked by the source', () => {
    const swapped = generated(en, 1);
    [swapped[2], swapped[3]] = [swapped[3] as string, swapped[2] as string];
    expect(hints(hintTableCells(lines(swapped), [en])).every((h) => h === '-')).toBe(true);
    const marked = lines(generated(en, 1)).map((line, i) => (i >= 2 ? { ...line, hint: { kind: 'paragraph' as const } } : line));
    expect(hints(hintTableCells(marked, [en])).every((h) => h === '-')).toBe(true);
  });

  it('compares the header labels as labels are compared (case, spacing)', () => {
    const texts = generated(en, 1).map((text, i) => (i >= 2 && i < 7 ? `  ${text.toUpperCase()} ` : text));
    expect(hints(hintTableCells(lines(texts), [en])).filter((h) => h !== '-')).toHaveLength(10);
  });
});
