import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument, RelationshipGroup } from '../../src/model/document.js';
import { languageTable } from '../../src/model/languages.js';
import { relationshipValues } from '../../src/model/relationship-values.js';
import { InputError, type Read } from '../../src/model/result.js';
import { questionWorkProgrammeUrl } from '../../src/model/work-programme.js';
import { markdownBrackets } from '../../src/readers/markdown/depth.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { fromRoot } from '../helpers/paths.js';
import { sampleModel } from '../helpers/sample-model.js';

/** The inputs of some tests are partial Questions on purpose: `section.missing` has tests of its own. */
const partialWarnings = (read: Read<unknown>) => read.warnings.filter((w) => w.code !== 'section.missing');

const zh = languageTable('zh');

function roundTrip(doc: QuestionsDocument): QuestionsDocument {
  const read = readMarkdown(writeMarkdown(doc), 'doc.md');
  // Only warnings about the Markdown itself: an SDG 20 in a test text is rightly out of range.
  expect(read.warnings.filter((w) => w.code.startsWith('markdown.'))).toEqual([]);
  return read.value;
}

describe('readMarkdown of our own Markdown', () => {
  it('model → Markdown → model is the identity', () => {
    expect(roundTrip(sampleModel())).toStrictEqual(sampleModel());
  });

  it('Markdown → model → Markdown is a fixpoint', () => {
    const md = writeMarkdown(sampleModel());
    expect(writeMarkdown(readMarkdown(md, 'doc.md').value)).toBe(md);
  });

  it('gives back the metadata as the front matter says, whatever sha256 the caller passes', () => {
    const md = writeMarkdown(sampleModel());
    expect(readMarkdown(md, 'elsewhere/doc.md', { sha256: 'f'.repeat(64) }).value.metadata).toStrictEqual(sampleModel().metadata);
  });

  it('gives back metadata strings holding U+2028 or U+2029, which JSON.stringify leaves unescaped', () => {
    const doc = sampleModel();
    doc.metadata.images = ['a\u2028b', '\u2029'];
    doc.metadata.source.fileName = 'x\u2028y.txt';
    expect(roundTrip(doc)).toStrictEqual(doc);
  });

  it('gives back a URL followed by a pipe in a table cell (found by the property test)', () => {
    const doc = sampleModel();
    const table = doc.frontMatter.blocks[1];
    if (table?.type !== 'questionTable') throw new Error('sample changed');
    table.rows[0]!.currentTitle = 'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20|物';
    expect(roundTrip(doc)).toStrictEqual(doc);
  });

  it('gives back a paragraph and a list item that start with a footnote reference and a colon (found by the property test)', () => {
    const doc = sampleModel();
    const motivation = doc.questions[0]!.sections[0]!;
    motivation.blocks.push(
      {
        type: 'paragraph',
        content: [
          { type: 'footnoteReference', id: '1' },
          { type: 'text', value: ':物' },
        ],
      },
      {
        type: 'list',
        items: [
          {
            content: [
              { type: 'footnoteReference', id: '1' },
              { type: 'text', value: ': x' },
            ],
            children: [],
          },
        ],
      },
      // The escape must not reach inside an autolink, where it would be percent-encoded.
      { type: 'paragraph', content: [{ type: 'text', value: 'https://www.itu.int/x[^1]:物 与 a]:b' }] },
    );
    expect(roundTrip(doc)).toStrictEqual(doc);
  });

  it('recomputes relationship values and the work-programme URL from the text', () => {
    const doc = sampleModel();
    const b = doc.questions[1]!;
    b.sections[1]!.blocks = [{ type: 'paragraph', content: [{ type: 'text', value: '工作计划（https://x.org/q=2/20）。' }] }];
    const back = roundTrip({ ...doc, questions: [doc.questions[0]!, { ...b, workProgrammeUrl: 'https://stale.example' }] });
    expect(back.questions[1]!.workProgrammeUrl).toBe('https://x.org/q=2/20');
    const group = back.questions[0]!.sections[3]!.blocks[0] as RelationshipGroup;
    expect(group.values).toEqual({ kind: 'wsis', actionLines: ['C2', 'C3', 'C5'] });
  });

  it('gives back the unusual shapes too: empty items, groups without items, adjacent lists, a bare table', () => {
    const doc = sampleModel();
    doc.footnotes[0]!.text = '';
    const [a, b] = doc.questions;
    const list = a!.sections[1]!.blocks[1];
    const table = doc.frontMatter.blocks[1];
    if (list?.type !== 'list' || table?.type !== 'questionTable') throw new Error('sample changed');
    list.items.push({ content: [], children: [{ content: [{ type: 'text', value: '无上级' }], children: [] }] });
    list.items.push({ content: [], children: [] });
    a!.sections[1]!.blocks.push({ type: 'list', items: [{ content: [{ type: 'text', value: '另一列表' }], children: [] }] });
    a!.sections[3]!.blocks.push(
      { type: 'relationshipGroup', label: '研究组', role: 'studyGroups', items: [] },
      { type: 'relationshipGroup', label: '未知标签', role: 'other', items: ['', 'x'] },
    );
    doc.frontMatter.blocks.push({ ...table, caption: '', rows: [] });
    b!.title = '标题 – 副标题';
    expect(roundTrip(doc)).toStrictEqual(doc);
  });

  it('reads the 008C model back from its Markdown unchanged', () => {
    const model = readText(readFileSync(fromRoot('input/008C.txt')), 'input/008C.txt').value;
    const md = writeMarkdown(model);
    const back = readMarkdown(md, 'expected.md');
    expect(back.warnings).toEqual([]);
    expect(back.value).toStrictEqual(model);
    expect(writeMarkdown(back.value)).toBe(md);
  });
});

