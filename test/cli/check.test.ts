import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';

const CLI = fromRoot('dist/cli/main.js');

function tsag(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, TSAG_DEBUG: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** 008C.txt with real inconsistencies put in by hand, each of a different check. */
function inconsistent(dir: string): string {
  let text = readFileSync(fromRoot('input/008C.txt'), 'utf8');
  const edit = (from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`not in 008C.txt: ${from}`);
    text = text.replace(from, to);
  };
  edit('\t新的研究项目及部分第1/20和4/20号课题的继续', '\t部分第1/20和4/20号课题的继续'); // row 4/20 forgets the new work
  edit('wp_search.aspx?q=4/20', 'wp_search.aspx?q=3/20'); // D links to 3/20
  edit('–\t如何提供数据互操作性和语义互操作性？\n', '–\t如何提供数据互操作性和语义互操作性？\n–\t如何提供数据互操作性和语义互操作性？\n');
  edit('其它机构：\n–\tIEC\n', '合作机构：\n–\tIEC\n'); // E.4: a label no table knows
  const file = join(dir, 'bad.txt');
  writeFileSync(file, text);
  return file;
}

/**
 * The golden's findings across Questions (relationships, terms), as for `file`; the label's
 * line lists the Questions that write the usual label, one fewer in bad.txt.
 */
function crossQuestionLines(file: string): unknown[] {
  return readFileSync(fromRoot('fixtures/008C/expected-check.txt'), 'utf8')
    .split('\n')
    .filter((line) => /\[(?:relationships|term)\.\w+\]$/u.test(line))
    .map((line) => line.replace('008C.txt', file))
    .map((line) =>
      line.endsWith('[relationships.label]')
        ? expect.stringMatching(/^bad\.txt:B\.4: warning: relationship label "标准化机构" .*\[relationships\.label\]$/u)
        : line,
    );
}

describe('tsag check', () => {
  it('prints the golden report for 008C.txt, text and JSON, and exits 0', () => {
    const text = tsag(['check', '008C.txt'], fromRoot('input'));
    expect(text).toEqual({ code: 0, stdout: readFileSync(fromRoot('fixtures/008C/expected-check.txt'), 'utf8'), stderr: '' });
    const json = tsag(['check', '008C.txt', '--format', 'json'], fromRoot('input'));
    expect(json).toEqual({ code: 0, stdout: readFileSync(fromRoot('fixtures/008C/expected-check.json'), 'utf8'), stderr: '' });
  });

  it('finds the same in the Word rendition', () => {
    const run = tsag(['check', '008C.docx'], fromRoot('input'));
    expect(run).toEqual({
      code: 0,
      stdout: readFileSync(fromRoot('fixtures/008C/expected-check.txt'), 'utf8').replaceAll('008C.txt', '008C.docx'),
      stderr: '',
    });
  });

  it('reports each inconsistency at its place, as warnings (exit 0), or as errors with --strict (exit 1)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsag-check-'));
    inconsistent(dir);
    const run = tsag(['check', 'bad.txt'], dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^bad\.txt:\d+: warning: unknown relationship label: 合作机构 \[structure\.unknownLabel\]$/u),
      expect.stringMatching(
        /^bad\.txt:table row 4\/20: warning: status .* names Questions 1\/20, 4\/20 and no new work; .* and new work \[table\.status\]$/u,
      ),
      'bad.txt:A.2: warning: item "如何提供数据互操作性和语义互操作性？" appears 2 times [section.duplicateItem]',
      'bad.txt:4/20: warning: the work-programme link of Question 4/20 is for q=3/20: https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=3/20 [workProgramme.question]',
      // What 008C holds across Questions, as in its golden.
      ...crossQuestionLines('bad.txt'),
      '10 findings (1 structure.unknownLabel, 1 table.status, 1 section.duplicateItem, 1 workProgramme.question, 2 relationships.spelling, 1 relationships.typo, 1 relationships.acronyms, 1 relationships.label, 1 term.variant)',
    ]);
    const strict = tsag(['check', 'bad.txt', '--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('bad.txt:A.2: error: item');
    const json = JSON.parse(tsag(['check', 'bad.txt', '-f', 'json'], dir).stdout) as { code: string; where: { section?: string } }[];
    expect(json.map((f) => f.code).slice(0, 4)).toEqual([
      'structure.unknownLabel',
      'table.status',
      'section.duplicateItem',
      'workProgramme.question',
    ]);
    expect(json[1]?.where.section).toBe('table row 4/20');
  });

  it('exits 2 with one line for an input it cannot read, and still checks the others', () => {
    const run = tsag(['check', 'nope.txt', '008C.txt'], fromRoot('input'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('nope.txt: no such file\n');
    expect(run.stdout).toBe(readFileSync(fromRoot('fixtures/008C/expected-check.txt'), 'utf8'));
    const novel = tsag(['check', 'fixtures/not-questions/novel.txt'], fromRoot(''));
    expect(novel.code).toBe(2);
    expect(novel.stderr).toMatch(/^fixtures\/not-questions\/novel\.txt: not a Questions text: .*\n$/u);
    expect(novel.stdout).toBe('');
    const usage = tsag(['check', '008C.txt', '--format', 'xml'], fromRoot('input'));
    expect(usage).toEqual({ code: 2, stdout: '', stderr: 'tsag: unknown check format "xml" (known: text, json)\n' });
  });
});
