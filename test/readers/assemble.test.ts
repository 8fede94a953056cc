import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Block, Inline, List, Question, QuestionTable, RelationshipGroup } from '../../src/model/document.js';
import { plainText } from '../../src/model/inline.js';
import { LANGUAGES } from '../../src/model/languages.js';
import { assemble, type AssembledDocument } from '../../src/readers/assemble/index.js';
import { classifyLine, countQuestionHeadings } from '../../src/readers/assemble/classify.js';
import type { LineHint, SourceLine, SourceLines } from '../../src/readers/assemble/lines.js';
import { readTextLines } from '../../src/readers/text/index.js';
import { inputError } from '../helpers/input-error.js';

const SOURCE_TEXT = readFileSync(new URL('../../input/008C.txt', import.meta.url), 'utf8');

type LineSpec = string | Inline[] | [string | Inline[], LineHint];

function splitSpec(spec: LineSpec): [string | Inline[], LineHint | undefined] {
  if (typeof spec === 'string') return [spec, undefined];
  const second = spec[1];
  if (second !== undefined && typeof second === 'object' && 'kind' in second) return [spec[0] as string | Inline[], second];
  return [spec as Inline[], undefined];
}

/** Source lines as a reader would give them, numbered from 1. */
function sourceOf(specs: readonly LineSpec[], footnotes: SourceLines['footnotes'] = []): SourceLines {
  const lines = specs.map((spec, index): SourceLine => {
    const [raw, hint] = splitSpec(spec);
    const content: Inline[] = typeof raw === 'string' ? [{ type: 'text', value: raw }] : raw;
    return { content, ...(hint ? { hint } : {}), where: { file: 't.txt', line: index + 1 } };
  });
  return { lines, footnotes, endMatter: { images: [] } };
}

const run = (specs: readonly LineSpec[], footnotes: SourceLines['footnotes'] = []) => assemble(sourceOf(specs, footnotes), { file: 't.txt' });
// The inputs here are partial Questions on purpose: `section.missing` has tests of its own.
const codes = (read: { warnings: { code: string }[] }) => read.warnings.map((w) => w.code).filter((code) => code !== 'section.missing');
const texts = (blocks: readonly Block[]) => blocks.map((b) => (b.type === 'paragraph' ? plainText(b.content) : b.type));

/** A small, well-formed document to vary in the edge cases. */
const DOC: LineSpec[] = [
  '1\t引言',
  '介绍。',
  '2\t课题的措辞',
  'A\t第1/20号课题 – 标题甲',
  '（第1/20号课题的继续）',
  'A.1\t目的',
  '动机。',
  'A.2\t课题',
  '研究项目包括：',
  '–\t问题一？',
  'A.3\t任务',
  '–\t任务一',
  '•\t子任务',
  '–\t任务二',
  'A.4\t关系',
  'WSIS行动方面：',
  '–\tC1、C7',
];

