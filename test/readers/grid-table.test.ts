import { describe, expect, it } from 'vitest';
import { gridTableAt } from '../../src/readers/text/grid-table.js';
import { multiline } from '../helpers/pandoc-table.js';

describe('gridTableAt', () => {
  it('cuts each line at the columns of the dash runs and joins a cell over its lines', () => {
    const lines = multiline(
      [8, 12, 6],
      [
        [['New No.'], ['Current', 'title'], ['Status']],
        [['1/20'], ['Internet of', 'things'], ['Cont.']],
        [['2/20'], ['Vertical'], ['']],
      ],
    );
    const table = gridTableAt(
      lines,
      lines.findIndex((line) => line.startsWith('-------- ')),
    );
    expect(table).toEqual({
      start: 0,
      end: lines.length,
      header: ['New No.', 'Current\ntitle', 'Status'],
      rows: [
        ['1/20', 'Internet of\nthings', 'Cont.'],
        ['2/20', 'Vertical', ''],
      ],
    });
  });

  it.each([2, 3, 5, 9])('reads %i generated columns of CJK text, two display columns a character', (count) => {
    const widths = Array.from({ length: count }, (_, k) => 8 + 2 * k);
    const header = widths.map((_, k) => [`列${k}`]);
    const cell = (r: number, k: number) => '物联网'.slice(0, 1 + ((r + k) % 3));
    const rows = [0, 1, 2].map((r) => widths.map((_, k) => [cell(r, k)]));
    // Pad by display width: a CJK character takes two columns.
    const display = (text: string) => [...text].reduce((sum, ch) => sum + (/\p{Script=Han}/u.test(ch) ? 2 : 1), 0);
    const pad = (text: string, width: number) => text + ' '.repeat(width + 1 - display(text));
    const line = (pieces: string[]) =>
      pieces
        .map((p, k) => pad(p, widths[k] ?? 0))
        .join('')
        .trimEnd();
    const spans = widths.map((w) => '-'.repeat(w)).join(' ');
    const lines = [line(header.map((c) => c[0] ?? '')), spans, ...rows.map((row) => line(row.map((c) => c[0] ?? ''))), ''];
    const table = gridTableAt(lines, 1);
    expect(table?.header).toEqual(header.map((c) => c[0]));
    expect(table?.rows).toEqual(rows.map((row) => row.map((c) => c[0])));
    expect(table?.end).toBe(5);
  });

  it('is no table without a dash-run line of two columns or more, or without a header', () => {
    expect(gridTableAt(['text', '--------', 'more'], 1)).toBeUndefined();
    expect(gridTableAt(['', '---- ----', 'a    b'], 1)).toBeUndefined();
  });
});