/** Text that means something in Markdown, each put everywhere the model holds text. */
const SPECIAL = [
  '*a*',
  '_b_',
  '**c**',
  'a|b',
  '# x',
  'x #',
  '[x](y)',
  '[^1]',
  '<b>',
  '<!-- c -->',
  '1. x',
  '1) x',
  '- x',
  '+ x',
  '> q',
  '---',
  '===',
  '`code`',
  '~~del~~',
  'a\\b',
  '\\',
  '&amp; &#x20;',
  'www.itu.int',
  'x@itu.int',
  'https://www.itu.int/a_b*c',
  '见（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20）。',
];

/** The sample with one text put in every place that holds text. */
function sampleWith(value: string): QuestionsDocument {
  const doc = sampleModel();
  const t = { type: 'text' as const, value };
  doc.frontMatter.heading.title = value;
  doc.questionsHeading.title = value;
  doc.frontMatter.blocks[0] = { type: 'paragraph', content: [t] };
  const table = doc.frontMatter.blocks[1];
  if (table?.type !== 'questionTable') throw new Error('sample changed');
  table.caption = value;
  table.columns[1] = value;
  table.rows[0]!.currentTitle = value;
  table.rows[1]!.previousTitle = value;
  const [a, b] = doc.questions;
  a!.title = value;
  a!.continuation = value;
  a!.sections[0]!.heading = value;
  a!.sections[0]!.role = 'other';
  a!.sections[0]!.blocks.push({ type: 'paragraph', content: [t, { type: 'footnoteReference', id: '1' }, t] });
  const list = a!.sections[1]!.blocks[1];
  if (list?.type !== 'list') throw new Error('sample changed');
  list.items[0]!.content = [t];
  list.items[0]!.children[1]!.content = [t];
  for (const block of a!.sections[3]!.blocks) {
    if (block.type !== 'relationshipGroup') continue;
    block.items = [...block.items, value];
    const values = relationshipValues(block.role, block.items, zh);
    if (values) block.values = values;
    else delete block.values;
  }
  doc.footnotes[0]!.text = value;
  const url = questionWorkProgrammeUrl(b!.sections, zh);
  if (url) b!.workProgrammeUrl = url;
  return doc;
}

