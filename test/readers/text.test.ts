import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { plainText } from '../../src/model/inline.js';
import { InputError } from '../../src/model/result.js';
import { decodeText } from '../../src/readers/text/decode.js';
import type { SourceLine } from '../../src/readers/assemble/lines.js';
import { parseFooter } from '../../src/readers/text/end-matter.js';
import { readText, readTextLines } from '../../src/readers/text/index.js';
import { inputError } from '../helpers/input-error.js';

const SOURCE = readFileSync(new URL('../../input/008C.txt', import.meta.url));
const SOURCE_TEXT = SOURCE.toString('utf8');
/** The hostile corpus lives beside the repository, not in it: those tests skip when it is absent. */
const HOSTILE = new URL('../../../shared/corpus/hostile/', import.meta.url);

const texts = (lines: readonly SourceLine[]) => lines.map((line) => plainText(line.content));
const utf8 = (text: string) => new TextEncoder().encode(text);
const codes = (warnings: readonly { code: string }[]) => warnings.map((w) => w.code);
const withoutSource = (doc: QuestionsDocument) => ({ ...doc, metadata: { ...doc.metadata, source: undefined } });

describe('readTextLines: bookmarks', () => {
  it('removes markers mid-line, several in a row, at line start, without a trace or a warning', () => {
    const read = readTextLines('[bookmark: _Toc1][bookmark: _Toc2]A.1\t目的\n前文[bookmark: x]后文\n末尾[bookmark: y]\n', 'f.txt');
    expect(texts(read.value.lines)).toEqual(['A.1\t目的', '前文后文', '末尾']);
    expect(read.warnings).toEqual([]);
  });

  it('drops a line holding only markers and keeps the source line numbers', () => {
    const read = readTextLines('一\n[bookmark: a] [bookmark: b]\n二\n', 'f.txt');
    expect(texts(read.value.lines)).toEqual(['一', '二']);
    expect(read.value.lines.map((line) => line.where)).toEqual([
      { file: 'f.txt', line: 1 },
      { file: 'f.txt', line: 3 },
    ]);
  });

  it('removes markers inside table cells, and a marker line never splits a row', () => {
    const read = readTextLines('表1 – 课题\n\t[bookmark: a]新序号\n[bookmark: b]\n\t状态\n\n\t1/20\n\t继续[bookmark: c]\n', 'f.txt');
    expect(texts(read.value.lines)).toEqual(['表1 – 课题', '新序号', '状态', '1/20', '继续']);
    expect(read.value.lines.map((line) => line.hint)).toEqual([
      undefined,
      { kind: 'tableCell', row: 0, column: 0, header: true },
      { kind: 'tableCell', row: 0, column: 1, header: true },
      { kind: 'tableCell', row: 1, column: 0, header: false },
      { kind: 'tableCell', row: 1, column: 1, header: false },
    ]);
  });

  it('leaves no marker anywhere in the source lines of 008C.txt', () => {
    const read = readTextLines(SOURCE_TEXT, '008C.txt');
    expect(JSON.stringify(read.value).includes('[bookmark')).toBe(false);
    expect(read.warnings).toEqual([]);
  });
});

describe('readTextLines: lines and tables', () => {
  it('trims trailing whitespace only, keeps full-width punctuation and drops blank lines', () => {
    const read = readTextLines('  前导保留 \t\n\n–\t项目；　\n（注）\n', 'f.txt');
    expect(texts(read.value.lines)).toEqual(['  前导保留', '–\t项目；', '（注）']);
  });

  it('gives an empty cell its column, and a paragraph ends the table', () => {
    const read = readTextLines('\ta\n\t\n\tc\n\n\td\n段落\n\te\n', 'f.txt');
    expect(read.value.lines.map((line) => [plainText(line.content), line.hint])).toEqual([
      ['a', { kind: 'tableCell', row: 0, column: 0, header: true }],
      ['c', { kind: 'tableCell', row: 0, column: 2, header: true }],
      ['d', { kind: 'tableCell', row: 1, column: 0, header: false }],
      ['段落', undefined],
      ['e', { kind: 'tableCell', row: 0, column: 0, header: true }],
    ]);
  });

  it('reads Table 1 of 008C.txt as 8 rows of 5 cells', () => {
    const cells = readTextLines(SOURCE_TEXT, '008C.txt').value.lines.filter((line) => line.hint?.kind === 'tableCell');
    expect(cells).toHaveLength(40);
    expect(cells[0]).toEqual({
      content: [{ type: 'text', value: '新序号' }],
      hint: { kind: 'tableCell', row: 0, column: 0, header: true },
      where: { file: '008C.txt', line: 5 },
    });
    expect(cells[39]?.hint).toEqual({ kind: 'tableCell', row: 7, column: 4, header: false });
    expect(cells[39]?.where.line).toBe(51);
  });
});

