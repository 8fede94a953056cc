import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
    expect(readdirSync(out).sort()).toEqual(['008C.json', '008C.md', '008C.txt', 'index.json']);
    for (const ext of ['json', 'md', 'txt']) {
      expect(readFileSync(join(out, `008C.${ext}`), 'utf8')).toBe(readFileSync(fromRoot(`fixtures/008C/expected.${ext}`), 'utf8'));
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
      // Nothing but the index of the folder, which lists no edition.
      expect(readdirSync(join(dir, 'out'))).toEqual(['index.json']);
      expect(JSON.parse(readFileSync(join(dir, 'out', 'index.json'), 'utf8'))).toEqual({ editions: [] });
    }
  });

  it('keeps going past a bad input and still exits 2', () => {
    const out = tempDir();
    const result = tsag(['build', 'fixtures/not-questions/novel.txt', 'input/008C.txt', '-o', out, '--formats', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('novel.txt');
    expect(readdirSync(out)).toEqual(['008C.json', 'index.json']);
  });

  it('refuses to write an output over an input', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '008C.json'), '{}');
    const input = join(dir, '008C.txt');
    writeFileSync(input, readFileSync(fromRoot('input/008C.txt')));
    const result = tsag(['build', input, join(dir, '008C.json'), '-o', dir, '--formats', 'json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, '008C.json')}: refusing to write: it is the input`);
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
    for (const flag of LIMIT_FLAGS) expect(help.stdout).toMatch(new RegExp(`${flag} (?:SIZE|N) .*\\(default: \\w+\\)`));
  });
});

const LIMIT_FLAGS = [
  '--max-text-size',
  '--max-lines',
  '--max-footnotes',
  '--max-file-size',
  '--max-entries',
  '--max-entry-size',
  '--max-total-size',
  '--max-ratio',
  '--max-xml-size',
  '--max-depth',
  '--max-elements',
];

describe('tsag build limits', () => {
  it.each([
    [['--max-text-size', '10K'], 'input/008C.txt', 'too large: 37,963 bytes, over the limit of 10,240 bytes (10 KiB) (--max-text-size): refused'],
    [['--max-lines', '100'], 'input/008C.txt', 'too many lines for a text input: over 100 (--max-lines): refused'],
    [['--max-file-size', '20K'], 'input/008C.docx', 'too large: 25,194 bytes, over the limit of 20,480 bytes (20 KiB) (--max-file-size): refused'],
    [['--max-total-size', '64K'], 'input/008C.docx', 'uncompressed in all, over the limit of'],
    [['--max-entries', '5'], 'input/008C.docx', 'too many ZIP entries: 15 (limit 5): refused'],
    [['--max-entry-size', '64k'], 'input/008C.docx', 'word/document.xml: declares'],
    [['--max-depth', '5'], 'input/008C.docx', 'XML nesting too deep'],
    [['--max-xml-size', '100KiB'], 'input/008C.docx', 'the XML to read comes to'],
  ])('%j refuses %s in one line', (flags, input, reason) => {
    expectOneLineError(tsag(['build', input, '-o', tempDir(), ...flags]), input, reason);
  });

  it('reads 008C.docx with the ratio limit at 1 (it applies to entries over 1 MiB only)', () => {
    expect(tsag(['build', 'input/008C.docx', '-o', tempDir(), '--max-ratio', '1', '-q']).code).toBe(0);
  });

  it.each([
    ['--max-text-size', '12Q'],
    ['--max-text-size', '0'],
    ['--max-entries', '1.5'],
    ['--max-depth', '0'],
  ])('refuses %s %s as a usage error', (flag, value) => {
    const run = tsag(['build', 'input/008C.txt', '-o', tempDir(), flag, value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^tsag: ${flag} takes .*"${value.replace('.', '\\.')}"\n$`));
  });

  it('refuses what is not a regular file without reading it', () => {
    expectOneLineError(tsag(['build', '/dev/zero', '-o', tempDir()]), '/dev/zero', 'not a regular file');
  });
});
