import { describe, expect, it } from 'vitest';
import { gridTableAt } from '../../src/readers/grid-table.js';
import { layoutLines } from '../../src/readers/text-layout.js';

/** A pandoc multiline table of `rows` generated rows, cells padded to their column, the long ones wrapped. */
function multiline(widths: readonly number[], rows: readonly (readonly string[][])[]): string[] {
  const line = (pieces: readonly string[]) => pieces.map((p, k) => p.padEnd((widths[k] ?? 0) + 1)).join('').trimEnd();
  const total = widths.reduce((sum, w) => sum + w + 1, 0) - 1;
  const out = ['-'.repeat(total)];
  rows.forEach((row, r) => {
    const height = Math.max(...row.map((cell) => cell.length));
    for (let l = 0; l < height; l++) out.push(line(row.map((cell) => cell[l] ?? '')));
    if (r === 0) out.push(line(widths.map((w) => '-'.repeat(w))));
    else if (r < rows.length - 1) out.push('');
  });
  out.push('-'.repeat(total));
  return out;
}

describe('gridTableAt', () => {
  it('cuts each line at the columns of the dash runs and joins a cell over its lines', () => {
    const lines = multiline([8, 12, 6], [
      [['New No.'], ['Current', 'title'], ['Status']],
      [['1/20'], ['Internet of', 'things'], ['Cont.']],
      [['2/20'], ['Vertical'], ['']],
    ]);
    const table = gridTableAt(lines, lines.findIndex((line) => line.startsWith('-------- ')));
    expect(table).toEqual({
      start: 0,
      end: lines.length,
      header: ['New No.', 'Current title', 'Status'],
      rows: [
        ['1/20', 'Internet of things', 'Cont.'],
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
    const line = (pieces: string[]) => pieces.map((p, k) => pad(p, widths[k] ?? 0)).join('').trimEnd();
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

describe('layoutLines', () => {
  const paragraphs = (texts: string[]) => texts.join('\n\n').split('\n');

  it('passes a text of one paragraph a line through as it is', () => {
    const lines = ['1\t引言', '段落一', '段落二', '', '\t新序号', '\t状态'];
    expect(layoutLines(lines).map((l) => l.text)).toEqual(lines);
  });

  it('joins the wrapped lines of blank-separated paragraphs and marks numbered headings', () => {
    const lines = paragraphs(['1 Introduction', 'This text is\nwrapped at the\npage width.', 'A.1 Motivation', '–\n支持物联网', '物联网及\n智慧城市。', 'A Question 1/20 – Internet\nof things']);
    const out = layoutLines(lines).filter((l) => l.text !== '');
    expect(out.map((l) => [l.text, l.heading])).toEqual([
      ['1 Introduction', 1],
      ['This text is wrapped at the page width.', undefined],
      ['A.1 Motivation', 3],
      ['– 支持物联网', undefined],
      ['物联网及智慧城市。', undefined],
      ['A Question 1/20 – Internet of things', 2],
    ]);
    expect(out.map((l) => l.number)).toEqual([1, 3, 7, 9, 12, 15]);
  });

  it('turns a grid table into cells, rows separated by a blank line', () => {
    const table = multiline([4, 6], [[['No.'], ['Title']], [['1/20'], ['IoT']], [['2/20'], ['Cities']]]);
    const lines = [...paragraphs(['Intro.', 'Table 1 – Q', 'More.', 'End.']), '', ...table, '', 'After.'];
    const out = layoutLines(lines);
    const cells = out.filter((l) => l.cell).map((l) => l.text);
    expect(cells).toEqual(['No.', 'Title', '1/20', 'IoT', '2/20', 'Cities']);
    expect(out.some((l) => l.text.includes('---'))).toBe(false);
  });
});
