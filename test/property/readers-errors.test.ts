/**
 * Whatever the input, a reader either reads it or refuses it with an InputError (one line the
 * CLI prints with exit 2); it never throws anything else, which the CLI would report as an
 * internal error. Inputs: arbitrary strings and bytes, lines in the shapes of a Questions text
 * in random order, and random damage to input/008C.docx (its bytes, or its document.xml).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/result.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readJson } from '../../src/readers/json/index.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import { writeJson } from '../../src/writers/json.js';
import { fromRoot } from '../helpers/paths.js';
import { runs, timeoutMs } from './runs.js';

/** Reads, or is refused with a one-line InputError; anything else thrown fails the property. */
async function outcome(read: () => unknown): Promise<void> {
  try {
    await read();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.describe()).not.toContain('\n');
  }
}

const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }));
const anyBytes = fc.uint8Array({ maxLength: 2000 });

/** Lines a Questions text is made of, in any order and number: the assembler's worst day. */
const TEXT_LINES = [
  '1\t引言',
  '2\t课题的措辞',
  'A\t第1/20号课题 – 物联网',
  'B\t第2/20号课题 – ',
  'A.1\t目的',
  'A.4\t关系',
  'B.9\t未知',
  '（第1/20号课题的继续）',
  '–\t项目',
  '•\t子项目',
  '–',
  '\t新序号',
  '\t',
  '',
  '表1 – 对比图',
  'WSIS行动方面：',
  '可持续发展目标：',
  '1、2、…和 18',
  'Y.4000系列 包括Y.4100/Y.2066',
  '研究项目包括，但不限于：',
  '文字[footnoteRef:1]和[footnoteRef:2]',
  '[1: 脚注]',
  '[bookmark: _Toc1]',
  '______________',
  'L:\\008C.DOCX\t27.01.21\t25.11.19',
  'image1.png',
  '工作计划（https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20）',
];
const textLines = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TEXT_LINES) }, { weight: 1, arbitrary: anyText }), { maxLength: 40 });

const MARKDOWN_LINES = [
  '---',
  'language: "zh"',
  'language: "xx"',
  'source: {"fileName":"a","format":"text","sha256":"00"}',
  'footer: {"path":1}',
  'images: [1]',
  '# 1 引言',
  '# 2 课题的措辞',
  '## A 第1/20号课题 – 物联网',
  '## 不是课题',
  '### A.1 目的',
  '### A.4 关系',
  '#### 深',
  '（第1/20号课题的继续）',
  '- 项目',
  '  - 子项目',
  '    - 孙项目',
  '1. 有序',
  '**表1 – 对比图**',
  '| a | b |',
  '| --- | --- |',
  '| 1/20 | x | y | z | w | v |',
  'WSIS行动方面：',
  '文字[^1]和[^x]',
  '[^1]: 脚注',
  '[^1]:',
  '> 引用',
  '```',
  '<div>',
  '***',
  '![图](a.png)',
  '[链接](https://itu.int)',
  '',
];
const markdownLines = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...MARKDOWN_LINES) }, { weight: 1, arbitrary: anyText }), {
  maxLength: 40,
});

const DOCX = readFileSync(fromRoot('input/008C.docx'));
const PARTS = unzipSync(DOCX);
const DOCUMENT_XML = new TextDecoder().decode(PARTS['word/document.xml']);

