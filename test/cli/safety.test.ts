/**
 * Data safety of the CLI: no output, temporary file, index or report is ever written over an
 * input, through any path or link; two inputs never share output names; index.json stays true
 * to the folder under concurrent builds; FIFOs are refused without blocking; printed lines
 * carry no control characters from file names.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputBases, writeFilesAtomic } from '../../src/cli/files.js';
import { fromRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';

const CLI = fromRoot('dist/cli/main.js');
const TEXT = fromRoot('input/008C.txt');
const WORD = fromRoot('input/008C.docx');

function tsag(args: string[], cwd = fromRoot('')) {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tsag-safety-'));
}

function sha(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** A refusal: exit 2, one line on stderr that names `file`, no stack, no "internal error". */
function expectRefused(run: ReturnType<typeof tsag>, file: string) {
  expect(run.code).toBe(2);
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(run.stderr).not.toContain('internal error');
  expect(run.stderr).not.toMatch(/\n\s+at /u);
}

describe('no input is ever overwritten', () => {
  it('tsag diff OLD NEW -o OLD: refused, OLD untouched', () => {
    const dir = tempDir();
    const old = join(dir, 'old.txt');
    copyFileSync(TEXT, old);
    const before = sha(old);
    expectRefused(tsag(['diff', old, WORD, '--format', 'md', '-o', old]), old);
    expect(sha(old)).toBe(before);
  });

  it('tsag diff --format docx -o NEW, NEW reached through a link: refused, NEW untouched', () => {
    const dir = tempDir();
    const neu = join(dir, 'new.docx');
    copyFileSync(WORD, neu);
    symlinkSync(neu, join(dir, 'link.docx'));
    const before = sha(neu);
    expectRefused(tsag(['diff', TEXT, neu, '--format', 'docx', '-o', join(dir, 'link.docx')]), 'link.docx');
    expect(sha(neu)).toBe(before);
  });

  it('tsag build in/x.txt -o lnk, lnk a link to in/: refused, the input untouched', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    copyFileSync(TEXT, join(dir, 'in', 'x.txt'));
    symlinkSync(join(dir, 'in'), join(dir, 'lnk'));
    const before = sha(join(dir, 'in', 'x.txt'));
    const run = tsag(['build', 'in/x.txt', '-o', 'lnk', '--formats', 'txt'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('lnk/x.txt');
    expect(run.stderr).not.toContain('internal error');
    expect(sha(join(dir, 'in', 'x.txt'))).toBe(before);
  });

  it('an input that is a link into the output folder is never written over', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    mkdirSync(join(dir, 'in'));
    copyFileSync(TEXT, join(dir, 'out', 'x.txt'));
    symlinkSync(join(dir, 'out', 'x.txt'), join(dir, 'in', 'x.txt'));
    const before = sha(join(dir, 'out', 'x.txt'));
    const run = tsag(['build', 'in/x.txt', '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('out/x.txt');
    expect(sha(join(dir, 'out', 'x.txt'))).toBe(before);
    // Nothing half-written: no output of the refused input, no temporary file.
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['index.json', 'x.txt']);
  });

  it('index.json is never written over an input named index.json in the output folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'index.json'), '{"not": "ours"}');
    const run = tsag(['build', TEXT, join(dir, 'index.json'), '-o', dir, '--formats', 'json']);
    expect(run.stderr).not.toContain('internal error');
    expect(readFileSync(join(dir, 'index.json'), 'utf8')).toBe('{"not": "ours"}');
  });
});

describe('distinct outputs for every input', () => {
  it('gives a/x.txt, b/x.txt and c/x.txt three sets of outputs', () => {
    const dir = tempDir();
    for (const sub of ['a', 'b', 'c']) {
      mkdirSync(join(dir, sub));
      copyFileSync(TEXT, join(dir, sub, 'x.txt'));
    }
    const run = tsag(['build', 'a/x.txt', 'b/x.txt', 'c/x.txt', '-o', 'out', '--formats', 'json'], dir);
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['index.json', 'x.json', 'x.txt-2.json', 'x.txt.json']);
    const index = JSON.parse(readFileSync(join(dir, 'out', 'index.json'), 'utf8')) as { editions: { file: string; outputs: string[] }[] };
    expect(index.editions.map((e) => [e.file, e.outputs])).toEqual([
      ['a/x.txt', ['x.json']],
      ['c/x.txt', ['x.txt-2.json']],
      ['b/x.txt', ['x.txt.json']],
    ]);
  });

  it('never takes the name of the index', () => {
    expect(outputBases(['a/index.txt', 'b/Index.md', 'x.txt'])).toEqual(['index.txt', 'Index.md', 'x']);
    expect(outputBases(['a/x.txt', 'b/X.txt', 'c/x.txt'])).toEqual(['x', 'X.txt', 'x.txt-2']);
  });
});

