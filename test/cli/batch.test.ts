import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/cli/build.js';
import { mergeEditions, renderIndex, type EditionEntry } from '../../src/cli/edition-index.js';
import { builtLine, progressBar, summaryTable } from '../../src/cli/progress.js';
import { fromRoot } from '../helpers/paths.js';

const CLI = fromRoot('dist/cli/main.js');
const INPUTS = ['input/008C.txt', 'fixtures/not-questions/novel.txt', 'fixtures/lang-en/en.txt', 'fixtures/lang-fr/fr.txt'];

function tsag(args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: fromRoot(''), encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function outputsOf(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), 'latin1')]),
  );
}

describe('tsag build over a batch', () => {
  const out1 = mkdtempSync(join(tmpdir(), 'tsag-batch-'));
  const out2 = mkdtempSync(join(tmpdir(), 'tsag-batch-'));
  const one = tsag(['build', ...INPUTS, '-o', out1, '--jobs', '1', '--formats', 'json,md,txt']);
  const two = tsag(['build', ...INPUTS, '-o', out2, '--jobs', '2', '--formats', 'json,md,txt']);

  it('keeps going past the bad input, reports it in one line, and exits 2', () => {
    for (const run of [one, two]) {
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^fixtures\/not-questions\/novel\.txt: not a Questions text/u)]);
    }
  });

  it('gives the same bytes on one worker and on two', () => {
    expect(outputsOf(out2)).toEqual(outputsOf(out1));
    expect(Object.keys(outputsOf(out1))).toEqual([
      '008C.json',
      '008C.md',
      '008C.txt',
      'en.json',
      'en.md',
      'en.txt',
      'fr.json',
      'fr.md',
      'fr.txt',
      'index.json',
    ]);
  });

  it('prints plain lines (no progress bar off a terminal) and ends with the summary table', () => {
    expect(two.stdout).not.toContain('\r');
    expect(two.stdout).toContain('input/008C.txt: 7 Questions →');
    const table = two.stdout.slice(two.stdout.indexOf('\nfile')).trim().split('\n');
    expect(table[0]).toMatch(/^file\s+Questions\s+warnings\s+time$/u);
    expect(table.slice(1, 5).map((row) => row.split(/\s{2,}/u).slice(0, 3))).toEqual([
      ['input/008C.txt', '7', '0'],
      ['fixtures/not-questions/novel.txt', 'failed', '-'],
      ['fixtures/lang-en/en.txt', '3', '0'],
      ['fixtures/lang-fr/fr.txt', '3', '0'],
    ]);
    expect(table[5]).toBe('3 built, 1 failed');
  });

  it('writes index.json: every edition built, with language, study groups, Question numbers and sha256', () => {
    const index = JSON.parse(readFileSync(join(out1, 'index.json'), 'utf8')) as { editions: Record<string, unknown>[] };
    expect(index.editions.map((e) => [e.file, e.language, e.studyGroups, (e.questions as string[]).length])).toEqual([
      ['input/008C.txt', 'zh', [20], 7],
      ['fixtures/lang-en/en.txt', 'en', [22], 3],
      ['fixtures/lang-fr/fr.txt', 'fr', expect.any(Array), 3],
    ]);
    expect(index.editions[0]?.questions).toEqual(['1/20', '2/20', '3/20', '4/20', '5/20', '6/20', '7/20']);
    expect(index.editions[0]?.sha256).toBe(JSON.parse(readFileSync(fromRoot('fixtures/008C/expected.json'), 'utf8')).metadata.source.sha256);
    expect(index.editions[0]?.outputs).toEqual(['008C.json', '008C.md', '008C.txt']);
  });
});

describe('batch rendering helpers', () => {
  const ok = (input: string, questions: number, warnings: number, ms: number): BuildResult => ({
    input,
    ok: true,
    outputs: [],
    warnings: Array.from({ length: warnings }, () => ({ code: 'noise.leftover' as const, where: {}, message: 'm' })),
    questions,
    ms,
    edition: { file: input, language: 'zh', studyGroups: [20], questions: [], sha256: 'a'.repeat(64), outputs: [] },
  });

  it('says "1 Question", not "1 Questions"', () => {
    expect(builtLine('fr.txt', 1, ['out/fr.json'])).toBe('fr.txt: 1 Question → out/fr.json');
    expect(builtLine('a.txt', 7, ['o/a.json', 'o/a.md'])).toBe('a.txt: 7 Questions → o/a.json, o/a.md');
  });

  it('draws a progress bar', () => {
    expect(progressBar(0, 4, 'a.txt', 8)).toBe('[--------] 0/4 a.txt');
    expect(progressBar(2, 4, 'b.txt', 8)).toBe('[####----] 2/4 b.txt');
    expect(progressBar(4, 4, 'c.txt', 8)).toBe('[########] 4/4 c.txt');
  });

  it('aligns the summary table and counts failures', () => {
    const table = summaryTable([
      ok('a.txt', 7, 0, 12),
      { input: 'bad.docx', ok: false, error: 'bad.docx: x', ms: 3 },
      ok('long-name.docx', 140, 1691, 3618),
    ]);
    expect(table).toBe(
      [
        'file            Questions  warnings     time',
        'a.txt                   7         0    12 ms',
        'bad.docx           failed         -     3 ms',
        'long-name.docx        140      1691  3618 ms',
        '2 built, 1 failed',
        '',
      ].join('\n'),
    );
  });

  it('leaves times out of the index', () => {
    const a = ok('a.txt', 7, 0, 12);
    const index = renderIndex(mergeEditions([], a.ok ? [a.edition] : [], () => true));
    expect(JSON.parse(index)).toEqual({
      editions: [{ file: 'a.txt', language: 'zh', studyGroups: [20], questions: [], sha256: 'a'.repeat(64), outputs: [] }],
    });
    expect(index).not.toContain('12');
  });
});

describe('mergeEditions', () => {
  const entry = (file: string, outputs: string[]): EditionEntry => ({
    file,
    language: 'zh',
    studyGroups: [20],
    questions: ['1/20'],
    sha256: file.padEnd(64, '0'),
    outputs,
  });

  it('keeps the editions built before into the folder, replaces those rebuilt, and sorts by output', () => {
    const old = [entry('old/b.txt', ['b.json', 'b.md']), entry('old/a.txt', ['a.json', 'a.md'])];
    const merged = mergeEditions(old, [entry('new/a.txt', ['a.json'])], () => true);
    expect(merged.map((e) => e.file)).toEqual(['new/a.txt', 'old/b.txt']);
  });

  it('drops an edition whose outputs are no longer all in the folder', () => {
    const old = [entry('b.txt', ['b.json', 'b.md']), entry('c.txt', ['c.json'])];
    const merged = mergeEditions(old, [], (name) => name !== 'b.md');
    expect(merged.map((e) => e.file)).toEqual(['c.txt']);
  });
});