describe('readTextLines: footnotes', () => {
  it('turns the reference into an inline and the note at the end of the line into the footnote', () => {
    const read = readTextLines(SOURCE_TEXT, '008C.txt');
    expect(read.value.footnotes).toEqual([{ id: '1', text: '根据WTSA第2号决议（2016年，哈马马特）' }]);
    const line = read.value.lines.find((l) => l.where.line === 336);
    expect(line?.content.map((inline) => inline.type)).toEqual(['text', 'footnoteReference', 'text']);
    expect(line?.content[1]).toEqual({ type: 'footnoteReference', id: '1' });
    expect(plainText(line?.content ?? []).endsWith('网络化基础设施中落实保护。')).toBe(true);
  });

  it('reports a note without a reference and a reference without a note', () => {
    const read = readTextLines('甲[footnoteRef:2]乙\n丙 [5: 孤立的注]\n', 'f.txt');
    expect(read.value.footnotes).toEqual([]);
    expect(texts(read.value.lines)).toEqual(['甲乙', '丙']);
    expect(read.value.lines[0]?.content).toEqual([{ type: 'text', value: '甲乙' }]);
    expect(read.warnings.map((w) => [w.code, w.where.line])).toEqual([
      ['footnote.unreferenced', 2],
      ['footnote.undefined', 1],
    ]);
  });

  it('reads several notes at the end of one line, brackets inside a note included', () => {
    const read = readTextLines('甲[footnoteRef:1]乙[footnoteRef:2] [1: 注一] [2:  注[见]二 ]\n', 'f.txt');
    expect(read.value.footnotes).toEqual([
      { id: '1', text: '注一' },
      { id: '2', text: '注[见]二' },
    ]);
    expect(texts(read.value.lines)).toEqual(['甲乙']);
  });
});

describe('readTextLines: notes at the end of a blank-line text, without a rule (pandoc -t plain)', () => {
  /** Blocks separated by blank lines, as pandoc writes them. */
  const blocks = (...texts: string[]) => `${texts.join('\n\n')}\n`;
  const BODY = ['1 Intro', 'Rural areas are the least\nconnected on earth[1]. More.', 'Second[2] and first[1] again.', 'Other.', 'End.'];
  const types = (line?: SourceLine) => line?.content.map((inline) => inline.type);

  it('takes a trailing `[1] text` as the note of the `[1]` in the body', () => {
    const read = readTextLines(blocks(...BODY.slice(0, 2), 'Other.', 'End.', 'Last.', '[1] Source: ITU,\nFacts 2023.'), 'f.txt');
    expect(read.value.footnotes).toEqual([{ id: '1', text: 'Source: ITU, Facts 2023.' }]);
    expect(texts(read.value.lines)).toEqual(['1 Intro', 'Rural areas are the least connected on earth. More.', 'Other.', 'End.', 'Last.']);
    expect(types(read.value.lines[1])).toEqual(['text', 'footnoteReference', 'text']);
    expect(read.warnings).toEqual([]);
  });

  it("takes several notes, and a paragraph between two notes as the first one's second paragraph", () => {
    const read = readTextLines(blocks(...BODY, '[1] Note one.', 'Its second\nparagraph.', '[2] Note two.'), 'f.txt');
    expect(read.value.footnotes).toEqual([
      { id: '1', text: 'Note one.\nIts second paragraph.' },
      { id: '2', text: 'Note two.' },
    ]);
    expect(texts(read.value.lines)).toEqual([
      '1 Intro',
      'Rural areas are the least connected on earth. More.',
      'Second and first[1] again.',
      'Other.',
      'End.',
    ]);
    expect(read.warnings).toEqual([]);
  });

  it('leaves a trailing `[N] text` as text when the body does not reference it before', () => {
    const unreferenced = blocks('1 Intro', 'No mark here.', 'Other.', 'End.', 'Last.', '[1] A line of a list.');
    expect(texts(readTextLines(unreferenced, 'f.txt').value.lines).at(-1)).toBe('[1] A line of a list.');
    const after = blocks('1 Intro', 'Other.', 'End.', 'Last.', '[1] Cited.', 'It says [1].');
    expect(texts(readTextLines(after, 'f.txt').value.lines).slice(-2)).toEqual(['[1] Cited.', 'It says [1].']);
  });

  it('leaves the notes as text when a paragraph follows the last one (it may be the text after the notes)', () => {
    const read = readTextLines(blocks(...BODY, '[1] Note one.', '[2] Note two.', 'A last line.'), 'f.txt');
    expect(read.value.footnotes).toEqual([]);
    expect(texts(read.value.lines).slice(-3)).toEqual(['[1] Note one.', '[2] Note two.', 'A last line.']);
  });

  it('takes only the notes numbered in sequence up to the end: an earlier `[N] text` out of it stays text', () => {
    const read = readTextLines(blocks(...BODY, '[2] A paragraph.', 'More text.', '[1] Note one.', '[2] Note two.'), 'f.txt');
    expect(read.value.footnotes).toEqual([
      { id: '1', text: 'Note one.' },
      { id: '2', text: 'Note two.' },
    ]);
    expect(texts(read.value.lines).slice(-2)).toEqual(['[2] A paragraph.', 'More text.']);
  });

  it('stops at a heading: a note never takes a heading as its paragraph', () => {
    const read = readTextLines(blocks(...BODY, '[1] Note one.', '2 Scope', '[2] Note two.'), 'f.txt');
    expect(read.value.footnotes).toEqual([{ id: '2', text: 'Note two.' }]);
    expect(texts(read.value.lines).slice(-2)).toEqual(['[1] Note one.', '2 Scope']);
  });
});

