/**
 * Markdown that tsag did not write: pandoc's GFM of the Word file (list markers as literal
 * text at the start of paragraphs, Word's footnote rule as an escaped paragraph) and tsag's own
 * Markdown re-wrapped by an editor (soft line breaks).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, List, QuestionsDocument } from '../../src/model/document.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { joinSoftBreaks, wrapsOnlyAtSpaces } from '../../src/readers/text/soft-breaks.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { fromRoot } from '../helpers/paths.js';
import { wrapAt } from '../helpers/wrap.js';
import { sampleModel } from '../helpers/sample-model.js';

const markdownCodes = (md: string) =>
  readMarkdown(md, 'x.md')
    .warnings.map((w) => w.code)
    .filter((c) => c.startsWith('markdown.'));

describe('joinSoftBreaks', () => {
  it.each([
    ['Latin words', 'study of\nthe network', 'study of the network'],
    ['indented continuation', 'study of  \n   the network', 'study of the network'],
    ['Chinese characters', '物联网及智慧\n城市', '物联网及智慧城市'],
    ['full-width punctuation', '互操作性，\n以及', '互操作性，以及'],
    ['Chinese then Latin', '系列\nY.4000', '系列 Y.4000'],
    ['a marker alone on its line', '–\n支持', '– 支持'],
    ['no break', 'one line', 'one line'],
  ])('%s', (_, text, joined) => {
    expect(joinSoftBreaks(text)).toBe(joined);
  });
});

describe('wrapsOnlyAtSpaces', () => {
  const long = '物联网'.repeat(40);
  it.each([
    ['CJK runs far wider than the wrapped lines (pandoc)', [['– Y.4000系列', '包括Y.4100'], [long], [long], [long]], true],
    // One unbroken line is a part an editor left alone (a footnote definition), not pandoc.
    ['one CJK line far wider, the rest wrapped (an editor that skipped a footnote)', [['– Y.4000系列', '包括Y.4100'], [long]], false],
    ['every line within the width (an editor)', [['物联网及智慧城市和', '社区应用'], ['短']], false],
    ['nothing wrapped at all', [[long], ['短']], false],
    ['long Latin lines only', [['a b', 'c'], ['x'.repeat(300)]], false],
  ])('%s', (_, paragraphs, only) => {
    expect(wrapsOnlyAtSpaces(paragraphs)).toBe(only);
  });

  it('reads a break between CJK characters as the space pandoc wrapped at, in text and Markdown', () => {
    expect(joinSoftBreaks('系列\n包括', 'space')).toBe('系列 包括');
    const md = `# 1 引言\n\n${long}\n\n${long}\n\n# 2 课题\n\n## A 第1/20号课题 – 标题\n\n### A.1 目的\n\nY.4000系列\n包括Y.4100\n\n${long}\n`;
    const text = readMarkdown(md, 'x.md').value.questions[0]?.sections[0]?.blocks[0];
    expect(text).toEqual({ type: 'paragraph', content: [{ type: 'text', value: 'Y.4000系列 包括Y.4100' }] });
  });
});

/** Every paragraph and list item wrapped at `width` characters, as an editor re-wraps them. */
function rewrap(md: string, width: number): string {
  let inFrontMatter = false;
  return md
    .split('\n')
    .map((line) => {
      if (line === '---') inFrontMatter = !inFrontMatter;
      // Headings, tables, front matter and footnote definitions stay one line.
      if (inFrontMatter || /^(#|\||---|\[\^|\s*$)/u.test(line) || line.length <= width) return line;
      const prefix = /^(\s*(?:[-*]\s+)?)/u.exec(line)?.[1] ?? '';
      const indent = ' '.repeat(prefix.length);
      return wrapAt(line.slice(prefix.length), width)
        .map((part, i) => (i === 0 ? prefix : indent) + part)
        .join('\n');
    })
    .join('\n');
}

describe('tsag Markdown re-wrapped by an editor', () => {
  it.each([12, 30, 57])('reads back the same model at width %i', (width) => {
    const model: QuestionsDocument = sampleModel();
    const md = writeMarkdown(model);
    const wrapped = rewrap(md, width);
    expect(wrapped).not.toBe(md);
    expect(readMarkdown(wrapped, 'x.md').value).toStrictEqual(readMarkdown(md, 'x.md').value);
  });

  it('property: every golden, re-wrapped at any width from 30 to 120, reads back as the same model', () => {
    const goldens = ['008C', 'lang-en', 'lang-fr', 'lang-es', 'lang-ru', 'lang-ar'].map((dir) =>
      readFileSync(fromRoot(`fixtures/${dir}/expected.md`), 'utf8'),
    );
    const models = goldens.map((md) => readMarkdown(md, 'x.md').value);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: goldens.length - 1 }), fc.integer({ min: 30, max: 120 }), (which, width) => {
        expect(readMarkdown(rewrap(goldens[which]!, width), 'x.md').value).toStrictEqual(models[which]);
      }),
      { numRuns: 60 },
    );
  });

  it.each(['lang-en', 'lang-fr', 'lang-ru'])('reads back the %s golden wrapped at width 40: Latin words keep their space', (dir) => {
    const md = readFileSync(fromRoot(`fixtures/${dir}/expected.md`), 'utf8');
    expect(readMarkdown(rewrap(md, 40), 'x.md').value).toStrictEqual(readMarkdown(md, 'x.md').value);
  });
});