describe('Markdown-special characters survive the round trip', () => {
  for (const value of SPECIAL) {
    it(JSON.stringify(value), () => {
      const doc = sampleWith(value);
      expect(roundTrip(doc)).toStrictEqual(doc);
    });
  }

  it('any text made of Markdown punctuation, letters and spaces', () => {
    const unit = fc.constantFrom(...'*_|#[]()<>\\`~!&;:-+.=^"\'{}$%@/1aZhtps w中（）：\t'.split(''));
    const line = fc
      .string({ unit, minLength: 1, maxLength: 24 })
      .map((s) => s.trim())
      .filter((s) => s !== '');
    fc.assert(
      fc.property(line, (value) => {
        const doc = sampleWith(value);
        expect(roundTrip(doc)).toStrictEqual(doc);
      }),
      { numRuns: 100 },
    );
  });
});

describe('readMarkdown of hand-written Markdown', () => {
  const handWritten = `# 1 引言

表1 – 课题

| 新序号 | 当前的课题标题 |
| --- | --- |
| 1/20 | 互操作性 |

# 2 课题的措辞

## A 第1/20号课题 – 互操作性

### A.3 任务

见第20研究组工作计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20）。另见 www.itu.int 和 <https://itu.int/x>。

### A.4 关系

建议书:

- Y.4000系列

其他标签：

1. 一
`;

  it('takes metadata from the file when there is no front matter, the language from the headings', () => {
    const read = readMarkdown(handWritten, 'notes/hand.md', { sha256: 'c'.repeat(64) });
    expect(read.value.metadata).toStrictEqual({
      language: 'zh',
      source: { fileName: 'hand.md', format: 'markdown', sha256: 'c'.repeat(64) },
      images: [],
    });
    const hash = createHash('sha256').update(handWritten).digest('hex');
    expect(readMarkdown(handWritten, 'hand.md').value.metadata.source.sha256).toBe(hash);
  });

  it('gives back bare URLs and autolinks as plain text, exactly as written', () => {
    const { value } = readMarkdown(handWritten, 'hand.md');
    const question = value.questions[0]!;
    expect(question.sections[0]!.blocks).toEqual([
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            value: '见第20研究组工作计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20）。另见 www.itu.int 和 https://itu.int/x。',
          },
        ],
      },
    ]);
    expect(question.workProgrammeUrl).toBe('https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20');
  });

  it('reads a plain caption before a table, short rows padded with empty cells', () => {
    const { value } = readMarkdown(handWritten, 'hand.md');
    expect(value.frontMatter.blocks).toEqual([
      {
        type: 'questionTable',
        caption: '表1 – 课题',
        columns: ['新序号', '当前的课题标题'],
        rows: [{ newNumber: '1/20', currentTitle: '互操作性', status: '', previousNumber: '', previousTitle: '' }],
      },
    ]);
  });

  it('reads relationship groups with either colon, role and values from the language table', () => {
    const read = readMarkdown(handWritten, 'hand.md');
    expect(read.value.questions[0]!.sections[1]!.blocks).toEqual([
      {
        type: 'relationshipGroup',
        label: '建议书',
        role: 'recommendations',
        items: ['Y.4000系列'],
        values: { kind: 'recommendations', recommendations: [{ identifiers: ['Y.4000'], series: true }] },
      },
      { type: 'relationshipGroup', label: '其他标签', role: 'other', items: ['一'] },
    ]);
    // The ordered list loses its numbering, and says so.
    expect(partialWarnings(read).map((w) => [w.code, w.where.line])).toEqual([['markdown.formattingDropped', 25]]);
  });

  it('warns about what the model has no place for, with its line, and keeps reading', () => {
    const md = [
      'stray paragraph',
      '',
      '# 1 引言',
      '',
      '> a quote',
      '',
      '# 2 课题的措辞',
      '',
      'between',
      '',
      '## A 第1/20号课题 – 标题',
      '',
      '### A.1 目的',
      '',
      '```',
      'code',
      '```',
      '',
      'text with *emphasis*',
      '',
      '<div>html</div>',
      '',
      '---',
      '',
      '#### deeper',
    ].join('\n');
    const read = readMarkdown(md, 'odd.md');
    expect(partialWarnings(read).map((w) => [w.code, w.where.line])).toEqual([
      ['markdown.unexpected', 1],
      ['markdown.unexpected', 5],
      ['markdown.unexpected', 9],
      ['markdown.unexpected', 15],
      ['markdown.formattingDropped', 19],
      ['markdown.unexpected', 21],
      ['markdown.unexpected', 23],
      ['markdown.unexpected', 25],
    ]);
    expect(partialWarnings(read)[3]!.where).toEqual({ file: 'odd.md', line: 15, section: 'A.1' });
    expect(read.value.questions[0]!.sections[0]!.blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', value: 'text with emphasis' }] }]);
  });

  it('warns about front matter it cannot use, and reads plain YAML scalars', () => {
    const md = writeMarkdown(sampleModel()).replace('language: "zh"', 'language: zh\ncolour: "red"\nimages: 3\nnot yaml');
    const read = readMarkdown(md, 'doc.md');
    expect(read.value.metadata.language).toBe('zh');
    expect(partialWarnings(read).map((w) => [w.code, w.where.line])).toEqual([
      ['markdown.frontMatter', 3],
      ['markdown.frontMatter', 4],
      ['markdown.frontMatter', 5],
    ]);
  });
});

