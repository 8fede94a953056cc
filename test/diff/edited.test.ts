/**
 * The acceptance test of the diff: input/008C.txt against fixtures/008C-edited/008C-edited.txt,
 * a second edition made by hand with known edits (listed in fixtures/008C-edited/README.md).
 * Every edit is reported exactly once, at its place, and nothing else is: the renamed
 * bookmarks and changed trailing spaces give nothing, the footer date is metadata.
 *
 * Goldens: expected-changes.json (renderJson), expected-terminal.txt (renderTerminal without
 * colour), expected-report.md (renderMarkdown), compared byte for byte. `UPDATE_GOLDENS=1 npx
 * vitest run test/diff` rewrites them; read their diff before committing.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffEditions, hasContentChanges, renderJson, renderMarkdown, renderTerminal } from '../../src/diff/index.js';
import { readText } from '../../src/readers/text/index.js';
import { expectAddsUp, STAT_PARTS } from '../helpers/edited-008C.js';
import { fromRoot } from '../helpers/paths.js';

const UPDATE = process.env.UPDATE_GOLDENS === '1';
const old = readText(readFileSync(fromRoot('input/008C.txt')), 'input/008C.txt').value;
const edited = readText(readFileSync(fromRoot('fixtures/008C-edited/008C-edited.txt')), 'fixtures/008C-edited/008C-edited.txt');
const diff = diffEditions(old, edited.value);

const goldens = {
  'expected-changes.json': renderJson(diff),
  'expected-terminal.txt': renderTerminal(diff, { color: false }),
  'expected-report.md': renderMarkdown(diff),
};

describe('golden: 008C → 008C-edited', () => {
  for (const [name, actual] of Object.entries(goldens)) {
    it(`${name} matches byte for byte`, () => {
      const path = fromRoot(`fixtures/008C-edited/${name}`);
      if (UPDATE || !existsSync(path)) {
        writeFileSync(path, actual);
        if (!UPDATE) throw new Error(`${path} was missing and has been written: review it, then run again`);
      }
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }
});

describe('the edits of 008C-edited', () => {
  const byPath = (path: string) => diff.changes.filter((change) => change.path === path);

  it('reads without warnings', () => {
    expect(edited.warnings).toEqual([]);
  });

  it('reports exactly the known edits, in document order', () => {
    expect(diff.changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'changed frontMatter.table.rows[3/20].currentTitle',
      'added frontMatter.table.rows[8/20]',
      'changed questions[1/20].sections.motivation.paragraphs[0]',
      'added questions[1/20].sections.question.items[3]',
      'added questions[1/20].sections.relationships.groups.sdgs.values[12]',
      'changed questions[3/20].title',
      'removed questions[5/20].sections.question.items[6]',
      'added questions[8/20]',
    ]);
    expect(hasContentChanges(diff)).toBe(true);
  });

  it('the changed word of a paragraph, with the words around it unchanged', () => {
    const [change] = byPath('questions[1/20].sections.motivation.paragraphs[0]');
    expect(change?.words?.filter((word) => word.op !== 'equal')).toEqual([
      { op: 'delete', text: '迅速' },
      { op: 'insert', text: '很快' },
    ]);
    expect(change?.words?.[0]).toEqual({ op: 'equal', text: '世界城市人口增长' });
  });

  it('the retitled Question and its Table 1 row, each once', () => {
    const [title] = byPath('questions[3/20].title');
    expect(title?.old).toBe('物联网及智慧城市和社区的架构、协议和服务质量/体验质量');
    expect(title?.new).toBe('物联网及智慧城市和社区的体系结构、协议和服务质量/体验质量');
    expect(byPath('frontMatter.table.rows[3/20].currentTitle')[0]?.words).toEqual(title?.words);
  });

  it('the added and the removed item, whole', () => {
    expect(byPath('questions[1/20].sections.question.items[3]')[0]?.new).toBe('如何在互联互通中保护个人数据和隐私？');
    expect(byPath('questions[5/20].sections.question.items[6]')[0]?.old).toBe('IoT将如何改变商业模式和市场环境？');
  });

  it('the added SDG as a typed value, not as a changed item text', () => {
    expect(byPath('questions[1/20].sections.relationships.groups.sdgs.values[12]')[0]?.value).toEqual({ kind: 'sdgs', code: '12' });
    expect(diff.changes.filter((change) => change.path.includes('groups.sdgs.items'))).toEqual([]);
  });

  it('the added Question once, with its content, and its Table 1 row', () => {
    const [question] = byPath('questions[8/20]');
    expect(question?.node?.type === 'question' && question.node.value.sections.map((s) => s.role)).toEqual([
      'motivation',
      'question',
      'tasks',
      'relationships',
    ]);
    expect(diff.changes.filter((change) => change.question === '8/20')).toHaveLength(1);
    expect(byPath('frontMatter.table.rows[8/20]')[0]?.new).toBe('8/20 | 城市数字孪生的要求、架构和互操作性 | 新课题 |  | ');
  });

  it('the footer date is a metadata difference, apart from the content', () => {
    expect(diff.metadata.map((change) => change.field)).toEqual(['source.fileName', 'source.sha256', 'footer.dates']);
    expect(diff.metadata[2]).toEqual({ field: 'footer.dates', old: '27.01.21, 25.11.19', new: '02.03.21, 25.11.19' });
  });

  it('the reverse diff mirrors it: additions become removals at the old places', () => {
    const reverse = diffEditions(edited.value, old);
    expect(reverse.changes.map((change) => `${change.kind} ${change.path}`)).toEqual([
      'changed frontMatter.table.rows[3/20].currentTitle',
      'removed frontMatter.table.rows[8/20]',
      'changed questions[1/20].sections.motivation.paragraphs[0]',
      'removed questions[1/20].sections.question.items[3]',
      'removed questions[1/20].sections.relationships.groups.sdgs.values[12]',
      'changed questions[3/20].title',
      'added questions[5/20].sections.question.items[6]',
      'removed questions[8/20]',
    ]);
  });

  it('colour marks the words with ANSI codes instead of brackets', () => {
    const coloured = renderTerminal(diff, { color: true });
    // Red struck through, green underlined: a second cue for readers who do not tell the colours apart.
    expect(coloured).toContain('\u001b[31;9m迅速\u001b[0m\u001b[32;4m很快\u001b[0m');
    expect(coloured).not.toContain('[-');
    expect(goldens['expected-terminal.txt']).not.toContain('\u001b[');
  });
});

describe('places named as the document names them', () => {
  it('gives every change a label: Question number, letter and title, section as written, elements from 1', () => {
    expect(diff.changes.map((change) => change.label)).toEqual([
      '1 引言 › 表1, row 3/20, 当前的课题标题',
      '1 引言 › 表1, row 8/20',
      'Question 1/20 (A) – 物联网及智慧城市和社区应用和服务的互操作性和互联 › A.1 目的 › paragraph 1',
      'Question 1/20 (A) – 物联网及智慧城市和社区应用和服务的互操作性和互联 › A.2 课题 › item 4',
      'Question 1/20 (A) – 物联网及智慧城市和社区应用和服务的互操作性和互联 › A.4 关系 › 可持续发展目标, SDG 12',
      'Question 3/20 (C) – 物联网及智慧城市和社区的体系结构、协议和服务质量/体验质量 › title',
      'Question 5/20 (E) – 新兴数字技术、术语和定义的研究 › E.2 课题 › item 7',
      'Question 8/20 (H) – 城市数字孪生的要求、架构和互操作性 › Question',
    ]);
  });

  it('names no section by its English role in the reports', () => {
    for (const report of [goldens['expected-terminal.txt'], goldens['expected-report.md']])
      expect(report).not.toMatch(/\b(motivation|relationships\.|sdgs)\b|paragraphs\[|items\[\d/u);
  });

  it('starts the terminal report with one line per changed part and a total whose parts add up', () => {
    const stat = renderTerminal(diff, { color: false, stat: true }).trimEnd().split('\n');
    expect(stat.map((line) => line.split('  ')[0])).toEqual(STAT_PARTS);
    const counts = stat.map((line) => Number(/ {2}(\d+) changes?:/u.exec(line)?.[1]));
    expectAddsUp(counts, diff.changes.length);
    const kinds = [...(stat.at(-1) ?? '').split(': ')[1]!.matchAll(/(\d+) /gu)].map((m) => Number(m[1]));
    expect(kinds.reduce((a, b) => a + b)).toBe(diff.changes.length);
    expect(stat[1]).toBe('Question 1/20 (A)  3 changes: 3 sections changed; paragraphs ~1, items +1, relationships +1');
    expect(goldens['expected-terminal.txt'].split('\n').slice(2, 2 + stat.length)).toEqual(stat);
  });
});