describe('index.json', () => {
  it('keeps the editions built before into the folder, and lists both of two builds run at once', async () => {
    const dir = tempDir();
    const inputs = ['en', 'fr'].map((lang) => fromRoot(`fixtures/lang-${lang}/${lang}.txt`));
    const first = tsag(['build', TEXT, '-o', dir, '--formats', 'json']);
    expect(first.code).toBe(0);
    const [a, b] = await Promise.all(
      inputs.map((input) => runCli(['build', input, '-o', dir, '--formats', 'json,md'], { cwd: fromRoot(''), timeoutMs: 60_000 })),
    );
    expect([a?.code, b?.code]).toEqual([0, 0]);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { editions: { outputs: string[] }[] };
    expect(index.editions.map((e) => e.outputs)).toEqual([['008C.json'], ['en.json', 'en.md'], ['fr.json', 'fr.md']]);
    for (const name of index.editions.flatMap((e) => e.outputs)) expect(existsSync(join(dir, name))).toBe(true);
  });

  it('is written by a failed single build too, keeping what was there', () => {
    const dir = tempDir();
    expect(tsag(['build', TEXT, '-o', dir, '--formats', 'json']).code).toBe(0);
    const run = tsag(['build', fromRoot('fixtures/not-questions/novel.txt'), '-o', dir]);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('0 built, 1 failed');
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { editions: { outputs: string[] }[] };
    expect(index.editions.map((e) => e.outputs)).toEqual([['008C.json']]);
  });
});

describe('inputs that are no files', () => {
  it('refuses a FIFO without blocking, in build, check and diff', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.txt');
    if (spawnSync('mkfifo', [fifo]).status !== 0) return; // no mkfifo here: nothing to test
    expectRefused(tsag(['build', fifo, '-o', join(dir, 'out')]), fifo);
    expectRefused(tsag(['check', fifo]), fifo);
    expectRefused(tsag(['diff', fifo, TEXT]), fifo);
    const batch = tsag(['build', fifo, TEXT, '-o', join(dir, 'out'), '--formats', 'json']);
    expect(batch.code).toBe(2);
    expect(batch.stdout).toContain('1 built, 1 failed');
  });

  it('builds the files of a folder given as input', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    copyFileSync(TEXT, join(dir, 'in', 'a.txt'));
    copyFileSync(fromRoot('fixtures/lang-en/en.txt'), join(dir, 'in', 'b.txt'));
    const run = tsag(['build', 'in', '-o', 'out', '--formats', 'json'], dir);
    expect(run.code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['a.json', 'b.json', 'index.json']);
  });
});

describe('output errors', () => {
  it('names the output, not the input, when a file is in the way of the output folder', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'taken'), 'a file');
    const run = tsag(['build', TEXT, '-o', join(dir, 'taken', 'out')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(join(dir, 'taken'));
    expect(run.stderr).not.toContain('internal error');
    const diff = tsag(['diff', TEXT, WORD, '--format', 'md', '-o', join(dir, 'taken', 'report.md')]);
    expectRefused(diff, join(dir, 'taken'));
  });

  it('never renames a report over a device: -o /dev/null is refused and /dev/null stays a device', () => {
    expectRefused(tsag(['diff', TEXT, WORD, '--format', 'md', '-o', '/dev/null']), '/dev/null');
    expect(spawnSync('test', ['-c', '/dev/null']).status).toBe(0);
  });

  it('writes through a link to a file, as a shell does, and refuses a link that loops', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'report.md'), 'old report');
    symlinkSync(join(dir, 'report.md'), join(dir, 'link.md'));
    const through = tsag(['diff', TEXT, WORD, '--format', 'md', '-o', join(dir, 'link.md')]);
    expect(through.code).toBe(0);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('No content changes');
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    symlinkSync('loop', join(dir, 'loop'));
    expectRefused(tsag(['diff', TEXT, WORD, '--format', 'md', '-o', join(dir, 'loop')]), join(dir, 'loop'));
    expect(lstatSync(join(dir, 'loop')).isSymbolicLink()).toBe(true);
  });

  it('writes the outputs of an input together: a failure before the renames leaves the old set whole', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), 'old json');
    writeFileSync(join(dir, 'blocker'), 'a file where a folder should be');
    const files = [
      { path: join(dir, 'a.json'), data: new TextEncoder().encode('new json') },
      { path: join(dir, 'blocker', 'a.md'), data: new TextEncoder().encode('new md') },
    ];
    await expect(writeFilesAtomic(files)).rejects.toMatchObject({ name: 'InputError', file: join(dir, 'blocker') });
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old json');
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'blocker']);
  });
});

