/**
 * The PDF-text pre-pass: page furniture, wrapped lines, page-bottom footnotes, headings, list
 * markers and Table 1's columns, on generated pages; then the real `pdftotext -layout` text of
 * 008C, which must read as the model of 008C.docx.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/diff/index.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { lamAlef, marksOnLetters, mirror, readingOrder } from '../../src/readers/text/pdf-bidi.js';
import { wordCounts } from '../../src/readers/text/pdf-lines.js';
import { displayWidth, fromPdfText, join, pdfPages, sourceLineNumbers, toParagraphs } from '../../src/readers/text/pdf-text.js';
import { readText } from '../../src/readers/text/index.js';
import { SHARED } from '../helpers/paths.js';

const FOOTER = 'L:\\X.DOCX                          01.02.21   03.04.21';
/** Pages of body lines, each ended by the footer, joined by form feeds as pdftotext writes them. */
const pdf = (...pages: string[][]) => `${pages.map((lines) => [...lines, '', FOOTER, ''].join('\n')).join('\f')}\f`;
/** 40 CJK characters: a full line at a right margin of 80 columns. */
const FULL = '物联网及智慧城市和社区应用和服务的互操作性和互联互通不仅是在城市内部而且也在城市和';

describe('page furniture', () => {
  it('finds the line repeated at the bottom of the pages, whatever its spacing', () => {
    const text = pdf(['正文一'], ['正文二'], ['正文三']).replace(/01\.02\.21 {3}/u, '01.02.21      ');
    expect([...(pdfPages(text)?.furniture ?? [])]).toEqual(['L:\\X.DOCX 01.02.21 03.04.21']);
  });

  it('takes no line for furniture that opens only half the pages, or that stands below a line of the body', () => {
    const text = pdf(
      ['A.3      Tasks', '         Tasks include:', 'Body one.'],
      ['Tasks include:', 'Body two.'],
      ['A.4      Tasks', 'Tasks include:', 'Body three.'],
      ['Body four.'],
    );
    expect([...(pdfPages(text)?.furniture ?? [])]).toEqual(['L:\\X.DOCX 01.02.21 03.04.21']);
    const twice = pdf(['Tasks include:', 'Body one.'], ['Tasks include:', 'Body two.'], ['Body three.'], ['Body four.']);
    expect([...(pdfPages(twice)?.furniture ?? [])]).toEqual(['L:\\X.DOCX 01.02.21 03.04.21']);
  });

  it('is not a PDF text without form feeds, or without a line repeated on the pages', () => {
    expect(pdfPages(`正文一\n${FOOTER}\n`)).toBeUndefined();
    expect(pdfPages('正文一\n页一\f正文二\n页二\f正文三\n页三\f')).toBeUndefined();
    expect(fromPdfText('1\t引言\n正文\n')).toBeUndefined();
  });

  it('drops the footer from every page and keeps it once, at the end, in Tika’s TAB form', () => {
    const out = fromPdfText(pdf(['1         引言', '正文一。'], ['正文二。']))?.split('\n');
    expect(out).toEqual(['1\t引言', '正文一。', '正文二。', 'L:\\X.DOCX\t01.02.21\t03.04.21', '']);
  });
});

