import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DIFF_HELP, type DiffIo, revisionDate, runDiff, useColor } from '../../src/cli/diff.js';
import { fromRoot } from '../helpers/paths.js';

const CLI = fromRoot('dist/cli/main.js');
const OLD = 'input/008C.txt';
const EDITED = 'fixtures/008C-edited/008C-edited.txt';

function tsag(args: string[], env: NodeJS.ProcessEnv = {}) {
  // The colour variables as each test gives them, not as the test runner's terminal has them.
  const { FORCE_COLOR: _force, NO_COLOR: _no, ...inherited } = process.env;
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd: fromRoot(''), encoding: 'utf8', env: { ...inherited, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('tsag diff', () => {
  it('exits 0 with "No content changes" for the text and the Word rendition of one edition', () => {
    const result = tsag(['diff', OLD, 'input/008C.docx']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No content changes.');
    expect(result.stdout).toContain('source.format: text -> docx');
  });

  it('exits 1 and prints the terminal report, without colour when not on a terminal', () => {
    const result = tsag(['diff', OLD, EDITED]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(readFileSync(fromRoot('fixtures/008C-edited/expected-terminal.txt'), 'utf8'));
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('colours the report with --color always or FORCE_COLOR, never with NO_COLOR on auto', () => {
    expect(tsag(['diff', OLD, EDITED, '--color', 'always']).stdout).toContain('\u001b[');
    expect(tsag(['diff', OLD, EDITED], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(tsag(['diff', OLD, EDITED], { NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('decides colour as Node does: --color first, then FORCE_COLOR (0 or false: none), then NO_COLOR, then the terminal', () => {
    const on = (when: string | undefined, isTTY: boolean, env: DiffIo['env'] = {}) => useColor(when, { isTTY, env, warn: () => {}, out: () => {} });
    expect([on(undefined, true), on(undefined, false)]).toEqual([true, false]);
    expect([on(undefined, true, { NO_COLOR: '1' }), on(undefined, true, { NO_COLOR: '' })]).toEqual([false, true]);
    expect([on(undefined, false, { FORCE_COLOR: '1' }), on(undefined, false, { FORCE_COLOR: '' })]).toEqual([true, true]);
    expect([on(undefined, true, { FORCE_COLOR: '0' }), on(undefined, true, { FORCE_COLOR: 'false' })]).toEqual([false, false]);
    expect(on(undefined, false, { FORCE_COLOR: '1', NO_COLOR: '1' })).toBe(true);
    expect([on('never', true, { FORCE_COLOR: '1' }), on('always', false, { NO_COLOR: '1' })]).toEqual([false, true]);
  });

  it('refuses options that do not go with the format, before reading anything', async () => {
    const io: DiffIo = { isTTY: false, env: {}, warn: () => {}, out: () => {} };
    await expect(runDiff(['missing-a.txt', 'missing-b.txt', '--format', 'json', '--stat'], io, () => [])).rejects.toThrow(/--stat/u);
    await expect(runDiff(['missing-a.txt', 'missing-b.txt', '--author', 'TSB'], io, () => [])).rejects.toThrow(/--author/u);
  });

  it('takes a date or a date-time for --date, as UTC, and refuses a day that does not exist', () => {
    expect(revisionDate('2026-01-15')).toBe('2026-01-15T00:00:00Z');
    expect(revisionDate('2026-01-15T09:30')).toBe('2026-01-15T09:30:00Z');
    expect(revisionDate('2026-01-15T09:30:00+02:00')).toBe('2026-01-15T07:30:00Z');
    for (const bad of ['2026-02-30', '2026-13-01', 'yesterday', '15.01.2026', '']) expect(() => revisionDate(bad), bad).toThrow(/--date/u);
  });

  it('--stat prints the overview alone: the first lines of the full report', () => {
    const stat = tsag(['diff', OLD, EDITED, '--stat']);
    expect(stat.code).toBe(1);
    const lines = stat.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^Total {2}8 changes: /u);
    expect(readFileSync(fromRoot('fixtures/008C-edited/expected-terminal.txt'), 'utf8')).toContain(stat.stdout);
  });

  it('writes one self-contained HTML page, and takes markdown as the name of md', () => {
    const html = tsag(['diff', OLD, EDITED, '--format', 'html']);
    expect(html.code).toBe(1);
    expect(html.stdout).toMatch(/^<!doctype html><html lang="en">/u);
    expect(html.stdout).toContain('Question 1/20 (A) – 物联网及智慧城市和社区应用和服务的互操作性和互联');
    expect(tsag(['diff', OLD, EDITED, '--format', 'markdown']).stdout).toBe(
      readFileSync(fromRoot('fixtures/008C-edited/expected-report.md'), 'utf8'),
    );
  });

  it('documents its options and their defaults in --help', () => {
    const help = DIFF_HELP;
    for (const flag of ['--stat', '--author NAME', '--date ISO', 'html', 'markdown', 'NO_COLOR', 'FORCE_COLOR', '2000-01-01T00:00:00Z'])
      expect(help).toContain(flag);
  });

  it('writes the redline by the --author on the --date given', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'tsag-diff-')), 'redline.docx');
    expect(tsag(['diff', OLD, EDITED, '--format', 'docx', '--author', 'TSB', '--date', '2026-01-15', '-o', out]).code).toBe(1);
    const document = strFromU8(unzipSync(readFileSync(out))['word/document.xml'] ?? new Uint8Array());
    const marks = [...document.matchAll(/<w:(?:ins|del) w:id="\d+" ([^>]*?)\/?>/gu)].map((m) => m[1]);
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['w:author="TSB" w:date="2026-01-15T00:00:00Z"']));
  });

  it('writes the Markdown and JSON reports, to stdout or atomically to -o', () => {
    const md = tsag(['diff', OLD, EDITED, '--format', 'md']);
    expect(md.code).toBe(1);
    expect(md.stdout).toBe(readFileSync(fromRoot('fixtures/008C-edited/expected-report.md'), 'utf8'));
    const out = join(mkdtempSync(join(tmpdir(), 'tsag-diff-')), 'changes.json');
    const json = tsag(['diff', OLD, EDITED, '--format', 'json', '-o', out]);
    expect(json.code).toBe(1);
    expect(json.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(fromRoot('fixtures/008C-edited/expected-changes.json'), 'utf8'));
  });

  it('reports nothing for an extraction that differs only in bookmarks, trailing spaces and CRLF', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsag-diff-'));
    const noisy = readFileSync(fromRoot(OLD), 'utf8')
      .replace(/_Toc(\d+)/g, '_Toc9$1')
      .replace(/。\n/g, '。  \n')
      .replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'noisy.txt'), noisy);
    const result = tsag(['diff', OLD, join(dir, 'noisy.txt')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No content changes.');
  });

  it('exits 2 with one line for a bad input, a missing file or a wrong command line', () => {
    for (const args of [
      ['diff', OLD, 'fixtures/not-questions/novel.txt'],
      ['diff', OLD, 'missing.txt'],
      ['diff', OLD],
      ['diff', OLD, EDITED, '--format', 'pdf'],
      ['diff', OLD, EDITED, '--format', 'docx'],
    ]) {
      const result = tsag(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
    expect(tsag(['diff', OLD, 'missing.txt']).stderr).toBe('missing.txt: no such file\n');
  });
});