const PANDOC = `# 1 引言

表1 – 对比图

| 新序号 | 当前的课题标题 | 状态 | 原序号 | 先前的课题标题 |
|--------|----------|------|--------|------|
| 1/20   | 互联     | 继续 | 1/20   | 连接 |

# 2 课题的措辞

## A 第1/20号课题 – 互操作性

（第1/20号课题的继续）

### A.3 任务

任务包括但不限于：

– 酌情制定建议书：

• 使用案例；

• 要求和架构。

–
为开展联合活动提供必要的协作。

### A.4 关系

建议书：

– Y.4000系列

– Y.4100/Y.2066

研究组：

– ITU-T第13研究组

\\_\\_\\_\\_\\_\\_\\_\\_
`;

describe('pandoc GFM of a Word file', () => {
  const read = readMarkdown(PANDOC, 'pandoc.md');
  const [question] = read.value.questions;
  const section = (role: string) => question?.sections.find((s) => s.role === role)?.blocks ?? [];

  it('reads paragraphs that start with a list marker as a list, the marker giving the level', () => {
    const [lead, list] = section('tasks') as [Block, List];
    expect(lead.type).toBe('paragraph');
    expect(list.type).toBe('list');
    const text = (content: { type: string; value?: string }[]) => content.map((c) => c.value ?? '').join('');
    expect(list.items.map((item) => [text(item.content), item.children.map((c) => text(c.content))])).toEqual([
      ['酌情制定建议书：', ['使用案例；', '要求和架构。']],
      ['为开展联合活动提供必要的协作。', []],
    ]);
  });

  it('reads a label and the marked paragraphs after it as a relationship group, values from the language table', () => {
    const groups = section('relationships').flatMap((block) => (block.type === 'relationshipGroup' ? [block] : []));
    expect(groups.map((g) => [g.role, g.items])).toEqual([
      ['recommendations', ['Y.4000系列', 'Y.4100/Y.2066']],
      ['studyGroups', ['ITU-T第13研究组']],
    ]);
  });

  it('drops the footnote rule at the end, reads the table after a plain caption, detects the language', () => {
    expect(read.value.metadata.language).toBe('zh');
    expect(JSON.stringify(read.value)).not.toContain('____');
    const [table] = read.value.frontMatter.blocks;
    expect(table).toMatchObject({ type: 'questionTable', caption: '表1 – 对比图', rows: [{ newNumber: '1/20', previousTitle: '连接' }] });
    expect(markdownCodes(PANDOC)).toEqual([]);
  });

  it('keeps a marker with nothing after it, and underscores amid the content, as paragraphs', () => {
    const md = PANDOC.replace('– Y.4100/Y.2066', '–').replace('### A.4', '\\_\\_\\_\\_\\_\\_\n\n### A.4');
    const blocks = readMarkdown(md, 'x.md').value.questions[0]?.sections.flatMap((s) => s.blocks) ?? [];
    const paragraphs = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.content.map((c) => ('value' in c ? c.value : '')).join('')] : []));
    expect(paragraphs).toContain('______');
  });
});

/**
 * tsag's Markdown rewritten as pandoc writes GFM of a Word file: no front matter, a plain
 * caption, every list item a paragraph that starts with the typed marker (`– `, then `• `).
 */
function asPandocGfm(md: string, markers: readonly string[]): string {
  const body = md.replace(/^---\n[\s\S]*?\n---\n\n/u, '');
  return body
    .split('\n')
    .map((line) => {
      const item = /^(?<indent> *)- (?<text>.*)$/u.exec(line)?.groups;
      if (item) return `${markers[Math.min((item['indent'] ?? '').length / 2, markers.length - 1)]} ${item['text']}\n`;
      const caption = /^\*\*(?<text>.*)\*\*$/u.exec(line)?.groups;
      return caption ? (caption['text'] ?? '') : line;
    })
    .join('\n');
}

describe('an edition as pandoc GFM', () => {
  it.each(['008C', 'lang-en', 'lang-fr', 'lang-ru', 'lang-ar'])('%s: lists, relationship groups and Table 1 read as from tsag Markdown', (dir) => {
    const md = readFileSync(fromRoot(`fixtures/${dir}/expected.md`), 'utf8');
    const ours = readMarkdown(md, 'x.md').value;
    const language = ours.metadata.language;
    const markers = ['–', '•'];
    const gfm = asPandocGfm(md, markers);
    expect(gfm).toMatch(/^– /mu);
    expect(gfm).not.toMatch(/^ *- |^---$|^\*\*/mu);
    const read = readMarkdown(gfm, 'x.md');
    expect(read.value.metadata.language).toBe(language);
    const { metadata: _a, ...model } = read.value;
    const { metadata: _b, ...want } = ours;
    expect(model).toEqual(want);
    expect(read.warnings.map((w) => w.code).filter((code) => code.startsWith('markdown.'))).toEqual([]);
  });
});