describe('joining wrapped lines', () => {
  it('joins Chinese without a space, Latin words with one, codes cut at / . - or between digits without', () => {
    expect(join('研究', '组')).toBe('研究组');
    expect(join('第', '20 研究组')).toBe('第20 研究组');
    expect(join('smart', 'cities')).toBe('smart cities');
    expect(join('https://www.itu.int/ITU-T/', 'workprog')).toBe('https://www.itu.int/ITU-T/workprog');
    expect(join('Y.4111/', 'Y.2076')).toBe('Y.4111/Y.2076');
    expect(join('Y.', '4204')).toBe('Y.4204');
    expect(join('Y.207', '7、Y.4113')).toBe('Y.2077、Y.4113');
    expect(join('ITU-', 'T')).toBe('ITU-T');
    expect(join('Y.4201、Y.4401/Y.2068', '、Y.4461')).toBe('Y.4201、Y.4401/Y.2068、Y.4461');
  });

  it('counts a CJK character as two columns', () => {
    expect(displayWidth('第 20 研究组')).toBe(2 + 4 + 6);
  });

  it('joins a line to a full one, never to a short one', () => {
    const lines = [FULL, FULL, '城市。', FULL.slice(0, 30), '短句。'];
    expect(toParagraphs(lines)).toEqual([`${FULL + FULL}城市。`, FULL.slice(0, 30), '短句。']);
  });

  it('joins a line whose first word would not have fitted, with its brackets and punctuation', () => {
    const cut = FULL.slice(0, 36);
    expect(toParagraphs([FULL, '', cut, '（QoE/QoS），这些。'])).toEqual([FULL, `${cut}（QoE/QoS），这些。`]);
    expect(toParagraphs([FULL, '', cut, '这些。'])).toEqual([FULL, cut, '这些。']);
  });

  it('a blank line always ends a paragraph', () => {
    expect(toParagraphs([FULL, '', '下一段。'])).toEqual([FULL, '下一段。']);
  });

  it('keeps a list item’s lines at its text indent, but not a label after it', () => {
    const lines = [
      '–        Y.4000 系列 包',
      '         括 Y.4100/Y.2066、Y.4111/Y.2076',
      '         、Y.4461',
      '         课题：',
      '–        ITU-T 第 20 研究组所有课题',
    ];
    expect(toParagraphs([FULL, ...lines])).toEqual([
      FULL,
      '–\tY.4000 系列 包括 Y.4100/Y.2066、Y.4111/Y.2076、Y.4461',
      '课题：',
      '–\tITU-T 第 20 研究组所有课题',
    ]);
  });

  it('sets headings and markers apart with a TAB, and keeps a continuation note its own line', () => {
    const heading = `A         第 1/20 号课题 – ${FULL.slice(0, 30)}`;
    expect(toParagraphs([heading, '          （第 1/20 号课题的继续）', 'A.1       目的', '         •     条目'])).toEqual([
      `A\t第 1/20 号课题 – ${FULL.slice(0, 30)}`,
      '（第 1/20 号课题的继续）',
      'A.1\t目的',
      '•\t条目',
    ]);
  });
});

describe('joining wrapped Latin lines', () => {
  it('keeps a hyphen at the line end unless the document holds the word without it', () => {
    const words = wordCounts('low-power networks that interoperate and the ITU-T');
    expect(join('low-', 'power', words)).toBe('low-power');
    expect(join('ITU-', 'T', words)).toBe('ITU-T');
    expect(join('devices that inter-', 'operate', words)).toBe('devices that interoperate');
  });

  it('joins the pieces of a word cut in a narrow column when the whole word occurs and a piece nowhere else', () => {
    const words = wordCounts('Forme r No. Former Question title, the agricultural data');
    expect(join('Forme', 'r No.', words)).toBe('Former No.');
    expect(join('the', 'agricultural', words)).toBe('the agricultural');
  });

  it('goes on without a space in a URL cut at the line end, with one after a sentence’s full stop', () => {
    expect(join('programme (https://www.itu.int/ITU-T/workprog/wp_search.aspx?', 'q=1/22).')).toBe(
      'programme (https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/22).',
    );
    expect(join('seldom exchange data.', 'Farmers are')).toBe('seldom exchange data. Farmers are');
    expect(join('Y.', '4204')).toBe('Y.4204');
    expect(join('لجنة الدراسات 22 (', 'https://www.itu.int/')).toBe('لجنة الدراسات 22 (https://www.itu.int/');
  });

  it('takes a proportional line that ends near the margin as full, unless it ends a sentence', () => {
    const full = 'This document contains the clean texts of the agreed Questions of Study Group 22 that will be';
    const near = 'submitted to WTSA. The Questions were approved at the TSAG meeting held in Geneva from 4 to';
    const ends = '8 March 2024 and take effect on 8 March 2024 for the remainder of the study period.';
    expect(toParagraphs([full, full, near, ends, 'Table 1 lists the approved Questions.'])).toEqual([
      [full, full, near, ends].join(' '),
      'Table 1 lists the approved Questions.',
    ]);
  });
});

