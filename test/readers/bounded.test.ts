/**
 * The readers on inputs shaped to hurt them: large counts that once overflowed the stack or took
 * quadratic time, each generated here. No test asserts a time: each case at scale runs inside a
 * generous timeout, which a quadratic reader would blow (150 000 notes took over a minute).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_LIST_LEVEL, type ListItem } from '../../src/model/document.js';
import { plainText } from '../../src/model/inline.js';
import { InputError } from '../../src/model/result.js';
import { checkRead } from '../../src/check/index.js';
import { assemble } from '../../src/readers/assemble/index.js';
import { readDocument } from '../../src/readers/index.js';
import type { SourceLine } from '../../src/readers/assemble/lines.js';
import { DEFAULT_MAX_MARKDOWN_BYTES, MAX_MARKDOWN_LINES } from '../../src/readers/markdown/depth.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import { DEFAULT_MAX_TEXT_LINES as MAX_TEXT_LINES } from '../../src/readers/limits.js';
import { fromRoot } from '../helpers/paths.js';
import { inputError } from '../helpers/input-error.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const codes = (warnings: readonly { code: string }[]) => warnings.map((w) => w.code);
const SCALE = { timeout: 120_000 };
/** The reader itself at scale: its line limit, tested on its own, lifted. */
const UNLIMITED = { maxLines: Infinity, maxFootnotes: Infinity };

const HEAD = '1\tIntroduction\nText.\n2\tWording of Questions\nA\tQuestion 1/20 – Title\nA.1\tMotivation\n';
const TAIL = 'A.2\tQuestion\nText.\nA.3\tTasks\nText.\nA.4\tRelationships\nRecommendations:\n–\tY.4000\n';
const MD_HEAD = '# 1 Introduction\n\nText.\n\n# 2 Wording of Questions\n\n## A Question 1/20 – Title\n\n### A.1 Motivation\n\n';

function depthOf(items: readonly ListItem[]): number {
  let deepest = 0;
  const pending = items.map((item) => ({ item, level: 1 }));
  for (let next = pending.pop(); next; next = pending.pop()) {
    deepest = Math.max(deepest, next.level);
    for (const child of next.item.children) pending.push({ item: child, level: next.level + 1 });
  }
  return deepest;
}

describe('text reader at scale', () => {
  it('pairs 150 000 inlined footnotes with their references', SCALE, () => {
    let text = HEAD;
    for (let i = 1; i <= 150_000; i++) text += `Para ${i}[footnoteRef:${i}]. [${i}:  Note ${i}.]\n`;
    const read = readText(utf8(text + TAIL), 'notes.txt', UNLIMITED);
    expect(read.value.footnotes).toHaveLength(150_000);
    expect(read.value.footnotes[149_999]).toEqual({ id: '150000', text: 'Note 150000.' });
    expect(read.warnings).toEqual([]);
  });

  it('refuses more footnotes than the limit, naming the line of the first one past it', () => {
    let text = `${HEAD}Para`;
    for (let i = 1; i <= 30; i++) text += `[footnoteRef:${i}]`;
    text += ` ${Array.from({ length: 30 }, (_, i) => `[${i + 1}: Note ${i + 1}.]`).join(' ')}\n`;
    expect(readText(utf8(text + TAIL), 'at.txt', { maxFootnotes: 30 }).value.footnotes).toHaveLength(30);
    const error = inputError(() => readText(utf8(text + TAIL), 'over.txt', { maxFootnotes: 29 }));
    expect([error.file, error.where]).toEqual(['over.txt', '6']);
    expect(error.message).toContain('29 footnotes');
  });

  it.each([
    ['paragraph lines', 'p\n'],
    ['list items', '–\tx\n'],
    ['nested list items', '–\tx\n•\ty\n'],
  ])('reads 200 000 %s without overflowing the stack', SCALE, (_, line) => {
    const read = readText(utf8(HEAD + line.repeat(200_000) + TAIL), 'many.txt', UNLIMITED);
    const motivation = read.value.questions[0]!.sections[0]!;
    expect(motivation.role).toBe('motivation');
    const blocks = motivation.blocks;
    const count = blocks[0]?.type === 'list' ? blocks[0].items.length : blocks.length;
    expect(count).toBe(200_000);
    expect(codes(read.warnings)).toEqual([]);
  });

  it('reads 200 000 tab cells, each its own row, into one table', SCALE, () => {
    const text = `1\tIntroduction\nTable 1 – Questions\n${'\tc\n\n'.repeat(200_000)}2\tWording\nA\tQuestion 1/20 – T\nA.1\tMotivation\nx\n`;
    const read = readText(utf8(text), 'cells.txt', UNLIMITED);
    const table = read.value.frontMatter.blocks.find((b) => b.type === 'questionTable');
    expect(table?.type === 'questionTable' && table.rows.length).toBe(199_999);
  });

  it('reads a 20 MB Chinese text', SCALE, () => {
    const line = `${'这是一个很长的中文段落，用于测试内存的使用情况。'.repeat(10)}\n`;
    const zh = '1\t引言\n文本。\n2\t课题的措辞\nA\t第1/20号课题 – 标题\nA.1\t目的\n';
    const read = readText(utf8(zh + line.repeat(Math.ceil(20e6 / utf8(line).length))), 'zh.txt');
    expect(read.value.metadata.language).toBe('zh');
  });

  it(`refuses more than ${MAX_TEXT_LINES} lines, before splitting them`, () => {
    const error = inputError(() => readText(utf8(HEAD + '\n'.repeat(MAX_TEXT_LINES) + TAIL), 'blank.txt'));
    expect([error.file, error.message]).toEqual(['blank.txt', expect.stringContaining(MAX_TEXT_LINES.toLocaleString('en-US'))]);
    expect(readText(utf8(HEAD + 'p\n'.repeat(MAX_TEXT_LINES - 20) + TAIL), 'max.txt').value.questions).toHaveLength(1);
  });

  it(`puts list items deeper than ${MAX_LIST_LEVEL} levels at level ${MAX_LIST_LEVEL}, with a warning`, () => {
    const line = (text: string, hint?: SourceLine['hint']): SourceLine => ({
      content: [{ type: 'text', value: text }],
      ...(hint ? { hint } : {}),
      where: { file: 'deep.docx' },
    });
    const items = Array.from({ length: 5_000 }, (_, i) => line(`item ${i}`, { kind: 'listItem', level: i + 1 }));
    const lines = [line('A\tQuestion 1/20 – T'), line('A.1\tMotivation'), ...items];
    const read = assemble({ lines, footnotes: [], endMatter: { images: [] } }, { file: 'deep.docx' });
    const list = read.value.questions[0]!.sections[0]!.blocks[0];
    expect(list?.type === 'list' && depthOf(list.items)).toBe(MAX_LIST_LEVEL);
    expect(codes(read.warnings)).toContain('structure.listLevel');
  });
});