describe('assemble: 008C.txt', () => {
  const lines = readTextLines(SOURCE_TEXT, '008C.txt').value;
  const read = assemble(lines, { file: '008C.txt' });
  const doc: AssembledDocument = read.value;
  const q = (letter: string) => doc.questions.find((question) => question.letter === letter) as Question;
  const section = (number: string) => q(number.charAt(0)).sections.find((s) => s.number === number);
  const groups = (number: string) => (section(number)?.blocks ?? []) as RelationshipGroup[];
  const group = (number: string, role: string) => groups(number).find((g) => g.role === role);

  it('reads the document without a warning', () => {
    expect(read.warnings).toEqual([]);
    expect(doc.language).toBe('zh');
    expect(doc.schemaVersion).toBe(1);
  });

  it('reads the two document headings', () => {
    expect(doc.frontMatter.heading).toEqual({ number: '1', title: '引言' });
    expect(doc.questionsHeading).toEqual({ number: '2', title: '课题的措辞' });
    expect(texts(doc.frontMatter.blocks as Block[])).toEqual([
      '本文件载有第20研究组将提交WTSA的已商定课题的清稿，这些课题在2021年1月11日至18日举行的虚拟TSAG会议上获得了批准。这套课题于2021年1月18日生效，适用于本研究期的剩余时间。',
      '表1列出了获得批准的课题及其与先前有效的课题集之间的关系。',
      'questionTable',
    ]);
  });

  it('reads Table 1: caption, 5 columns, 7 records', () => {
    const table = doc.frontMatter.blocks[2] as QuestionTable;
    expect(table.caption).toBe('表1 – 第20研究组有效课题（已批准的见左侧）和先前课题（右栏）对比图');
    expect(table.columns).toEqual(['新序号', '当前的课题标题', '状态', '原序号', '先前的课题标题']);
    expect(table.rows).toHaveLength(7);
    expect(table.rows[0]).toEqual({
      newNumber: '1/20',
      currentTitle: '物联网及智慧城市和社区应用和服务的互操作性和互联',
      status: '第1/20号课题及部分第2/20、3/20和4/20号课题的继续',
      previousNumber: '1/20',
      previousTitle: '与物联网（IoT）和智慧城市及社区（SC&C）有关的端到端连接、网络、互操作性、基础设施和大数据方面问题',
    });
    expect(table.rows.map((row) => row.newNumber)).toEqual(doc.questions.map((question) => question.number));
  });

  it('reads 7 Questions with their letters, numbers, titles and continuation notes', () => {
    expect(doc.questions.map(({ letter, number, studyGroup, title, continuation }) => ({ letter, number, studyGroup, title, continuation }))).toEqual(
      [
        {
          letter: 'A',
          number: '1/20',
          studyGroup: 20,
          title: '物联网及智慧城市和社区应用和服务的互操作性和互联',
          continuation: '第1/20号课题及部分第2/20、3/20和4/20号课题的继续',
        },
        {
          letter: 'B',
          number: '2/20',
          studyGroup: 20,
          title: '新兴数字技术增强后的垂直行业的需求、能力和架构框架',
          continuation: '第2/20号课题及部分第4/20号课题的继续',
        },
        {
          letter: 'C',
          number: '3/20',
          studyGroup: 20,
          title: '物联网及智慧城市和社区的架构、协议和服务质量/体验质量',
          continuation: '部分第3/20号课题的继续',
        },
        {
          letter: 'D',
          number: '4/20',
          studyGroup: 20,
          title: '物联网及智慧城市和社区的数据分析、共享、处理和管理，包括大数据方面',
          continuation: '部分第1/20号课题及部分第4/20号课题的继续并增加了新的研究项目',
        },
        { letter: 'E', number: '5/20', studyGroup: 20, title: '新兴数字技术、术语和定义的研究', continuation: '第5/20号课题的继续' },
        {
          letter: 'F',
          number: '6/20',
          studyGroup: 20,
          title: '物联网及智慧城市和社区的安全、隐私、信任和识别',
          continuation: '第6/20号课题及部分第1/20和4/20号课题的继续',
        },
        { letter: 'G', number: '7/20', studyGroup: 20, title: '可持续智慧城市和社区的评估和评定', continuation: '第7/20号课题的继续' },
      ],
    );
  });

  it('gives each Question 4 sections: motivation, question, tasks, relationships', () => {
    for (const question of doc.questions) {
      expect(question.sections.map((s) => [s.number, s.heading, s.role])).toEqual([
        [`${question.letter}.1`, '目的', 'motivation'],
        [`${question.letter}.2`, '课题', 'question'],
        [`${question.letter}.3`, '任务', 'tasks'],
        [`${question.letter}.4`, '关系', 'relationships'],
      ]);
    }
  });

  // Counted by hand in 008C.txt: `–` lines of X.2; in X.3 two `–` items, the first holding the `•` lines.
  it.each([
    ['A', 4, 3, 5],
    ['B', 4, 3, 4],
    ['C', 2, 7, 11],
    ['D', 6, 7, 7],
    ['E', 2, 9, 9],
    ['F', 7, 23, 20],
    ['G', 3, 8, 7],
  ])('Question %s: %i motivation paragraphs, %i study items, 2 tasks holding %i sub-items', (letter, paragraphs, studyItems, subTasks) => {
    const [motivation, study, tasks] = q(letter).sections;
    expect(motivation?.blocks.every((b) => b.type === 'paragraph')).toBe(true);
    expect(motivation?.blocks).toHaveLength(paragraphs);
    const studyList = study?.blocks.find((b) => b.type === 'list') as List;
    expect(studyList.items).toHaveLength(studyItems);
    expect(studyList.items.every((item) => item.children.length === 0)).toBe(true);
    const taskList = tasks?.blocks.find((b) => b.type === 'list') as List;
    expect(taskList.items.map((item) => item.children.length)).toEqual([subTasks, 0]);
    expect(tasks?.blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph']);
  });

  it('strips list markers and keeps the text as written', () => {
    const tasks = section('A.3')?.blocks[1] as List;
    expect(plainText(tasks.items[0]?.content ?? [])).toBe('酌情制定有关以下内容的建议书、增补、报告、导则：');
    expect(tasks.items[0]?.children.map((item) => plainText(item.content))).toEqual([
      '物联网及智慧城市和社区应用与服务在不同垂直行业互联互通的使用案例；',
      '互联互通和互操作的要求和架构；',
      '互联互通和互操作的中间件和平台；',
      '实现不同垂直行业之间的数据互操作性和语义互操作性的数据集和格式；以及',
      '与上述任务相关的实施、部署、操作和维护。',
    ]);
  });

  it('reads the relationship groups of A.4 with their typed values', () => {
    expect(groups('A.4').map((g) => [g.type, g.label, g.role, g.items.length])).toEqual([
      ['relationshipGroup', 'WSIS行动方面', 'wsis', 1],
      ['relationshipGroup', '可持续发展目标', 'sdgs', 1],
      ['relationshipGroup', '建议书', 'recommendations', 1],
      ['relationshipGroup', '课题', 'questions', 1],
      ['relationshipGroup', '研究组', 'studyGroups', 2],
      ['relationshipGroup', '其它机构', 'bodies', 9],
    ]);
    expect(group('A.4', 'wsis')?.values).toEqual({ kind: 'wsis', actionLines: ['C2', 'C3', 'C5', 'C6', 'C7', 'C8', 'C10'] });
    expect(group('A.4', 'sdgs')?.values).toEqual({ kind: 'sdgs', goals: [11] });
    expect(group('A.4', 'recommendations')?.values).toEqual({
      kind: 'recommendations',
      recommendations: [
        { identifiers: ['Y.4000'], series: true },
        { identifiers: ['Y.4100', 'Y.2066'] },
        { identifiers: ['Y.4111', 'Y.2076'] },
        { identifiers: ['Y.4113'] },
        { identifiers: ['Y.4114'] },
        { identifiers: ['Y.4200'] },
        { identifiers: ['Y.4201'] },
        { identifiers: ['Y.4401', 'Y.2068'] },
        { identifiers: ['Y.4461'] },
        { identifiers: ['Y.4552', 'Y.2078'] },
      ],
    });
    expect(group('A.4', 'questions')?.items).toEqual(['ITU-T第20研究组所有课题']);
    for (const role of ['questions', 'studyGroups', 'bodies']) expect(group('A.4', role)).not.toHaveProperty('values');
    expect(group('A.4', 'bodies')?.items).toEqual([
      '3GPP',
      'ETSI',
      'IEC/SyC smart cities',
      'IETF',
      'ISO/IEC JTC 1/SC 41, ISO/IEC JTC 1/WG 11',
      'ISO/TC 268',
      'IEC-ISO-ITU智慧城市联合任务组',
      'oneM2M',
      'W3C',
    ]);
  });

  it('reads the typed values of the other relationships sections', () => {
    expect(group('E.4', 'sdgs')?.values).toEqual({ kind: 'sdgs', goals: Array.from({ length: 17 }, (_, i) => i + 1) });
    expect(group('B.4', 'sdgs')?.values).toEqual({ kind: 'sdgs', goals: [9, 10, 11] });
    expect(group('G.4', 'sdgs')?.values).toEqual({ kind: 'sdgs', goals: [3, 6, 7, 9, 11, 13] });
    expect(group('D.4', 'wsis')?.values).toEqual({ kind: 'wsis', actionLines: ['C2', 'C3', 'C5', 'C6', 'C7', 'C8', 'C10', 'C11', 'C12'] });
    expect(group('E.4', 'recommendations')?.values).toEqual({ kind: 'recommendations', recommendations: [{ identifiers: ['Y.4050', 'Y.2069'] }] });
    const b4 = group('B.4', 'recommendations')?.values;
    expect(b4?.kind === 'recommendations' && b4.recommendations.length).toBe(34);
    expect(b4?.kind === 'recommendations' && b4.recommendations.slice(-3)).toEqual([
      { identifiers: ['Y.4702'] },
      { identifiers: ['Y.Suppl.53'] },
      { identifiers: ['Y.Suppl.56'] },
    ]);
    expect(groups('B.4').map((g) => g.label)).toContain('标准化机构');
    expect(group('B.4', 'bodies')?.items).toHaveLength(20);
  });

  it('finds the work programme URL of each Question and leaves its paragraph as written', () => {
    expect(doc.questions.map((question) => question.workProgrammeUrl)).toEqual(
      doc.questions.map((question) => `https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=${question.number}`),
    );
    expect(texts(section('A.3')?.blocks ?? [])[2]).toBe(
      '按照本课题开展的工作的最新情况见第20研究组工作计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20）。',
    );
  });

  it('keeps the one footnote, referenced from F.1', () => {
    expect(doc.footnotes).toEqual([{ id: '1', text: '根据WTSA第2号决议（2016年，哈马马特）' }]);
    const first = section('F.1')?.blocks[0];
    expect(first?.type === 'paragraph' && first.content.filter((inline) => inline.type === 'footnoteReference')).toEqual([
      { type: 'footnoteReference', id: '1' },
    ]);
    const json = JSON.stringify(doc);
    expect(json.match(/footnoteReference/g)).toHaveLength(1);
    expect(json.includes('[bookmark')).toBe(false);
  });
});

describe('assemble: hints from a DOCX-like reader', () => {
  const hinted: LineSpec[] = [
    ['1 引言', { kind: 'heading', level: 1 }],
    ['表1 – 课题', { kind: 'caption' }],
    ...['新序号', '标题', '状态', '原序号', '原标题'].map((text, column): LineSpec => [text, { kind: 'tableCell', row: 0, column, header: true }]),
    ...['9/3', '甲', '继续', '9/3', '乙'].map((text, column): LineSpec => [text, { kind: 'tableCell', row: 1, column, header: false }]),
    ['课题的措辞', { kind: 'heading', level: 1 }],
    ['H 第9/3号课题 – 标题', { kind: 'heading', level: 2 }],
    ['H.1 目的', { kind: 'heading', level: 3 }],
    [
      [
        { type: 'text', value: '注在此' },
        { type: 'footnoteReference', id: '2' },
        { type: 'text', value: '。' },
      ],
      { kind: 'paragraph' },
    ],
    ['一级', { kind: 'listItem', level: 1 }],
    ['•\t二级', { kind: 'listItem', level: 2 }],
  ];
  const read = run(hinted, [
    { id: '2', text: '第一个注' },
    { id: '3', text: '没有引用' },
  ]);

  it('trusts heading, caption, cell and list hints, and headings need no tab', () => {
    const doc = read.value;
    expect(doc.frontMatter.heading).toEqual({ number: '1', title: '引言' });
    expect(doc.questionsHeading).toEqual({ number: '', title: '课题的措辞' });
    expect(doc.frontMatter.blocks).toEqual([
      {
        type: 'questionTable',
        caption: '表1 – 课题',
        columns: ['新序号', '标题', '状态', '原序号', '原标题'],
        rows: [{ newNumber: '9/3', currentTitle: '甲', status: '继续', previousNumber: '9/3', previousTitle: '乙' }],
      },
    ]);
    expect(doc.questions.map(({ letter, number, studyGroup, title }) => ({ letter, number, studyGroup, title }))).toEqual([
      { letter: 'H', number: '9/3', studyGroup: 3, title: '标题' },
    ]);
    const list = doc.questions[0]?.sections[0]?.blocks[1] as List;
    expect(list.items.map((item) => [plainText(item.content), item.children.map((child) => plainText(child.content))])).toEqual([['一级', ['二级']]]);
  });

  it('renumbers footnotes by first reference and drops the unreferenced one', () => {
    expect(read.value.footnotes).toEqual([{ id: '1', text: '第一个注' }]);
    expect(read.value.questions[0]?.sections[0]?.blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', value: '注在此' },
        { type: 'footnoteReference', id: '1' },
        { type: 'text', value: '。' },
      ],
    });
    expect(codes(read)).toEqual(['footnote.unreferenced']);
  });

  it('removes a reference to a footnote that does not exist, with a warning', () => {
    const dangling = run([
      ...DOC.slice(0, 6),
      [
        [
          { type: 'text', value: '甲' },
          { type: 'footnoteReference', id: '7' },
        ],
        { kind: 'paragraph' },
      ],
    ]);
    expect(dangling.value.questions[0]?.sections[0]?.blocks[0]).toEqual({ type: 'paragraph', content: [{ type: 'text', value: '甲' }] });
    expect(codes(dangling)).toEqual(['footnote.undefined']);
  });

  it('warns about a heading of no known form and keeps it as a paragraph', () => {
    const odd = run([...DOC, ['附录', { kind: 'heading', level: 2 }]]);
    expect(codes(odd)).toContain('structure.unknownHeading');
  });
});