describe('footnotes at the page bottom', () => {
  it('takes a note whose number stands alone, its text indented below, with or without a blank line, marked after a Latin word', () => {
    for (const gap of [[''], []]) {
      const out = fromPdfText(
        pdf(['the least connected places on earth1. Closing it.', ...gap, '1', '    Source: ITU, Facts and Figures 2023.'], ['Next page.']),
      );
      expect(out?.split('\n').slice(0, 2)).toEqual([
        'the least connected places on earth[footnoteRef:1]. Closing it. [1: Source: ITU, Facts and Figures 2023.]',
        'Next page.',
      ]);
    }
  });

  it('sees no mark in a code that ends in a digit after a capital', () => {
    const out = fromPdfText(pdf(['ITU-T SG2 and W3C.', '', '2', '    Not a note.'], ['Next page.']));
    expect(out).not.toContain('[footnoteRef:2]');
  });

  it('links the note to its mark and takes it out of the body', () => {
    const out = fromPdfText(pdf(['对安全、隐私1以及对物联网的影响。', '', '1     根据 WTSA 第 2 号决议'], ['下一页。']));
    expect(out?.split('\n').slice(0, 2)).toEqual(['对安全、隐私[footnoteRef:1]以及对物联网的影响。 [1: 根据 WTSA 第 2 号决议]', '下一页。']);
  });

  it('takes several notes at the bottom of a page, a note’s further lines with it', () => {
    const out = fromPdfText(pdf(['隐私1以及安全2的影响。', '', '1     根据决议', '      第二行', '2     另见'], ['下一页。']));
    expect(out?.split('\n').slice(0, 2)).toEqual(['隐私[footnoteRef:1]以及安全[footnoteRef:2]的影响。 [1: 根据决议第二行] [2: 另见]', '下一页。']);
  });

  it('leaves a numbered line alone when no mark on the page has its number', () => {
    const out = fromPdfText(pdf(['正文。', '', '2         课题的措辞'], ['下一页。']));
    expect(out?.split('\n').slice(0, 3)).toEqual(['正文。', '2\t课题的措辞', '下一页。']);
  });
});

describe('Table 1 in columns', () => {
  it('rebuilds each row from the column its words start nearest to', () => {
    const out = fromPdfText(
      pdf(
        [
          '表 1 – 对比图',
          '    新序号        标题        原序号     先前的标题',
          ' 1/20      物联网及智慧城      1/20   与物联网有关',
          '           市和社区                    的问题',
          ' 2/20      新兴数字技术       2/20   跨垂直行业',
          '',
          '正文。',
        ],
        ['下一页。'],
      ),
    );
    expect(out?.split('\n').slice(0, 15)).toEqual([
      '表 1 – 对比图',
      '\t新序号',
      '\t标题',
      '\t原序号',
      '\t先前的标题',
      '',
      '\t1/20',
      '\t物联网及智慧城市和社区',
      '\t1/20',
      '\t与物联网有关的问题',
      '',
      '\t2/20',
      '\t新兴数字技术',
      '\t2/20',
      '\t跨垂直行业',
    ]);
  });
});

describe('Table 1 in columns, Latin', () => {
  it('joins a caption wrapped over centred lines, and header cells wrapped in narrow columns', () => {
    const out = fromPdfText(
      pdf(
        [
          '      Table 1 – Questions in force (approved, left) compared with the previous',
          '                                Questions (right)',
          '      New         Current Question title        Forme     Former Question title   Remarks',
          '      No.                                       r No.                             made',
          '    1/22       Digital infrastructure for       1/22      Connectivity            Some',
          '               smart agriculture                                                  notes',
          '',
          'Body.',
        ],
        ['Next page.'],
      ),
    );
    expect(out?.split('\n').slice(0, 13)).toEqual([
      'Table 1 – Questions in force (approved, left) compared with the previous Questions (right)',
      '\tNew No.',
      '\tCurrent Question title',
      '\tFormer No.',
      '\tFormer Question title',
      '\tRemarks made',
      '',
      '\t1/22',
      '\tDigital infrastructure for smart agriculture',
      '\t1/22',
      '\tConnectivity',
      '\tSome notes',
      '',
    ]);
  });

  it('takes a header cell whose letters are a language table’s column title as that title', () => {
    const out = fromPdfText(
      pdf(
        [
          'Tableau 1 – Questions',
          '     Nouve      Titre actuel de la Question     Ancien',
          '     au n°                                        n°',
          '    1/22       Infrastructure                  1/22',
          '',
          'Corps.',
        ],
        ['Suite.'],
      ),
    );
    expect(out?.split('\n').slice(1, 4)).toEqual(['\tNouveau n°', '\tTitre actuel de la Question', '\tAncien n°']);
  });
});