describe('Markdown reader: screened before remark', () => {
  const refused = (text: string) => inputError(() => readMarkdown(text, 'x.md'));

  it('refuses 100 000 unclosed "<!--" in one paragraph, naming its line', () => {
    const text = `${MD_HEAD + 'x <!-- '.repeat(100_000)}\n`;
    const error = inputError(() => readMarkdown(text, 'x.md', { maxBytes: 2 * text.length }));
    expect(error.where).toBe('line 11');
  });

  it.each([
    ['processing instructions', 'x <? '],
    ['declarations', 'x <!A '],
    ['autolinks', 'x <http://a '],
    ['code spans', 'x ` '],
    ['closing brackets', '](x '],
    ['emphasis', 'x *a '],
  ])('refuses a paragraph of 20 000 unclosed %s', (_, opener) => {
    expect(refused(`${MD_HEAD + opener.repeat(20_000)}\n`).where).toBe('line 11');
  });

  it('refuses 20 000 lines of nested list items, and more lines than it reads', () => {
    expect(refused(MD_HEAD + '- a\n  - b\n'.repeat(12_000)).message).toContain('24000');
    expect(refused(MD_HEAD + 'a\n\n'.repeat(MAX_MARKDOWN_LINES)).message).toContain(String(MAX_MARKDOWN_LINES));
  });

  it('refuses Markdown over its size limit unless the limit is raised', () => {
    const big = MD_HEAD + `${'a'.repeat(1_000)}\n\n`.repeat(Math.ceil(DEFAULT_MAX_MARKDOWN_BYTES / 1_000));
    expect(refused(big).message).toContain(DEFAULT_MAX_MARKDOWN_BYTES.toLocaleString('en-US'));
    expect(readMarkdown(big, 'x.md', { maxBytes: 2 * DEFAULT_MAX_MARKDOWN_BYTES }).value.questions).toHaveLength(1);
  });

  it('reads tsag Markdown of 20 editions of 008C', SCALE, () => {
    const md = readFileSync(fromRoot('fixtures/008C/expected.md'), 'utf8');
    const body = md.slice(md.indexOf('\n## '));
    const read = readMarkdown(md + body.repeat(19), 'x20.md');
    expect(read.value.questions.length).toBeGreaterThan(100);
  });

  it(`keeps lists nested deeper than ${MAX_LIST_LEVEL} levels at level ${MAX_LIST_LEVEL}`, () => {
    const nested = Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n');
    const read = readMarkdown(`${MD_HEAD}${nested}\n`, 'x.md');
    const list = read.value.questions[0]!.sections[0]!.blocks[0];
    expect(list?.type === 'list' && depthOf(list.items)).toBe(MAX_LIST_LEVEL);
    expect(codes(read.warnings)).toContain('markdown.unexpected');
  });
});

