/**
 * Every writer's output is bounded by a constant times its input, however deep the lists of the
 * model nest (a reader may hand over a list 2,000 deep: its JSON output was 80 MB), and no
 * writer runs out of stack on it. The JSON writer is still `JSON.stringify(…, null, 2)` byte
 * for byte for models of ordinary depth.
 */
import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { ListItem, QuestionsDocument } from '../../src/model/document.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { FLAT_DEPTH, writeJson } from '../../src/writers/json.js';
import { MAX_LIST_DEPTH, writeMarkdown } from '../../src/writers/markdown/index.js';
import { writeText } from '../../src/writers/text.js';
import { anyMetadata, questionsDocument, runs } from '../property/arbitraries.js';
import { sampleModel } from '../helpers/sample-model.js';

const TEXT = '深 item';

/** The sample with a list `depth` levels deep in its front matter, each item `text`. */
function deepModel(depth: number, text = TEXT): QuestionsDocument {
  const doc = sampleModel();
  let item: ListItem = { content: [{ type: 'text', value: text }], children: [] };
  for (let i = 1; i < depth; i++) item = { content: [{ type: 'text', value: text }], children: [item] };
  doc.frontMatter.blocks.push({ type: 'list', items: [item] });
  return doc;
}

/** The model as compact JSON, its smallest faithful form (JSON.stringify itself would run out of stack). */
function compactSize(depth: number): number {
  const level = JSON.stringify({ content: [{ type: 'text', value: TEXT }], children: [] }).length;
  return JSON.stringify(sampleModel()).length + depth * level;
}

describe('outputs bounded by their input', () => {
  const depth = 20_000;
  const doc = deepModel(depth);
  const size = compactSize(depth);

  it('JSON: containers from FLAT_DEPTH down are written on one line', () => {
    const json = writeJson(doc);
    expect(json.length).toBeLessThan(1.1 * size);
    expect(Math.max(...json.split('\n').map((line) => line.length - line.trimStart().length))).toBe(2 * FLAT_DEPTH);
  });

  it('JSON: reads back as the model', () => {
    const small = deepModel(300);
    expect(JSON.parse(writeJson(small))).toEqual(small);
  });

  it('Markdown: lists nest MAX_LIST_DEPTH deep at most, deeper items follow at that depth', () => {
    const markdown = writeMarkdown(doc);
    expect(markdown.length).toBeLessThan(size);
    const lines = markdown.split('\n').filter((line) => line.trimStart().startsWith(`- ${TEXT}`));
    expect(lines).toHaveLength(depth);
    expect(Math.max(...lines.map((line) => line.length - line.trimStart().length))).toBe(2 * (MAX_LIST_DEPTH - 1));
    // Still a list of lists that deep for a Markdown reader.
    const tree = unified()
      .use(remarkParse)
      .parse(writeMarkdown(deepModel(MAX_LIST_DEPTH + 3)));
    let list = tree.children.find((node) => node.type === 'list');
    let levels = 0;
    while (list?.type === 'list') {
      levels++;
      list = list.children[0]?.children.find((node) => node.type === 'list');
    }
    expect(levels).toBe(MAX_LIST_DEPTH);
  });

  it('Markdown: a list within the limit is nested as before', () => {
    const markdown = writeMarkdown(deepModel(3, 'x'));
    expect(markdown).toContain('- x\n  - x\n    - x\n');
  });

  it('text and DOCX: one line or paragraph per item, nothing that grows with depth', async () => {
    expect(writeText(doc).length).toBeLessThan(size);
    expect((await writeDocx(doc)).length).toBeLessThan(size);
  });
});

describe('the JSON writer is JSON.stringify with two spaces for ordinary models', () => {
  it('generated models', () => {
    fc.assert(
      fc.property(questionsDocument(anyMetadata), (doc) => {
        const json = writeJson(doc);
        expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
      }),
      runs(50),
    );
  });

  it('scalars JSON cannot hold, undefined members, empty containers', () => {
    const doc = { ...sampleModel(), extra: { a: undefined, b: [undefined, Number.NaN, -0, 1e21, 'é\u2028'], c: {}, d: [] } };
    expect(writeJson(doc as unknown as QuestionsDocument)).toContain(
      `"extra": {\n    "b": [\n      null,\n      null,\n      0,\n      1e+21,\n      "é\u2028"\n    ],\n    "c": {},\n    "d": []\n  }`,
    );
  });
});