describe('assemble: structure edge cases', () => {
  it('reads the small document without a warning', () => {
    const read = run(DOC);
    expect(read.warnings).toEqual([]);
    const [question] = read.value.questions;
    expect(question?.continuation).toBe('第1/20号课题的继续');
    expect(question?.sections[3]?.blocks).toEqual([
      { type: 'relationshipGroup', label: 'WSIS行动方面', role: 'wsis', items: ['C1、C7'], values: { kind: 'wsis', actionLines: ['C1', 'C7'] } },
    ]);
  });

  it('assumes no letters, count, study group: AA and B with Questions of SG 17', () => {
    const read = run(['1\t引言', '2\t措辞', 'AA\t第12/17号课题 – 一', 'AA.1\t目的', '甲', 'B\t第3/17号课题 – 二']);
    expect(read.value.questions.map((q) => [q.letter, q.number, q.studyGroup, q.sections.length])).toEqual([
      ['AA', '12/17', 17, 1],
      ['B', '3/17', 17, 0],
    ]);
    expect(read.value.questions[1]).not.toHaveProperty('continuation');
  });

  it('keeps an unknown section as role other, and warns about a section letter that is not the Question’s', () => {
    const read = run([...DOC.slice(0, 6), '动机。', 'B.2\t附注', '文字。']);
    expect(read.value.questions[0]?.sections.map((s) => [s.number, s.heading, s.role])).toEqual([
      ['A.1', '目的', 'motivation'],
      ['B.2', '附注', 'other'],
    ]);
    expect(codes(read)).toEqual(['structure.unknownSection', 'structure.sectionLetter']);
  });

  it('lifts a level-2 item without a parent to level 1', () => {
    const read = run([...DOC.slice(0, 6), '•\t孤儿', '–\t一级', '•\t二级']);
    const list = read.value.questions[0]?.sections[0]?.blocks[0] as List;
    expect(list.items.map((item) => [plainText(item.content), item.children.length])).toEqual([
      ['孤儿', 0],
      ['一级', 1],
    ]);
    expect(codes(read)).toEqual(['structure.listLevel']);
  });

  it('in a relationships section: unknown label → other, stray paragraph kept, groups without codes have no values', () => {
    const read = run([...DOC.slice(0, 15), '说明文字', '合作伙伴：', '–\t某机构', '建议书：', '–\t待定']);
    const blocks = read.value.questions[0]?.sections[3]?.blocks ?? [];
    expect(blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', value: '说明文字' }] },
      { type: 'relationshipGroup', label: '合作伙伴', role: 'other', items: ['某机构'] },
      { type: 'relationshipGroup', label: '建议书', role: 'recommendations', items: ['待定'] },
    ]);
    expect(codes(read)).toEqual(['structure.relationshipParagraph', 'structure.unknownLabel']);
  });

  it('never takes a label or heading such as constructor for a table entry', () => {
    const read = run([...DOC.slice(0, 15), 'constructor：', '–\tx', 'A.5\ttoString']);
    expect(read.value.questions[0]?.sections[3]?.blocks[0]).toEqual({ type: 'relationshipGroup', label: 'constructor', role: 'other', items: ['x'] });
    expect(read.value.questions[0]?.sections[4]?.role).toBe('other');
    expect(inputError(() => assemble(sourceOf(DOC), { file: 't.txt', language: 'constructor' })).code).toBe('input.language');
  });

  it('keeps content before the first heading, and between the Questions heading and the first Question', () => {
    const read = run(['前言', '1\t引言', '介绍。', '2\t课题的措辞', '迷路的段落', ...DOC.slice(3)]);
    expect(texts(read.value.frontMatter.blocks as Block[])).toEqual(['前言', '介绍。', '迷路的段落']);
    expect(codes(read)).toEqual(['structure.beforeFirstHeading', 'structure.unplaced']);
    expect(read.warnings[0]?.where).toEqual({ file: 't.txt', line: 1 });
  });

  it('keeps lines before the first section in a section without heading', () => {
    const read = run([...DOC.slice(0, 5), '无处安放', 'A.1\t目的']);
    expect(read.value.questions[0]?.sections.map((s) => [s.number, s.role, texts(s.blocks)])).toEqual([
      ['', 'other', ['无处安放']],
      ['A.1', 'motivation', []],
    ]);
    expect(codes(read)).toEqual(['structure.unplaced']);
  });

  it('a lone heading followed directly by the Questions is the Questions part’s', () => {
    const read = run(DOC.slice(2));
    expect(read.value.frontMatter.heading).toEqual({ number: '', title: '' });
    expect(read.value.questionsHeading).toEqual({ number: '2', title: '课题的措辞' });
    expect(codes(read)).toEqual(['structure.missingHeading']);
  });

  it('warns about a table that has not 5 columns and keeps what it can', () => {
    const cell = (text: string, row: number, column: number): LineSpec => [`${text}`, { kind: 'tableCell', row, column, header: row === 0 }];
    const read = run([
      '1\t引言',
      '表1 – 课题',
      cell('号', 0, 0),
      cell('题', 0, 1),
      cell('态', 0, 2),
      cell('1/20', 1, 0),
      cell('甲', 1, 1),
      cell('新', 1, 2),
      ...DOC.slice(2),
    ]);
    const table = read.value.frontMatter.blocks[0] as QuestionTable;
    expect(table.columns).toEqual(['号', '题', '态']);
    expect(table.rows).toEqual([{ newNumber: '1/20', currentTitle: '甲', status: '新', previousNumber: '', previousTitle: '' }]);
    expect(codes(read)).toEqual(['structure.tableColumns']);
  });

  it('keeps a table cell found in a section as a paragraph', () => {
    const read = run([...DOC.slice(0, 6), ['单元格', { kind: 'tableCell', row: 0, column: 0, header: true }]]);
    expect(texts(read.value.questions[0]?.sections[0]?.blocks ?? [])).toEqual(['单元格']);
    expect(codes(read)).toEqual(['structure.unexpectedTable']);
  });
});

