import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { patternsFor } from '../../src/writers/markdown/escapes.js';
import { toMdast, writeMarkdown } from '../../src/writers/markdown/index.js';
import { sampleModel } from '../helpers/sample-model.js';

/** One Question, one row, one footnote: small enough to write the expected bytes by hand. */
function tinyModel(): QuestionsDocument {
  return {
    schemaVersion: 1,
    metadata: {
      language: 'zh',
      source: { fileName: 'tiny.txt', format: 'text', sha256: 'ab'.repeat(32) },
      images: [],
    },
    frontMatter: {
      heading: { number: '1', title: '引言' },
      blocks: [
        { type: 'paragraph', content: [{ type: 'text', value: '表1列出了课题。' }] },
        {
          type: 'questionTable',
          caption: '表1 – 对比图',
          columns: ['新序号', '当前的课题标题', '状态', '原序号', '先前的课题标题'],
          rows: [{ newNumber: '1/20', currentTitle: '互操作性', status: '继续', previousNumber: '1/20', previousTitle: '连接' }],
        },
      ],
    },
    questionsHeading: { number: '2', title: '课题的措辞' },
    questions: [
      {
        letter: 'A',
        number: '1/20',
        studyGroup: 20,
        title: '互操作性',
        continuation: '第1/20号课题的继续',
        sections: [
          {
            number: 'A.1',
            heading: '目的',
            role: 'motivation',
            blocks: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', value: '安全' },
                  { type: 'footnoteReference', id: '1' },
                  { type: 'text', value: '。' },
                ],
              },
              {
                type: 'list',
                items: [{ content: [{ type: 'text', value: '用例' }], children: [{ content: [{ type: 'text', value: '需求' }], children: [] }] }],
              },
            ],
          },
          { number: 'A.2', heading: '课题', role: 'question', blocks: [] },
          {
            number: 'A.4',
            heading: '关系',
            role: 'relationships',
            blocks: [
              {
                type: 'relationshipGroup',
                label: 'WSIS行动方面',
                role: 'wsis',
                items: ['C2、C3'],
                values: { kind: 'wsis', actionLines: ['C2', 'C3'] },
              },
            ],
          },
        ],
      },
    ],
    footnotes: [{ id: '1', text: '根据WTSA第2号决议' }],
  };
}

const TINY_MARKDOWN = `---
language: "zh"
source: {"fileName":"tiny.txt","format":"text","sha256":"${'ab'.repeat(32)}"}
images: []
---

# 1 引言

表1列出了课题。

**表1 – 对比图**

| 新序号 | 当前的课题标题 | 状态 | 原序号 | 先前的课题标题 |
| - | - | - | - | - |
| 1/20 | 互操作性 | 继续 | 1/20 | 连接 |

# 2 课题的措辞

## A 第1/20号课题 – 互操作性

（第1/20号课题的继续）

### A.1 目的

安全[^1]。

- 用例
  - 需求

### A.2 课题

### A.4 关系

WSIS行动方面：

- C2、C3

[^1]: 根据WTSA第2号决议
`;