describe('the reading order of pdftotext without -layout', () => {
  /** Raw pages: no indents, no columns; boxes separated by blank lines; the footer's fields one per line. */
  const raw = (...pages: string[][]) => `${pages.map((lines) => [...lines, '', 'L:\\X.DOCX', '', '01.02.21', ''].join('\n')).join('\f')}\f`;

  it('drops a footer written one field per line and keeps it once, in Tika’s TAB form', () => {
    const out = fromPdfText(raw(['1', '', '引言', '', FULL, '城市。'], ['正文二。']))?.split('\n');
    expect(out).toEqual(['1\t引言', `${FULL}城市。`, '正文二。', 'L:\\X.DOCX\t01.02.21', '']);
  });

  it('gives each text the last marker not yet used, stacked markers one line each, labels no marker', () => {
    const out = fromPdfText(
      raw(
        [
          FULL,
          '',
          '任务：',
          '–',
          '',
          '–',
          '',
          '酌情制定：',
          '•',
          '',
          '用例；',
          '',
          '为在国际电联内。',
          '',
          '其它机构：',
          '–',
          '–',
          '',
          '3GPP',
          'ETSI',
        ],
        ['–', '', '建议书：', 'Y.4050/Y.2069', '课题：', '', '–', '', '所有课题'],
      ),
    )?.split('\n');
    expect(out?.slice(0, 13)).toEqual([
      FULL,
      '任务：',
      '–\t酌情制定：',
      '•\t用例；',
      '–\t为在国际电联内。',
      '其它机构：',
      '–\t3GPP',
      '–\tETSI',
      '建议书：',
      '–\tY.4050/Y.2069',
      '课题：',
      '–\t所有课题',
      'L:\\X.DOCX\t01.02.21',
    ]);
  });

  it('takes the notes at a page bottom, number alone, then its text', () => {
    const out = fromPdfText(raw(['隐私1以及安全2的影响。', '', '1', '', '根据决议', '', '2', '', '另见'], ['下一页。']))?.split('\n');
    expect(out?.slice(0, 2)).toEqual(['隐私[footnoteRef:1]以及安全[footnoteRef:2]的影响。 [1: 根据决议] [2: 另见]', '下一页。']);
  });

  /** Latin lines near a right margin of 90 columns, as a proportional font ends them. */
  const LONG = 'Farms, fisheries and forests increasingly depend on connectivity, sensors and cloud services';

  it('takes a Latin note whose number stands in the stack of markers and whose text is the page’s last box', () => {
    const out = fromPdfText(
      raw(
        [
          LONG,
          'places on earth1. Closing it.',
          'A.2',
          '',
          'Question',
          '',
          '–',
          '1',
          '',
          'Study items include:',
          'Which options?',
          '',
          'Source: ITU, Facts 2023.',
        ],
        ['Next page.'],
      ),
    )?.split('\n');
    expect(out?.slice(0, 5)).toEqual([
      `${LONG} places on earth[footnoteRef:1]. Closing it. [1: Source: ITU, Facts 2023.]`,
      'A.2\tQuestion',
      'Study items include:',
      '–\tWhich options?',
      'Next page.',
    ]);
  });

  it('splits a box of item texts into its lead-in and items, a wrapped item joined to its line', () => {
    const out = fromPdfText(
      raw(
        [LONG, '', '–', '–', '', 'Study items to be considered include:', `${LONG} and`, 'farms?', 'What are the requirements?', '', 'After.'],
        ['Next page.'],
      ),
    )?.split('\n');
    expect(out?.slice(0, 5)).toEqual([
      LONG,
      'Study items to be considered include:',
      `–\t${LONG} and farms?`,
      '–\tWhat are the requirements?',
      'After.',
    ]);
  });

  it('gives headings whose numbers stand before their markers their titles from the box, the next one a known section title', () => {
    const out = fromPdfText(
      raw(
        [
          LONG,
          '',
          'B.2',
          '–',
          'B.3',
          '–',
          '',
          'Question',
          'Study items include:',
          'What data models?',
          'Tasks',
          'Tasks include:',
          'Develop Recommendations.',
          '',
          'After.',
        ],
        ['Next page.'],
      ),
    )?.split('\n');
    expect(out?.slice(0, 8)).toEqual([
      LONG,
      'B.2\tQuestion',
      'Study items include:',
      '–\tWhat data models?',
      'B.3\tTasks',
      'Tasks include:',
      '–\tDevelop Recommendations.',
      'After.',
    ]);
  });

  it('makes every text after a lead-in an item, dropping the marker that pdftotext wrote out of place later', () => {
    const out = fromPdfText(
      raw(
        [
          LONG,
          '',
          '–',
          '',
          'Study items include:',
          'Which options?',
          'What requirements?',
          '',
          'A.3',
          '',
          'Tasks',
          '',
          '–',
          '',
          'Tasks include:',
          'Develop Recommendations.',
          '',
          '–',
          '',
          '–',
          '',
          'Collaborate.',
          '',
          'The work programme.',
        ],
        ['Next page.'],
      ),
    )?.split('\n');
    expect(out?.slice(0, 10)).toEqual([
      LONG,
      'Study items include:',
      '–\tWhich options?',
      '–\tWhat requirements?',
      'A.3\tTasks',
      'Tasks include:',
      '–\tDevelop Recommendations.',
      '–\tCollaborate.',
      'The work programme.',
      'Next page.',
    ]);
  });

  it('gives markers waiting from before a heading the items before its title, found as a section title', () => {
    const out = fromPdfText(
      raw(
        [
          LONG,
          '',
          '–',
          '–',
          'A.3',
          '–',
          '',
          'Study items include:',
          'Which options?',
          'What requirements?',
          'Tasks',
          'Tasks include:',
          'Develop Recommendations.',
          '',
          'After.',
        ],
        ['Next page.'],
      ),
    )?.split('\n');
    expect(out?.slice(0, 8)).toEqual([
      LONG,
      'Study items include:',
      '–\tWhich options?',
      '–\tWhat requirements?',
      'A.3\tTasks',
      'Tasks include:',
      '–\tDevelop Recommendations.',
      'After.',
    ]);
  });

  it('takes a note written on one line with its number as the page’s last box', () => {
    const out = fromPdfText(raw(['في العالم1. وسد هذه الفجوة.', '', '1 المصدر: الاتحاد، 2023.'], ['Next page.']))?.split('\n');
    expect(out?.slice(0, 2)).toEqual(['في العالم[footnoteRef:1]. وسد هذه الفجوة. [1: المصدر: الاتحاد، 2023.]', 'Next page.']);
  });

  it('takes a heading’s title from the short box before its number when a paragraph follows the number', () => {
    const body = 'تتضمن هذه الوثيقة النصوص النهائية للمسائل المتفق عليها للجنة الدراسات 22 التي ستقدم إلى الجمعية';
    const out = fromPdfText(raw(['مقدمة', '', '1', '', body, 'العالمية.'], ['Next page.']))?.split('\n');
    expect(out?.slice(0, 2)).toEqual(['1\tمقدمة', `${body} العالمية.`]);
  });

  it('joins a wrapped caption, and reads a table written in blocks of columns whose titles a language table knows', () => {
    const out = fromPdfText(
      raw(
        [
          LONG,
          'Table 1 – Study Group 22 Questions in force (approved, left) compared with the previous',
          'Questions (right)',
          'New',
          'No.',
          '',
          'Current Question title',
          '',
          '1/22',
          '',
          'Digital infrastructure',
          '',
          'Status',
          '',
          'Forme',
          'r No.',
          '',
          'Former Question title',
          '',
          'Continuation',
          '',
          '1/22',
          '',
          'Connectivity',
          '',
          'After.',
        ],
        ['Next page.'],
      ),
    )?.split('\n');
    expect(out?.slice(1, 15)).toEqual([
      'Table 1 – Study Group 22 Questions in force (approved, left) compared with the previous Questions (right)',
      '\tNew No.',
      '\tCurrent Question title',
      '\tStatus',
      '\tFormer No.',
      '\tFormer Question title',
      '',
      '\t1/22',
      '\tDigital infrastructure',
      '\tContinuation',
      '\t1/22',
      '\tConnectivity',
      '',
      'After.',
    ]);
  });

  it('rebuilds Table 1 from its boxes: the header up to the first row number, rows while the number keeps its shape', () => {
    const out = fromPdfText(
      raw(
        [
          '表 1 – 对比图',
          '新序号',
          '',
          '标题',
          '',
          '1/20',
          '',
          '物联网及',
          '智慧城市',
          '',
          '2/20',
          '',
          '新兴技术',
          '',
          '2',
          '',
          '课题的措辞',
          '',
          FULL,
        ],
        ['正文。'],
      ),
    )?.split('\n');
    expect(out?.slice(0, 11)).toEqual([
      '表 1 – 对比图',
      '\t新序号',
      '\t标题',
      '',
      '\t1/20',
      '\t物联网及智慧城市',
      '',
      '\t2/20',
      '\t新兴技术',
      '',
      '2\t课题的措辞',
    ]);
  });
});