describe('assemble: language and refusals', () => {
  it('forces a known language and refuses an unknown one', () => {
    expect(assemble(sourceOf(DOC), { file: 't.txt', language: 'zh' }).value.language).toBe('zh');
    const unknown = inputError(() => assemble(sourceOf(DOC), { file: 't.txt', language: 'xx' }));
    expect([unknown.code, unknown.message.includes('"xx"')]).toEqual(['input.language', true]);
  });

  it.each([
    ['no line at all', []],
    ['headings without Questions', ['1\t引言', '介绍。', '2\t课题的措辞']],
  ])('refuses %s: not a Questions text, naming what was expected and found', (_name, lines) => {
    const error = inputError(() => run(lines));
    expect(error.file).toBe('t.txt');
    const found = lines.length === 0 ? 'found no text' : `found 0 Question headings in ${lines.length} line${lines.length === 1 ? '' : 's'}`;
    expect(error.message).toBe(
      `not a Questions text: no heading of the form 第N/NN号课题, Question N/NN, Cuestión N/NN, Вопрос N/NN or المسألة N/NN (${found})`,
    );
  });

  it.each([
    ['English, no letter nor tab', ['Question 1/20 – Internet of things', 'This text is about Questions.'], 'en', ''],
    ['Chinese, its letter without a tab', ['A 第1/20号课题 – 标题', '正文。'], 'zh', 'A'],
  ])('reads a lone Question heading (%s) as a Question of a web page', (_name, lines, language, letter) => {
    const read = run(lines);
    expect(read.value.language).toBe(language);
    expect(read.value.questions.map((q) => [q.letter, q.number])).toEqual([[letter, '1/20']]);
  });

  it.each([
    ['a number without its study group', ['Intro', 'Question 12 – Operational aspects', 'Text.'], '2', '"Question 12 – Operational aspects"', 'N/NN'],
    ['a note with no heading above it', ['(Continuation of Question 2/13)', 'Text.'], '1', '"(Continuation of Question 2/13)"', 'Question 2/13'],
  ])('refuses %s quoting the Question-like line and what it lacks', (_name, lines, where, quoted, lacking) => {
    const error = inputError(() => run(lines));
    expect(error.where).toBe(where);
    expect(error.message).toContain(quoted);
    expect(error.message).toContain(lacking);
    expect(error.message).not.toContain('no heading of the form');
  });

  it('counts Word paragraphs as paragraphs in that message', () => {
    const error = inputError(() => assemble(sourceOf(['Hello', 'World']), { file: 't.docx', unit: 'paragraph' }));
    expect(error.message).toBe(
      'not a Questions text: no heading of the form 第N/NN号课题, Question N/NN, Cuestión N/NN, Вопрос N/NN or المسألة N/NN (found 0 Question headings in 2 paragraphs)',
    );
  });
});

