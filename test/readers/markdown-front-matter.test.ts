/**
 * The front matter of tsag's Markdown is YAML: what tsag writes (`key: <JSON>`, JSON being
 * YAML) and every other YAML form of the same keys read to the same metadata. Unsafe or
 * unusable YAML gives a `markdown.frontMatter` warning with its line, never a crash.
 */
import { describe, expect, it } from 'vitest';
import type { Read } from '../../src/model/result.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { sampleModel } from '../helpers/sample-model.js';

const FRONT = /^---\n[\s\S]*?\n---\n/u;

/** tsag's Markdown of the sample model with `yaml` as its front matter. */
function withFront(yaml: string): string {
  const md = writeMarkdown(sampleModel());
  expect(md).toMatch(FRONT);
  return md.replace(FRONT, () => `---\n${yaml}\n---\n`);
}

const frontWarnings = (read: Read<unknown>) => read.warnings.filter((w) => w.code === 'markdown.frontMatter').map((w) => [w.code, w.where.line]);

const SHA = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/** The sample model's metadata in YAML's block forms, comments and single quotes included. */
const BLOCK_FORMS = [
  "# tsag's metadata",
  "language: 'zh' # the table",
  'source:',
  '  fileName: sample.txt',
  '  format: text',
  `  sha256: ${SHA}`,
  '  encoding: utf-8',
  '  lineEndings: lf',
  'documentReference: SAMPLE.DOCX',
  'footer:',
  "  path: 'L:\\SAMPLE.DOCX'",
  '  dates:',
  '    - 27.01.21',
  '    - "25.11.19"',
  'images:',
  '  - image1.png',
].join('\n');

describe('the front matter read as YAML', () => {
  it('reads what tsag writes (`key: <JSON>`)', () => {
    const read = readMarkdown(writeMarkdown(sampleModel()), 'doc.md');
    expect(read.value.metadata).toStrictEqual(sampleModel().metadata);
    expect(frontWarnings(read)).toEqual([]);
  });

  it.each([
    ['single-quoted', "language: 'zh'"],
    ['plain', 'language: zh'],
    ['double-quoted', 'language: "zh"'],
    ['with a comment after it', 'language: zh # Chinese'],
    ['after a comment line', '# the language\nlanguage: zh'],
    ['as a block scalar', 'language: >-\n  zh'],
    ['tagged !!str', 'language: !!str zh'],
    ['with an anchor', 'language: &l zh'],
  ])('reads the language %s', (_name, yaml) => {
    const read = readMarkdown(withFront(yaml), 'doc.md');
    expect(read.value.metadata.language).toBe('zh');
    expect(frontWarnings(read)).toEqual([]);
  });

  it('reads block mappings, block lists, comments and single quotes as the JSON form', () => {
    const read = readMarkdown(withFront(BLOCK_FORMS), 'doc.md');
    expect(read.value.metadata).toStrictEqual(sampleModel().metadata);
    expect(frontWarnings(read)).toEqual([]);
  });

  it('reads flow collections without quotes, and aliases', () => {
    const yaml = [
      'language: zh',
      `source: {fileName: sample.txt, format: text, sha256: ${SHA}, encoding: utf-8, lineEndings: lf}`,
      'documentReference: &ref SAMPLE.DOCX',
      "footer: {path: 'L:\\SAMPLE.DOCX', dates: [27.01.21, 25.11.19]}",
      'images: [image1.png]',
    ].join('\n');
    const read = readMarkdown(withFront(yaml), 'doc.md');
    expect(read.value.metadata).toStrictEqual(sampleModel().metadata);
    expect(frontWarnings(read)).toEqual([]);
  });

  it('warns, with the line, about unknown keys, unusable values and lines that are not YAML', () => {
    const read = readMarkdown(withFront('language: zh\ncolour: red\nimages: 3\nfooter: {path: x}\nnot yaml'), 'doc.md');
    expect(read.value.metadata.language).toBe('zh');
    expect(frontWarnings(read)).toEqual([
      ['markdown.frontMatter', 3],
      ['markdown.frontMatter', 4],
      ['markdown.frontMatter', 5],
      ['markdown.frontMatter', 6],
    ]);
  });

  it('reads a key given twice as JSON.parse does: the last one counts', () => {
    const read = readMarkdown(withFront('language: en\nlanguage: zh'), 'doc.md');
    expect(read.value.metadata.language).toBe('zh');
    expect(frontWarnings(read)).toEqual([]);
  });

  it.each([
    ['a list', '- zh\n- en'],
    ['a scalar', 'zh'],
  ])('warns about a front matter that is %s, not a mapping', (_name, yaml) => {
    const read = readMarkdown(withFront(yaml), 'doc.md');
    expect(frontWarnings(read)).toEqual([['markdown.frontMatter', 2]]);
    expect(read.value.metadata.language).toBe('zh');
  });

  it('reads an empty front matter as none', () => {
    const read = readMarkdown(withFront(''), 'doc.md');
    expect(frontWarnings(read)).toEqual([]);
    expect(read.value.metadata.language).toBe('zh');
  });
});

describe('the front matter kept safe', () => {
  it.each([
    ['!!binary', 'images: !!binary aW1hZ2UxLnBuZw=='],
    ['!!set', 'images: !!set {image1.png}'],
    ['a custom tag', 'images: !js/function [image1.png]'],
  ])('resolves no %s tag: a warning, the value ignored', (_name, yaml) => {
    const read = readMarkdown(withFront(yaml), 'doc.md');
    expect(read.value.metadata.images).toEqual([]);
    expect(frontWarnings(read).length).toBeGreaterThan(0);
    expect(frontWarnings(read)[0]).toEqual(['markdown.frontMatter', 2]);
  });

  it('refuses an alias bomb at once, with a warning', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(', ')}]`,
      );
    lines.push('images: *l');
    const started = performance.now();
    const read = readMarkdown(withFront(lines.join('\n')), 'doc.md');
    expect(performance.now() - started).toBeLessThan(2000);
    expect(read.value.metadata.images).toEqual([]);
    expect(frontWarnings(read)).toContainEqual(['markdown.frontMatter', 14]);
  });

  it('gives a warning, not a crash, for deeply nested flow collections', () => {
    const read = readMarkdown(withFront(`images: ${'{'.repeat(20_000)}${'}'.repeat(20_000)}`), 'doc.md');
    expect(read.value.metadata.images).toEqual([]);
    expect(frontWarnings(read)).toEqual([['markdown.frontMatter', 2]]);
  });

  it('sets no prototype from a __proto__ key', () => {
    const read = readMarkdown(withFront('language: zh\nfooter: {__proto__: {path: x, dates: []}}'), 'doc.md');
    expect(read.value.metadata.footer).toBeUndefined();
    expect(frontWarnings(read)).toEqual([['markdown.frontMatter', 3]]);
  });
});