describe('readText: numbered headings of a blank-line text (counterexamples of test/property/rewrap-forms.test.ts)', () => {
  it("reads a no-break space after a heading's number as the space between number and title", () => {
    const nbsp = '\u00a0';
    const blocks = [
      `1${nbsp}Introduction`,
      'This text is wrapped\nat the page width.',
      `2${nbsp}Wording of Questions`,
      `A${nbsp}Question 1/22 – Digital\ninfrastructure`,
      '(Continuation of Question 1/22)',
      `A.1${nbsp}Motivation`,
      'Farms depend on\nconnectivity.',
    ];
    const read = readText(utf8(`${blocks.join('\n\n')}\n`), 'nbsp.txt');
    const spaced = readText(utf8(`${blocks.join('\n\n').replaceAll(nbsp, ' ')}\n`), 'spaced.txt');
    expect(withoutSource(read.value)).toEqual(withoutSource(spaced.value));
    expect(read.value.frontMatter.heading).toEqual({ number: '1', title: 'Introduction' });
    expect(read.value.questions.map((q) => [q.letter, q.number, q.title, q.sections.map((s) => s.number)])).toEqual([
      ['A', '1/22', 'Digital infrastructure', ['A.1']],
    ]);
  });
});

describe('readTextLines: end matter', () => {
  it('reads the rule, the footer and the image of 008C.txt as end matter', () => {
    const read = readTextLines(SOURCE_TEXT, '008C.txt');
    expect(read.value.endMatter).toEqual({
      footer: { path: 'L:\\008C.DOCX', dates: ['27.01.21', '25.11.19'] },
      documentReference: '008C.DOCX',
      images: ['image1.png'],
    });
    const last = read.value.lines[read.value.lines.length - 1];
    expect(last?.where.line).toBe(479);
    expect(texts(read.value.lines).some((text) => /_{5}|image1|008C\.DOCX/.test(text))).toBe(false);
  });

  it('takes trailing footer and image lines without a rule', () => {
    const read = readTextLines('正文\nX:\\dir\\ABC.docx\t01.02.21\nlogo.emf\n\n', 'f.txt');
    expect(texts(read.value.lines)).toEqual(['正文']);
    expect(read.value.endMatter).toEqual({
      footer: { path: 'X:\\dir\\ABC.docx', dates: ['01.02.21'] },
      documentReference: 'ABC.docx',
      images: ['logo.emf'],
    });
  });

  it('reads the end matter when the blank lines around it hold only tabs or spaces', () => {
    const padded = SOURCE_TEXT.replace(/\n\n/g, '\n\t\n').replace(/\nimage1\.png\n/, '\nimage1.png\n \t\n');
    const read = readTextLines(padded, '008C.txt');
    expect(read.value.endMatter.images).toEqual(['image1.png']);
    expect(read.value.endMatter.documentReference).toBe('008C.DOCX');
    expect(texts(read.value.lines).some((text) => /image1|008C\.DOCX/.test(text))).toBe(false);
  });

  it('keeps footer-like and image-like lines amid the content, with a warning', () => {
    const read = readTextLines('正文\nL:\\008C.DOCX\t27.01.21\nimage9.png\n正文二\n', 'f.txt');
    expect(texts(read.value.lines)).toEqual(['正文', 'L:\\008C.DOCX\t27.01.21', 'image9.png', '正文二']);
    expect(read.value.endMatter).toEqual({ images: [] });
    expect(read.warnings.map((w) => [w.code, w.where.line])).toEqual([
      ['endMatter.outOfPlace', 2],
      ['endMatter.outOfPlace', 3],
    ]);
  });

  it('keeps a rule that content follows as content', () => {
    const read = readTextLines('甲\n______\n乙\n', 'f.txt');
    expect(texts(read.value.lines)).toEqual(['甲', '______', '乙']);
  });

  it('parses footers strictly', () => {
    expect(parseFooter('L:\\008C.DOCX\t27.01.21\t25.11.19')).toEqual({ path: 'L:\\008C.DOCX', dates: ['27.01.21', '25.11.19'] });
    expect(parseFooter('L:\\008C.DOCX')).toBeUndefined();
    expect(parseFooter('1\t引言')).toBeUndefined();
    expect(parseFooter('A.1\t目的')).toBeUndefined();
  });
});