/** The model up to what says where it was read from, and up to spaces between CJK and Latin. */
function content(doc: QuestionsDocument): unknown {
  const { source: _source, images: _images, ...metadata } = doc.metadata;
  const typeset = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value.replace(
        /(?<=\p{Script=Han}|[（）、，。：；]) +(?=[\p{Script=Latin}\p{Nd}])|(?<=[\p{Script=Latin}\p{Nd}]) +(?=\p{Script=Han}|[（）、，。：；])/gu,
        '',
      );
    }
    if (Array.isArray(value)) return value.map(typeset);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, typeset(v)]));
    return value;
  };
  return typeset({ ...doc, metadata });
}

describe('the PDF of 008C as pdftotext writes it', () => {
  const docx = `${SHARED}input/008C.docx`;
  for (const name of ['pdftotext-layout.txt', 'pdftotext-raw.txt']) {
    const path = `${SHARED}renditions/008C/${name}`;
    const present = existsSync(path) && existsSync(docx);
    if (!present) console.warn(`skipped: ${path} or ${docx} absent`);
    it.skipIf(!present)(`${name} reads as the model of 008C.docx`, async () => {
      const expected = (await readDocx(readFileSync(docx), '008C.docx')).value;
      const read = readText(readFileSync(path), name);
      expect(read.warnings.map((warning) => warning.code)).toEqual([]);
      expect(content(read.value)).toEqual(content(expected));
      expect(diffEditions(expected, read.value).changes).toEqual([]);
    });
  }
});

