import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot } from '../helpers/paths.js';

const CLI = fromRoot('dist/cli/main.js');

function tsag(args: string[], cwd = fromRoot('')) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tsag-cli-'));
}

function expectOneLineError(result: ReturnType<typeof tsag>, file: string, reason: string) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toContain(reason);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('tsag build', () => {
  it('writes the JSON, Markdown and text of 008C.txt, equal to the goldens', () => {
    const out = tempDir();
    const result = tsag(['build', 'input/008C.txt', '-o', out, '--formats', 'json,md,txt']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['008C.json', '008C.md', '008C.txt']);
    for (const ext of ['json', 'md', 'txt']) {
      expect(readFileSync(join(out, `008C.${ext}`), 'utf8')).toBe(
        readFileSync(fromRoot(`fixtures/008C/expected.${ext}`), 'utf8'),
      );
    }
  });

  it('refuses a random text, an empty file and an English novel with one line each, exit 2', () => {
    const dir = tempDir();
    let seed = 7;
    const words = Array.from({ length: 400 }, () => {
      seed = (seed * 48271) % 2147483647;
      return seed.toString(36);
    });
    writeFileSync(join(dir, 'random.txt'), words.join(' '));
    writeFileSync(join(dir, 'empty.txt'), '');
    for (const file of [join(dir, 'random.txt'), join(dir, 'empty.txt'), fromRoot('fixtures/not-questions/novel.txt')]) {
      const result = tsag(['build', file, '-o', join(dir, 'out')]);
      expectOneLineError(result, file, 'not a Questions text');
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
  });

  it('keeps going past a bad input and still exits 2', () => {
    const out = tempDir();
    const result = tsag(['build', 'fixtures/not-questions/novel.txt', 'input/008C.txt', '-o', out, '--formats', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('novel.txt');
    expect(readdirSync(out)).toEqual(['008C.json']);
  });

  it('refuses to write an output over an input', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '008C.json'), '{}');
    const input = join(dir, '008C.txt');
    writeFileSync(input, readFileSync(fromRoot('input/008C.txt')));
    const result = tsag(['build', input, join(dir, '008C.json'), '-o', dir, '--formats', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('it is an input');
    expect(readFileSync(join(dir, '008C.json'), 'utf8')).toBe('{}');
  });

  it('names a missing file and an unknown option in one line', () => {
    expectOneLineError(tsag(['build', 'nope.txt', '-o', tempDir()]), 'nope.txt', 'no such file');
    const bad = tsag(['build', '--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('documents every option in --help', () => {
    const help = tsag(['--help']);
    expect(help.code).toBe(0);
    for (const flag of ['--out', '--formats', '--lang', '--quiet', '--version']) expect(help.stdout).toContain(flag);
  });
});