describe('inline HTML (pandoc wraps right-to-left runs in spans)', () => {
  const md = [
    '# 1 <span dir="rtl">مقدمة</span>',
    '',
    '# 2 <span dir="rtl">نص المسائل</span>',
    '',
    '## A <span dir="rtl">المسألة</span> 1/22 <span dir="rtl">– البنية التحتية</span>',
    '',
    '### A.4 <span dir="rtl">العلاقات</span>',
    '',
    '<span dir="rtl">التوصيات:</span>',
    '',
    '<span dir="rtl">–</span> Y.4100 <span dir="rtl">و</span>Y.4113',
    '',
  ].join('\n');

  it('drops the tags and keeps what they wrap, a marker in a span still a list marker', () => {
    const read = readMarkdown(md, 'x.md');
    const question = read.value.questions[0];
    expect([question?.letter, question?.number, question?.title]).toEqual(['A', '1/22', 'البنية التحتية']);
    expect(question?.sections[0]?.role).toBe('relationships');
    expect(question?.sections[0]?.blocks).toEqual([
      {
        type: 'relationshipGroup',
        label: 'التوصيات',
        role: 'recommendations',
        items: ['Y.4100 وY.4113'],
        values: { kind: 'recommendations', recommendations: [{ identifiers: ['Y.4100'] }, { identifiers: ['Y.4113'] }] },
      },
    ]);
    expect(read.warnings.filter((w) => w.code === 'markdown.formattingDropped').map((w) => w.where.line)).toEqual([1]);
  });

  it('leaves a `<` that tsag escaped as text', () => {
    const doc = sampleModel();
    const paragraph = { type: 'paragraph' as const, content: [{ type: 'text' as const, value: 'a <span> b' }] };
    doc.questions[0]!.sections[0]!.blocks = [paragraph];
    expect(readMarkdown(writeMarkdown(doc), 'x.md').value.questions[0]?.sections[0]?.blocks).toEqual([paragraph]);
  });
});

describe('a Question page saved as Markdown (no letter, no front matter, headings one level up)', () => {
  const md = readFileSync(fromRoot('fixtures/markdown/question-page.md'), 'utf8');

  it('reads the Question, its note and its sections as the text reader reads the page', () => {
    const read = readMarkdown(md, 'page.md');
    const [question] = read.value.questions;
    expect([question?.letter, question?.number, question?.studyGroup]).toEqual(['', '7/20', 20]);
    expect(question?.title).toBe('Evaluation and assessment of Smart Sustainable Cities and Communities');
    expect(question?.continuation).toBe('Continuation of Question 7/20');
    expect(question?.sections.map((s) => [s.role, s.heading, s.blocks.map((b) => b.type)])).toEqual([
      ['motivation', 'Motivation', ['paragraph']],
      ['question', 'Study items', ['paragraph', 'list']],
      ['tasks', 'Tasks', ['paragraph', 'list']],
      ['relationships', 'Relationships', ['relationshipGroup', 'relationshipGroup']],
    ]);
    const tasks = question?.sections[2]?.blocks[1];
    expect(tasks?.type === 'list' ? tasks.items.map((item) => item.content) : tasks).toEqual([
      [{ type: 'text', value: 'Develop Recommendations on key performance indicators.' }],
      [{ type: 'text', value: 'Maintain Recommendations Y.4900 and Y.4901.' }],
    ]);
    expect(read.value.metadata.source).toMatchObject({ fileName: 'page.md', format: 'markdown' });
    expect(read.warnings.map((w) => [w.code, w.where.line])).toEqual([['noise.furniture', 1]]);
    expect(JSON.stringify(read.value)).not.toContain('Committed to connecting');
  });

  it('quotes a Question-like heading it cannot read, with its line', () => {
    const refusal = () => readMarkdown('# Notes\n\n## Question 7 – Smart cities\n\nText.\n', 'notes.md');
    expect(refusal).toThrow(expect.objectContaining({ where: '3', message: expect.stringContaining('"Question 7 – Smart cities"') }));
    expect(refusal).toThrow(expect.objectContaining({ message: expect.not.stringMatching(/no heading of the form/u) }));
  });
});

describe('marked paragraphs (found by the Markdown round-trip property)', () => {
  it('a marker followed by a link, with no space between, is text, not a list item', () => {
    const md = '# 1 引言\n\n# 2 课题\n\n## A 第1/20号课题 – 标题\n\n### A.1 目的\n\n•<https://www.itu.int/>物\n';
    expect(readMarkdown(md, 'x.md').value.questions[0]?.sections[0]?.blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', value: '•https://www.itu.int/物' }] },
    ]);
  });
});