describe('--lang reaches the Markdown reader', () => {
  const english = `${MD_HEAD}Text.\n`;

  it('forces the table over detection and over the front matter, with a warning for the latter', async () => {
    const read = await readDocument(utf8(english), 'x.md', { language: 'fr' });
    expect(read.value.metadata.language).toBe('fr');
    const written = readMarkdown(`---\nlanguage: "en"\n---\n\n${english}`, 'x.md', { language: 'fr' });
    expect(written.value.metadata.language).toBe('fr');
    expect(codes(written.warnings)).toContain('markdown.languageOverridden');
  });

  it('refuses an unknown forced language as an InputError, even an Object member', async () => {
    for (const language of ['xx', 'constructor']) {
      await expect(readDocument(utf8(english), 'x.md', { language })).rejects.toBeInstanceOf(InputError);
    }
  });
});

describe('a Question missing a section is warned when read', () => {
  it('text: one section.missing per missing role, at the Question and its heading line', () => {
    const read = readText(utf8(`${HEAD}Text.\nA.2\tQuestion\nText.\n`), 'gap.txt');
    const missing = read.warnings.filter((w) => w.code === 'section.missing');
    expect(missing.map((w) => w.where)).toEqual([
      { file: 'gap.txt', line: 4, section: '1/20' },
      { file: 'gap.txt', line: 4, section: '1/20' },
    ]);
    expect(missing.map((w) => w.message.includes('tasks') || w.message.includes('relationships'))).toEqual([true, true]);
  });

  it('a text cut off in the middle of its last Question', () => {
    const full = readFileSync(fromRoot('input/008C.txt'), 'utf8');
    const cut = full.slice(0, full.indexOf('G.3\t'));
    const read = readText(utf8(cut), '008C-cut.txt');
    const last = read.value.questions[read.value.questions.length - 1]!;
    expect(read.warnings.filter((w) => w.code === 'section.missing').map((w) => w.where.section)).toEqual([last.number, last.number]);
    expect(readText(utf8(full), '008C.txt').warnings.filter((w) => w.code === 'section.missing')).toEqual([]);
  });

  it('Markdown: the same code, at the line of the ## heading', () => {
    const read = readMarkdown(`${MD_HEAD}Text.\n`, 'gap.md');
    const missing = read.warnings.filter((w) => w.code === 'section.missing');
    expect(missing).toHaveLength(3);
    expect(missing[0]!.where).toEqual({ file: 'gap.md', line: 7, section: '1/20' });
  });

  it("tsag check gives the reader's warning, not a second copy", () => {
    const read = readText(utf8(`${HEAD}Text.\n`), 'gap.txt');
    const findings = checkRead(read).filter((f) => f.code === 'section.missing');
    expect(findings).toHaveLength(3);
    expect(findings.every((f) => f.where.line === 4)).toBe(true);
  });
});

describe('regular expressions of the readers on long hostile lines', () => {
  const long = 200_000;
  it.each([
    ['bookmark openers', '[bookmark:'.repeat(long / 10)],
    ['footnote openers', '[footnoteRef:1'.repeat(long / 14)],
    ['note openers', `${'[1: '.repeat(long / 4)}]`],
    ['notes in a row', `x[footnoteRef:1]${'[1: x]'.repeat(long / 6)}`],
    ['unbalanced closers', `x${']'.repeat(long)}`],
    ['rule look-alike', `${'_'.repeat(long)} x`],
    ['image look-alike', `${'a.'.repeat(long / 2)}pngx`],
    ['footer look-alike', `${'a/'.repeat(long / 2)}x.y\t1.1.1 x`],
    ['heading look-alike', `${'A'.repeat(long)}\t${' '.repeat(long)}`],
    ['section look-alike', `A.${'1'.repeat(long)}${' \t'.repeat(long / 2)}`],
    ['Question look-alike', `A\tQuestion ${'1'.repeat(long)}/${'2'.repeat(long)} ${'–'.repeat(long)}`],
  ])('text: %s', SCALE, (_, line) => {
    const read = readText(utf8(`${HEAD}${line}\n${line}\n${TAIL}`), 'hostile.txt');
    expect(read.value.questions).toHaveLength(1);
    expect(plainText(read.value.frontMatter.blocks.length > 0 ? [] : [])).toBe('');
  });

  it.each([
    ['part number', `# ${'1.'.repeat(long / 2)}x`],
    ['section number', `### A${'.1'.repeat(long / 2)}x`],
    ['Question heading', `## A ${'Question '.repeat(long / 9)}1/20`],
  ])('Markdown: %s', SCALE, (_, heading) => {
    const read = readMarkdown(`${MD_HEAD}Text.\n\n${heading}\n`, 'hostile.md', { maxBytes: 10 * DEFAULT_MAX_MARKDOWN_BYTES });
    expect(read.value.questions.length).toBeGreaterThan(0);
  });
});