describe('readText', () => {
  const read = readText(SOURCE, 'input/008C.txt');

  it('fills the metadata of 008C.txt', () => {
    expect(read.value.metadata).toEqual({
      language: 'zh',
      source: {
        fileName: '008C.txt',
        format: 'text',
        sha256: '1f1546ab76e0ba06418a271937f6247c0429de72a1d8945f620e2af07dcfea47',
        encoding: 'utf-8',
        lineEndings: 'lf',
      },
      documentReference: '008C.DOCX',
      footer: { path: 'L:\\008C.DOCX', dates: ['27.01.21', '25.11.19'] },
      images: ['image1.png'],
    });
    expect(Object.keys(read.value)).toEqual(['schemaVersion', 'metadata', 'frontMatter', 'questionsHeading', 'questions', 'footnotes']);
  });

  it('reads 008C.txt without a warning and without any noise left', () => {
    expect(read.warnings).toEqual([]);
    expect(JSON.stringify(read.value).includes('[bookmark')).toBe(false);
    // The end matter is in the metadata only, not in the content.
    const { frontMatter, questionsHeading, questions, footnotes } = read.value;
    const json = JSON.stringify({ frontMatter, questionsHeading, questions, footnotes });
    for (const noise of ['[footnoteRef', '[1:', '\r', '\ufeff', '\ufffd', '______', '008C.DOCX', 'image1']) {
      expect(json.includes(noise), noise).toBe(false);
    }
  });

  it('gives the same model for CRLF, UTF-8 BOM and UTF-16 renditions made from the source', () => {
    const crlf = readText(utf8(SOURCE_TEXT.replace(/\n/g, '\r\n')), 'crlf.txt');
    const bom = readText(Uint8Array.from([0xef, 0xbb, 0xbf, ...SOURCE]), 'bom.txt');
    const utf16 = readText(Uint8Array.from([0xff, 0xfe, ...Buffer.from(SOURCE_TEXT, 'utf16le')]), 'u16.txt');
    for (const other of [crlf, bom, utf16]) expect(withoutSource(other.value)).toEqual(withoutSource(read.value));
    expect(crlf.value.metadata.source.lineEndings).toBe('crlf');
    expect(bom.value.metadata.source.encoding).toBe('utf-8-bom');
    expect(utf16.value.metadata.source.encoding).toBe('utf-16le');
  });

  it.each([
    ['random text', 'lorem ipsum dolor sit amet\nconsectetur 42 adipiscing\n'],
    ['an empty file', ''],
    ['the introduction alone', SOURCE_TEXT.split('\n').slice(0, 55).join('\n')],
  ])('refuses %s as not a Questions text', (_name, text) => {
    const error = inputError(() => readText(utf8(text), 'notes.txt'));
    expect(error.file).toBe('notes.txt');
    expect(error.code).toBe('input.notQuestions');
    expect(error.message).toContain('第N/NN号课题');
    expect(error.describe()).toMatch(/^notes\.txt: not a Questions text: .*\(found (?:no text|0 Question headings)/);
  });
});

describe.skipIf(!existsSync(HOSTILE))('readText: hostile seeds', () => {
  const base = withoutSource(readText(SOURCE, '008C.txt').value);
  const seed = (name: string) => readFileSync(new URL(name, HOSTILE));

  it.each([
    ['seed-crlf.txt', 'utf-8', 'crlf'],
    ['seed-utf8-bom.txt', 'utf-8-bom', 'lf'],
    ['seed-gb18030.txt', 'gb18030', 'lf'],
  ])('%s decodes to the model of 008C.txt', (name, encoding, lineEndings) => {
    const read = readText(seed(name), name);
    expect(read.warnings).toEqual([]);
    expect(withoutSource(read.value)).toEqual(base);
    expect(read.value.metadata.source).toMatchObject({ fileName: name, encoding, lineEndings });
  });

  it('seed-first40-utf16le-bom.txt: the first 40 lines, which hold no Question, so a clear InputError', () => {
    const name = 'seed-first40-utf16le-bom.txt';
    const error = inputError(() => readText(seed(name), name));
    expect(error.describe()).toBe(
      `${name}: not a Questions text: no heading of the form 第N/NN号课题, Question N/NN, Cuestión N/NN, Вопрос N/NN or المسألة N/NN (found 0 Question headings in 34 lines)`,
    );
    const first40 = SOURCE_TEXT.split('\n').slice(0, 40).join('\n');
    expect(decodeText(seed(name), name)).toEqual({ text: `${first40}\n`, encoding: 'utf-16le', lineEndings: 'lf' });
  });
});

describe('readText: robustness', () => {
  /** Pieces of the format, so that random texts come close to real ones. */
  const PIECES = [
    '\n',
    '\r\n',
    '\r',
    '\t',
    ' ',
    '[bookmark: _Toc1]',
    '[footnoteRef:1]',
    '[footnoteRef:2]',
    ' [1: 注]',
    '[2: ]',
    '[',
    ']',
    '1\t引言',
    '2\t课题的措辞',
    'A\t第1/20号课题 – 标题',
    'B\t第2/20号课题 – 二',
    '（继续）',
    'A.1\t目的',
    'A.4\t关系',
    'B.9\t未知',
    '–\t',
    '•\t',
    '–',
    'WSIS行动方面：',
    '可持续发展目标：',
    '建议书：',
    'Y.4000系列',
    'Y.1/Y.2',
    'C7、',
    '1、…和 17',
    '表1 – 表',
    '______',
    'L:\\008C.DOCX\t27.01.21',
    'image1.png',
    '工作计划（https://x.int/q?=1/20）',
    '文字',
    '\u0000',
    '\ufeff',
  ];

  it('gives a model or an InputError for any text, never another exception', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (pieces) => {
        try {
          const read = readText(utf8(pieces.join('')), 'fuzz.txt');
          expect(read.value.questions.length).toBeGreaterThan(0);
          expect(JSON.stringify(read.value).includes('[bookmark')).toBe(false);
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
        }
      }),
      { numRuns: 300, seed: 20210118 },
    );
  });

  it('stays linear on long hostile lines and huge tables', () => {
    const hostile = [
      '1\t引言',
      '表1 – 表',
      '\tx\n'.repeat(20000),
      '2\t措辞',
      'A\t第1/20号课题 – t',
      'A.4\t关系',
      '可持续发展目标：',
      `–\t${'1、…'.repeat(20000)}`,
      '[1:'.repeat(20000),
      '[bookmark:'.repeat(20000),
      ']'.repeat(200000),
      `${' '.repeat(200000)}x`,
      `https://${'/'.repeat(100000)}`,
    ].join('\n');
    const started = performance.now();
    const read = readText(utf8(hostile), 'long.txt');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(codes(read.warnings)).toContain('structure.tableColumns');
  });
});

describe('notes printed after their paragraph (tsag’s text output)', () => {
  it('reads `[1] text` right after the paragraph that marks `[1]` as its footnote', () => {
    const read = readTextLines('对安全、隐私[1]以及信任的影响。\n[1] 根据WTSA第2号决议\n下一段。\n', 'f.txt');
    expect(read.value.footnotes).toEqual([{ id: '1', text: '根据WTSA第2号决议' }]);
    expect(read.value.lines[0]?.content).toEqual([
      { type: 'text', value: '对安全、隐私' },
      { type: 'footnoteReference', id: '1' },
      { type: 'text', value: '以及信任的影响。' },
    ]);
    expect(texts(read.value.lines)).toEqual(['对安全、隐私以及信任的影响。', '下一段。']);
  });

  it('leaves `[2] text` as text when the paragraph before it marks no [2]', () => {
    const read = readTextLines('对安全、隐私[1]以及。\n[2] 另一个\n', 'f.txt');
    expect(read.value.footnotes).toEqual([]);
    expect(texts(read.value.lines)).toEqual(['对安全、隐私[1]以及。', '[2] 另一个']);
  });
});