describe('writeMarkdown', () => {
  it('writes the layout exactly: front matter, headings, caption and table, nested list, groups, footnotes', () => {
    expect(writeMarkdown(tinyModel())).toBe(TINY_MARKDOWN);
  });

  it('writes the sample with its real lines', () => {
    const md = writeMarkdown(sampleModel());
    const lines = md.split('\n');
    expect(lines).toContain('# 1 引言');
    expect(lines).toContain('# 2 课题的措辞');
    expect(lines).toContain('## A 第1/20号课题 – 物联网的互操作性');
    expect(lines).toContain('## B 第2/20号课题 – 垂直行业的需求');
    expect(lines).toContain('（第1/20号课题的继续）');
    expect(lines).toContain('**表1 – 第20研究组有效课题和先前课题对比图**');
    expect(lines).toContain('| 新序号 | 当前的课题标题 | 状态 | 原序号 | 先前的课题标题 |');
    expect(lines).toContain('| 2/20 | 垂直行业的需求 | 新课题 | | |');
    expect(lines).toContain('- 需要开展哪些新的工作？');
    expect(lines).toContain('  - 物联网应用和服务的用例；');
    expect(lines).toContain('[^1]: 根据WTSA第2号决议（2016年，哈马马特）');
    // The empty section is a heading directly followed by the next one.
    expect(md).toContain('### A.3 任务\n\n### A.4 关系\n');
    // B has no continuation note: its heading is followed by its first section.
    expect(md).toContain('## B 第2/20号课题 – 垂直行业的需求\n\n### B.1 目的\n');
  });

  it('writes the metadata as one `key: <JSON>` line per field, in the model order', () => {
    const md = writeMarkdown(sampleModel());
    const yaml = md.slice(4, md.indexOf('\n---\n'));
    const fields = yaml.split('\n').map((line) => {
      const at = line.indexOf(': ');
      return [line.slice(0, at), JSON.parse(line.slice(at + 2)) as unknown] as const;
    });
    expect(fields.map(([key]) => key)).toEqual(['language', 'source', 'documentReference', 'footer', 'images']);
    expect(Object.fromEntries(fields)).toEqual(sampleModel().metadata);
  });

  it('writes a URL as an autolink, not as escaped text', () => {
    expect(writeMarkdown(sampleModel())).toContain(
      '此课题的最新工作状况见第20研究组的工作计划（<https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=2/20>）\n',
    );
  });

  it('escapes Markdown syntax in the text instead of letting it act', () => {
    const doc = tinyModel();
    doc.frontMatter.blocks[0] = { type: 'paragraph', content: [{ type: 'text', value: '1. *a* _b_ [x](y) <b> a\\b' }] };
    expect(writeMarkdown(doc)).toContain('\n1\\. \\*a\\* \\_b\\_ \\[x]\\(y) \\<b> a\\b\n');
    const cell = tinyModel();
    const table = cell.frontMatter.blocks[1];
    if (table?.type !== 'questionTable') throw new Error('sample changed');
    table.rows[0]!.status = 'a|b';
    expect(writeMarkdown(cell)).toContain('| 1/20 | 互操作性 | a\\|b | 1/20 | 连接 |');
  });

  it('writes a heading without a number as its title alone, and a table without caption alone', () => {
    const doc = tinyModel();
    doc.frontMatter.heading = { number: '', title: '引言' };
    const table = doc.frontMatter.blocks[1];
    if (table?.type !== 'questionTable') throw new Error('sample changed');
    table.caption = '';
    const md = writeMarkdown(doc);
    expect(md).toContain('\n# 引言\n');
    expect(md).toContain('表1列出了课题。\n\n| 新序号 |');
  });

  it('ends with exactly one newline and gives the same bytes twice', () => {
    const md = writeMarkdown(sampleModel());
    expect(md.endsWith('\n')).toBe(true);
    expect(md.endsWith('\n\n')).toBe(false);
    expect(writeMarkdown(sampleModel())).toBe(md);
  });

  it('builds footnotes as GFM nodes: references in place, definitions at the end', () => {
    const root = toMdast(tinyModel());
    const last = root.children[root.children.length - 1];
    expect(last).toEqual({
      type: 'footnoteDefinition',
      identifier: '1',
      label: '1',
      children: [{ type: 'paragraph', children: [{ type: 'text', value: '根据WTSA第2号决议' }] }],
    });
    expect(JSON.stringify(root)).toContain('{"type":"footnoteReference","identifier":"1","label":"1"}');
  });
});

describe('patternsFor', () => {
  const pattern = (character: string, extra: Record<string, unknown> = {}) => ({ character, ...extra });
  const all = [pattern('*'), pattern(' ', { atBreak: true }), pattern('#'), pattern('*', { inConstruct: 'phrasing' }), pattern('')];

  it('keeps the patterns of the characters in the text, and those of no single character, in order', () => {
    expect(patternsFor('物联网 a*b', all)).toEqual([all[0], all[1], all[3], all[4]]);
    expect(patternsFor('物联网', all)).toEqual([all[4]]);
  });

  it('looks at every character when a pattern is for a character beyond ASCII', () => {
    const wide = [...all, pattern('·')];
    expect(patternsFor('a·b', wide)).toEqual([all[4], wide[5]]);
  });
});