describe('countQuestionHeadings', () => {
  // Language detection counts with it for every table, and classifies in full only the
  // finalists: its count must be the number of lines classifyLine makes Question headings.
  const sources = [
    'input/008C.txt',
    ...['en', 'fr', 'es', 'ru', 'ar'].map((code) => `fixtures/lang-${code}/${code}.txt`),
    'fixtures/sg-many/sg-many.txt',
  ];
  const hinted: SourceLine[] = [
    { content: [{ type: 'text', value: 'A\t第1/20号课题 – 标题' }], hint: { kind: 'tableCell', row: 1, column: 0, header: false } },
    { content: [{ type: 'text', value: 'B 第2/20号课题 – 标题' }], hint: { kind: 'heading', level: 2 } },
    { content: [{ type: 'text', value: 'C\tQuestion 3/17 – Title' }], hint: { kind: 'listItem', level: 1 } },
  ] as SourceLine[];

  it.each(sources)('agrees with classifyLine on %s, for every language table', (path) => {
    const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
    const lines = [...readTextLines(text, path).value.lines, ...hinted];
    const texts = lines.map((line) => plainText(line.content));
    for (const table of Object.values(LANGUAGES)) {
      const classified = lines.filter((line) => classifyLine(line, table).kind === 'questionHeading').length;
      expect(countQuestionHeadings(lines, texts, table), `${path}, ${table.code}`).toBe(classified);
    }
  });

  it('counts the 7 Questions of 008C with zh, and none with en', () => {
    const lines = readTextLines(SOURCE_TEXT, '008C.txt').value.lines;
    const texts = lines.map((line) => plainText(line.content));
    expect(countQuestionHeadings(lines, texts, LANGUAGES['zh']!)).toBe(7);
    expect(countQuestionHeadings(lines, texts, LANGUAGES['en']!)).toBe(0);
  });
});
