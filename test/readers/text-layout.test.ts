import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text/index.js';
import { layoutLines } from '../../src/readers/text/layout.js';
import { multiline } from '../helpers/pandoc-table.js';
import { fromRoot } from '../helpers/paths.js';

describe('layoutLines', () => {
  const paragraphs = (texts: string[]) => texts.join('\n\n').split('\n');

  it('passes a text of one paragraph a line through as it is', () => {
    const lines = ['1\t引言', '段落一', '段落二', '', '\t新序号', '\t状态'];
    expect(layoutLines(lines).map((l) => l.text)).toEqual(lines);
  });

  it('joins the wrapped lines of blank-separated paragraphs and marks numbered headings', () => {
    const lines = paragraphs([
      '1 Introduction',
      'This text is\nwrapped at the\npage width.',
      'A.1 Motivation',
      '–\n支持物联网',
      '物联网及\n智慧城市。',
      'A Question 1/20 – Internet\nof things',
    ]);
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
    const table = multiline(
      [4, 6],
      [
        [['No.'], ['Title']],
        [['1/20'], ['IoT']],
        [['2/20'], ['Cities']],
      ],
    );
    const lines = [...paragraphs(['Intro.', 'Table 1 – Q', 'More.', 'End.']), '', ...table, '', 'After.'];
    const out = layoutLines(lines);
    const cells = out.filter((l) => l.cell).map((l) => l.text);
    expect(cells).toEqual(['No.', 'Title', '1/20', 'IoT', '2/20', 'Cities']);
    expect(out.some((l) => l.text.includes('---'))).toBe(false);
  });

  it('moves the notes after a closing rule to the line of their first reference', () => {
    const lines = paragraphs(['1 Intro', 'Privacy[1] matters.', 'Again [1] and [2].', 'End.', '______________', '[1] Resolution\n2.', '[2] Other.']);
    const out = layoutLines(lines).filter((l) => l.text !== '');
    expect(out.map((l) => [l.text, l.notes ?? []])).toEqual([
      ['1 Intro', []],
      ['Privacy[footnoteRef:1] matters.', [{ id: '1', text: 'Resolution 2.' }]],
      ['Again [1] and [footnoteRef:2].', [{ id: '2', text: 'Other.' }]],
      ['End.', []],
    ]);
  });

  it('leaves the rule and what follows as text when anything after it is not a note', () => {
    const lines = paragraphs(['1 Intro', 'Privacy[1] matters.', 'More.', 'End.', '______________', '[1] Resolution 2.', 'A footer']);
    expect(
      layoutLines(lines)
        .filter((l) => l.text !== '')
        .map((l) => l.text),
    ).toEqual(['1 Intro', 'Privacy[1] matters.', 'More.', 'End.', '______________', '[1] Resolution 2.', 'A footer']);
  });
});

/** Words of `text` wrapped at `width` columns, at spaces only (as pandoc wraps). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line].join('\n');
}

/**
 * A Tika extraction rewritten in the blank-line layout: noise gone, a space for the heading TAB,
 * each paragraph (and each table cell) a block wrapped at `width`, pandoc's notes at the end.
 */
function blankLineLayout(tika: string, width: number): string {
  const notes: string[] = [];
  const blocks: string[] = [];
  for (const raw of tika.split('\n')) {
    let line = raw.replace(/\[bookmark:[^\]]*\]/gu, '');
    if (/^\s*_{5,}\s*$/u.test(line)) break;
    if (line.trim() === '') continue;
    line = line.replace(/\s*\[(\d+):\s*(.*)\]\s*$/u, (_, id: string, note: string) => {
      notes.push(`[${id}] ${note.trim()}`);
      return '';
    });
    line = line
      .replace(/\[footnoteRef:(\d+)\]/gu, '[$1]')
      .replace(/^\t/u, '')
      .replace(/\t/gu, ' ');
    blocks.push(wrap(line, width));
  }
  return [...blocks, '______________', ...notes].join('\n\n');
}

describe('an edition in the blank-line layout', () => {
  it.each(['en', 'fr', 'ru'])('%s.txt wrapped at 40 and 72 columns reads as the Tika text does, table and footnote included', (code) => {
    const tika = readFileSync(fromRoot(`fixtures/lang-${code}/${code}.txt`), 'utf8');
    const expected = readText(Buffer.from(tika), `${code}.txt`).value;
    for (const width of [40, 72]) {
      const read = readText(Buffer.from(blankLineLayout(tika, width)), 'plain.txt');
      const { metadata: _a, ...model } = read.value;
      const { metadata: _b, ...want } = expected;
      expect(model).toEqual(want);
    }
  });
});