describe('where a warning points', () => {
  it('names the line of the PDF’s text, not of the text rebuilt from it', () => {
    const text = pdf(
      ['1         引言', '正文。', '', 'A         第 1/20 号课题 – 标题', '', 'A.1       目的', '正文。'],
      ['A.2       课题', '', '不明标签：', '–        值'],
    );
    const read = readText(new TextEncoder().encode(text), 'x.txt');
    // The footer, kept at the end, is found at the last page's bottom (line 15).
    expect(sourceLineNumbers(text, fromPdfText(text) ?? '')).toEqual([1, 2, 4, 6, 7, 10, 12, 13, 15, 15]);
    expect(read.value.questions).toHaveLength(1);
    expect(read.warnings.map((warning) => [warning.code, warning.where.line])).toContainEqual(['section.missing', 4]);
  });
});

describe('right-to-left text as pdftotext writes it', () => {
  it('drops the bidi controls and moves the neutrals a left-to-right piece starts with to its end', () => {
    expect(readingOrder('\u202bالمسألة \u202a – 1/22\u202cالبنية\u202c')).toBe('المسألة 1/22 – البنية');
    expect(readingOrder('\u202bفي العالم\u202a .1\u202cوسد\u202c')).toBe('في العالم1. وسد');
    expect(readingOrder('\u202b(استمرار للمسألة \u202a)1/22\u202c\u202c')).toBe('(استمرار للمسألة 1/22)');
    expect(readingOrder('\u200eplain\u200f')).toBe('plain');
  });

  it('sets a combining mark back on its letter', () => {
    expect(marksOnLetters('سابقا ً ومحد َّثة')).toBe('سابقاً ومحدَّثة');
  });

  it('puts back the lam-alef ligatures written alef first, where only a ligature explains the text', () => {
    expect(lamAlef('االتصاالت')).toBe('الاتصالات');
    expect(lamAlef('االتصاالت لالتصاالت الالزم ال الحصر العالقات العالم')).toBe('الاتصالات للاتصالات اللازم لا الحصر العلاقات العالم');
    // Without two alefs running, the text shows no reversed ligature: left alone.
    expect(lamAlef('ال الحصر')).toBe('ال الحصر');
  });

  it('lets an indent stray by the slack a right-to-left page needs', () => {
    const item = `–           ${'ما هي خيارات التوصيلية والشبكات واسعة النطاق منخفضة القدرة التي تناسب كل حالة من حالات'.padEnd(80, ' ت')}`;
    const lines = [item, '       الاستعمال الزراعية؟'];
    expect(toParagraphs(lines, undefined, 1)).toHaveLength(2);
    expect(toParagraphs(lines, undefined, 8)).toEqual([`–\t${item.slice(12)} الاستعمال الزراعية؟`]);
  });

  it('mirrors a line of a right-to-left page: its columns in reading order, the indent from the right', () => {
    expect(mirror('      مقدمة        1', 20)).toBe('1        مقدمة'.padEnd(14));
    // A right end within a few columns of the margin stands against it; trailing spaces keep the left end.
    expect(mirror('    نص', 6)).toBe('نص');
    expect(mirror('  نص', 12)).toBe('نص'.padEnd(10));
    expect(mirror('  نص', 20)).toBe('نص'.padStart(18).padEnd(18));
  });
});
