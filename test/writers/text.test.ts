import { describe, expect, it } from 'vitest';
import { writeText } from '../../src/writers/text.js';
import { sampleModel } from '../helpers/sample-model.js';

const SAMPLE_TEXT = [
  '1\t引言',
  '本文件载有第20研究组的课题。',
  '表1 – 第20研究组有效课题和先前课题对比图',
  '\t新序号',
  '\t当前的课题标题',
  '\t状态',
  '\t原序号',
  '\t先前的课题标题',
  '',
  '\t1/20',
  '\t物联网的互操作性',
  '\t第1/20号课题的继续',
  '\t1/20',
  '\t端到端连接',
  '',
  '\t2/20',
  '\t垂直行业的需求',
  '\t新课题',
  // The two empty cells of the last row: a TAB alone would be trailing whitespace.
  '',
  '',
  '',
  '2\t课题的措辞',
  'A\t第1/20号课题 – 物联网的互操作性',
  '（第1/20号课题的继续）',
  'A.1\t目的',
  '对安全、隐私[1]的影响可能会阻碍其总体市场发展。',
  '[1] 根据WTSA第2号决议（2016年，哈马马特）',
  'A.2\t课题',
  '研究项目包括，但不限于：',
  '–\t需要开展哪些新的工作？',
  '•\t物联网应用和服务的用例；',
  '•\t需求和架构。',
  '–\t如何提供数据互操作性？',
  'A.3\t任务',
  'A.4\t关系',
  'WSIS行动方面：',
  '–\tC2、C3、C5',
  '可持续发展目标：',
  '–\t9、10 和 11',
  '建议书：',
  '–\tY.4000系列 包括Y.4100/Y.2066、F.748.0',
  '其它机构：',
  '–\t3GPP',
  '–\tISO/IEC JTC 1/SC 41',
  '',
  'B\t第2/20号课题 – 垂直行业的需求',
  'B.1\t目的',
  '随着物联网服务和应用的不断增多。',
  'B.3\t任务',
  '此课题的最新工作状况见第20研究组的工作计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=2/20）',
  'B.4\t关系',
  '课题：',
  '–\t第1/20号课题',
  '',
].join('\n');

describe('writeText', () => {
  it('writes the sample as the source reads, without noise', () => {
    expect(writeText(sampleModel())).toBe(SAMPLE_TEXT);
  });

  it('writes the end matter after a rule only when asked', () => {
    expect(writeText(sampleModel(), { endMatter: true })).toBe(`${SAMPLE_TEXT}\n______________\n\nL:\\SAMPLE.DOCX\t27.01.21\t25.11.19\nimage1.png\n`);
    const bare = sampleModel();
    delete bare.metadata.footer;
    bare.metadata.images = [];
    expect(writeText(bare, { endMatter: true })).toBe(SAMPLE_TEXT);
  });

  it('writes a footnote after the list item that references it, and unreferenced ones at the end', () => {
    const doc = sampleModel();
    const a1 = doc.questions[0]!.sections[0]!;
    a1.blocks = [
      {
        type: 'list',
        items: [
          {
            content: [
              { type: 'text', value: '项' },
              { type: 'footnoteReference', id: '1' },
            ],
            children: [],
          },
        ],
      },
    ];
    doc.footnotes.push({ id: '2', text: '无引用' });
    const text = writeText(doc);
    expect(text).toContain('A.1\t目的\n–\t项[1]\n[1] 根据WTSA第2号决议（2016年，哈马马特）\nA.2\t课题\n');
    expect(text.endsWith('–\t第1/20号课题\n\n[2] 无引用\n')).toBe(true);
  });

  it('writes a footnote once, after its first reference', () => {
    const doc = sampleModel();
    const a1 = doc.questions[0]!.sections[0]!;
    a1.blocks.push({
      type: 'paragraph',
      content: [
        { type: 'text', value: '再次' },
        { type: 'footnoteReference', id: '1' },
      ],
    });
    expect(writeText(doc).match(/\[1\] 根据/gu)).toHaveLength(1);
  });

  it('writes headings without a number as their title; no trailing whitespace; one final newline', () => {
    const doc = sampleModel();
    doc.frontMatter.heading = { number: '', title: '引言' };
    doc.questions[0]!.sections[0]!.blocks = [{ type: 'paragraph', content: [{ type: 'text', value: '两行  \n第二行\t' }] }];
    const text = writeText(doc);
    expect(text.startsWith('引言\n')).toBe(true);
    expect(text).toContain('\n两行\n第二行\n');
    for (const line of text.split('\n')) expect(line).toBe(line.trimEnd());
    expect(text.endsWith('\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
  });
});