/** Byte-level damage: some bytes changed, a slice cut out or doubled, the end cut off. */
const damagedBytes = fc
  .record({
    flips: fc.array(fc.tuple(fc.nat(DOCX.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
    cut: fc.option(fc.tuple(fc.nat(DOCX.length - 1), fc.nat(2000)), { nil: undefined }),
    truncate: fc.option(fc.nat(DOCX.length), { nil: undefined }),
  })
  .map(({ flips, cut, truncate }) => {
    let bytes = Uint8Array.from(DOCX);
    for (const [at, value] of flips) bytes[at] = value;
    if (cut) bytes = Uint8Array.from([...bytes.subarray(0, cut[0]), ...bytes.subarray(cut[0] + cut[1])]);
    return truncate === undefined ? bytes : bytes.subarray(0, truncate);
  });

/** XML-level damage to word/document.xml, re-zipped: a valid package with strange XML. */
const SNIPPETS = [
  '<',
  '>',
  '&',
  '/',
  '"',
  '<w:p>',
  '</w:p>',
  '<w:tbl>',
  '<w:tc>',
  '</w:r>',
  '<w:t>x</w:t>',
  '<!DOCTYPE x>',
  '&amp;',
  '&#0;',
  ']]>',
  '<![CDATA[',
  'w:',
];
const damagedXml = fc
  .array(fc.tuple(fc.nat(DOCUMENT_XML.length), fc.nat(50), fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 5 }))), {
    minLength: 1,
    maxLength: 5,
  })
  .map((edits) => {
    let xml = DOCUMENT_XML;
    for (const [at, remove, insert] of edits) xml = xml.slice(0, at) + insert + xml.slice(at + remove);
    return zipSync({ ...PARTS, 'word/document.xml': strToU8(xml) });
  });

describe('readers never throw anything but InputError (property)', () => {
  it(
    'readText: arbitrary bytes, strings and lines of a Questions text',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyBytes, (bytes) => outcome(() => readText(bytes, 'x.txt'))),
        runs(100),
      );
      await fc.assert(
        fc.asyncProperty(anyText, (text) => outcome(() => readText(strToU8(text), 'x.txt'))),
        runs(100),
      );
      await fc.assert(
        fc.asyncProperty(textLines, (lines) => outcome(() => readText(strToU8(lines.join('\n')), 'x.txt'))),
        runs(300),
      );
    },
    timeoutMs(20_000),
  );

  it(
    'readMarkdown: arbitrary strings and lines of our Markdown',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyText, (text) => outcome(() => readMarkdown(text, 'x.md'))),
        runs(100),
      );
      await fc.assert(
        fc.asyncProperty(markdownLines, (lines) => outcome(() => readMarkdown(lines.join('\n'), 'x.md'))),
        runs(300),
      );
    },
    timeoutMs(20_000),
  );

  it(
    'readJson: arbitrary bytes, JSON values, and our JSON with a value replaced',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyBytes, (bytes) => outcome(() => readJson(bytes, 'x.json'))),
        runs(100),
      );
      await fc.assert(
        fc.asyncProperty(fc.json(), (json) => outcome(() => readJson(strToU8(json), 'x.json'))),
        runs(100),
      );
      const ours = writeJson(JSON.parse(readFileSync(fromRoot('fixtures/008C/expected.json'), 'utf8')));
      await fc.assert(
        fc.asyncProperty(fc.nat(ours.length - 1), fc.jsonValue(), (at, value) => {
          // Replace the value that starts at a `:` near `at` with another JSON value.
          const colon = ours.indexOf(': ', at);
          if (colon < 0) return outcome(() => readJson(strToU8(ours), 'x.json'));
          const end = ours.indexOf('\n', colon);
          const comma = ours.slice(colon, end).trimEnd().endsWith(',') ? ',' : '';
          const text = `${ours.slice(0, colon)}: ${JSON.stringify(value) ?? 'null'}${comma}${ours.slice(end)}`;
          return outcome(() => readJson(strToU8(text), 'x.json'));
        }),
        runs(100),
      );
    },
    timeoutMs(20_000),
  );

  it(
    'readDocx: arbitrary bytes',
    async () => {
      await fc.assert(
        fc.asyncProperty(anyBytes, (bytes) => outcome(() => readDocx(bytes, 'x.docx'))),
        runs(100),
      );
    },
    timeoutMs(20_000),
  );

  it(
    'readDocx: 008C.docx with damaged bytes',
    async () => {
      await fc.assert(
        fc.asyncProperty(damagedBytes, (bytes) => outcome(() => readDocx(bytes, 'x.docx'))),
        runs(30),
      );
    },
    timeoutMs(60_000),
  );

  it(
    'readDocx: 008C.docx with damaged XML in a sound package',
    async () => {
      await fc.assert(
        fc.asyncProperty(damagedXml, (bytes) => outcome(() => readDocx(bytes, 'x.docx'))),
        runs(30),
      );
    },
    timeoutMs(60_000),
  );
});