/** A small tmpfs, where the machine lets us mount one (root, not in a restricted container). */
function smallDisk(size: string): { dir: string; unmount: () => void } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const dir = tempDir();
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status !== 0) return undefined;
  return { dir, unmount: () => void spawnSync('umount', [dir]) };
}

describe('a full disk', () => {
  const disk = smallDisk('150k');
  it.skipIf(!disk)(`leaves the old outputs of an input whole${disk ? '' : ' (skipped: cannot mount a small tmpfs here)'}`, () => {
    try {
      const out = disk!.dir;
      for (const ext of ['json', 'md', 'txt']) writeFileSync(join(out, `008C.${ext}`), `old ${ext}`);
      const run = tsag(['build', TEXT, '-o', out, '--formats', 'json,md,txt']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/008C\.\w+: cannot write: no space left on the device/u);
      expect(run.stderr).not.toContain('internal error');
      for (const ext of ['json', 'md', 'txt']) expect(readFileSync(join(out, `008C.${ext}`), 'utf8')).toBe(`old ${ext}`);
      expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      disk!.unmount();
    }
  });
});

describe('reading on a thread with a bounded heap (tsag diff)', () => {
  type ReadInWorker = (file: string, options: object, heapMb?: number) => Promise<{ value: { questions: unknown[] } }>;
  const load = async () => (await import(fromRoot('dist/cli/read-in-worker.js'))).readInWorker as ReadInWorker;

  it("gives the model, or the reader's one-line error, as reading in this thread does", async () => {
    const readInWorker = await load();
    expect((await readInWorker(WORD, {})).value.questions).toHaveLength(7);
    await expect(readInWorker(fromRoot('fixtures/not-questions/novel.txt'), {})).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringContaining('not a Questions text'),
    });
  });

  it('refuses, in one line, a read that needs more memory than its heap', async () => {
    const readInWorker = await load();
    await expect(readInWorker(WORD, {}, 4)).rejects.toMatchObject({
      name: 'InputError',
      file: WORD,
      message: expect.stringContaining('document too large'),
    });
  });
});

describe('usage mistakes', () => {
  it('refuses an empty --formats, and an output folder that is a file, in one line each', () => {
    const dir = tempDir();
    const empty = tsag(['build', TEXT, '-o', join(dir, 'out'), '--formats', '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(empty.stderr).toContain('--formats');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    writeFileSync(join(dir, 'file'), 'x');
    expectRefused(tsag(['build', TEXT, '-o', join(dir, 'file')]), join(dir, 'file'));
  });
});

describe('the terminal', () => {
  it('escapes control characters of a file name in every line printed', () => {
    const dir = tempDir();
    const name = 'x\u001b]0;owned\u0007\u001b[2J.txt';
    writeFileSync(join(dir, name), 'no Questions here\n');
    const run = tsag(['build', name, '-o', 'out'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    expect(run.stderr).toContain('\\x1b');
  });

  it('escapes control characters of the document in what tsag check prints, text and JSON', () => {
    const dir = tempDir();
    const text = readFileSync(TEXT, 'utf8').replace('第1/20号课题 – 物联网', '第1/20号课题 – \u001b]0;owned\u0007\u009b2J物联网');
    writeFileSync(join(dir, 'esc.txt'), text);
    for (const format of ['text', 'json']) {
      const run = tsag(['check', 'esc.txt', '--format', format], dir);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('owned');
      expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u);
    }
  });

  it('ends quietly when the reader of its output goes away (| head -1)', async () => {
    const child = spawn(process.execPath, [CLI, 'diff', TEXT, fromRoot('fixtures/008C-edited/008C-edited.txt'), '--format', 'json'], {
      cwd: fromRoot(''),
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect([0, 1]).toContain(code);
  });
});