describe('readMarkdown refuses', () => {
  it('Markdown that is not a Questions text', () => {
    const read = () => readMarkdown('# Notes\n\n## Shopping\n\n- milk\n', 'notes.md');
    expect(read).toThrow(InputError);
    expect(read).toThrow('not a Questions text: no heading of the form 第N/NN号课题');
  });

  it('a language it has no table for', () => {
    const md = writeMarkdown(sampleModel()).replace('language: "zh"', 'language: "xx"');
    expect(() => readMarkdown(md, 'doc.md')).toThrow('unknown language "xx"');
  });

  // Found by the property test of hostile input: remark overflows the stack on deep nesting,
  // and takes quadratic time in it (1 000 nested list levels: 45 s).
  it.each([
    ['block quotes on one line', `## A 第1/20号课题 – x\n\n${'> '.repeat(10_000)}x\n`, 3, 10_000],
    ['list items on one line', `## A 第1/20号课题 – x\n\n${'- '.repeat(5_000)}x\n`, 3, 5_000],
    [
      'list items nested by indentation',
      `## A 第1/20号课题 – x\n\n${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- x`).join('\n')}\n`,
      302,
      300,
    ],
  ])('Markdown nested too deep (%s), at once, with the line', (_name, md, line, depth) => {
    const started = performance.now();
    const error = (() => {
      try {
        readMarkdown(md, 'deep.md');
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toBe(`deep.md:line ${line}: Markdown nested too deep (${depth} levels; limit 100)`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  // micromark's search for link labels is quadratic in the `[` of one paragraph (20 000: 6 s).
  it('refuses a paragraph of more than 5 000 link brackets, naming its line', () => {
    const md = `## A 第1/20号课题 – x\n\n${'[x] '.repeat(20_000)}\n`;
    expect(() => readMarkdown(md, 'brackets.md')).toThrow(InputError);
    try {
      readMarkdown(md, 'brackets.md');
    } catch (error) {
      expect((error as InputError).describe()).toBe('brackets.md:line 3: too many link brackets "[" in one paragraph (20000; limit 5000)');
    }
  });

  it('counts only unescaped brackets, per paragraph', () => {
    expect(markdownBrackets('[a] [b]\n[c]\n\n[d]')).toEqual({ count: 3, line: 1 });
    expect(markdownBrackets('\\[a] \\[b]\n\n[c] [d]')).toEqual({ count: 2, line: 3 });
    // tsag's own Markdown escapes every bracket of its text
    const ours = writeMarkdown(sampleModel());
    expect(markdownBrackets(ours).count).toBeLessThan(10);
  });
});

describe('readDocument on Markdown bytes', () => {
  it('refuses bytes that are not UTF-8 instead of turning them into U+FFFD', async () => {
    const { readDocument } = await import('../../src/readers/index.js');
    const bytes = new Uint8Array([...new TextEncoder().encode('## A 第1/20号课题 – '), 0xff, 0xfe, 0x0a]);
    await expect(readDocument(bytes, 'bad.md')).rejects.toThrow('not UTF-8');
  });
});
