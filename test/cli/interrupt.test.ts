/**
 * A build killed with SIGKILL at any moment leaves every output either as it was (absent or
 * old) or complete and equal to what an uninterrupted build writes: never partial. What it may
 * leave is its hidden temporary files (`.<name>.<pid>.<hex>.tmp`), which the next build in
 * that folder removes.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromRoot, SHARED } from '../helpers/paths.js';
import { CLI, pool, runCli } from '../helpers/run-cli.js';

const LARGE = join(SHARED, 'input/large/008C-x20.docx');
const TEMP = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;
const FORMATS = ['json', 'md', 'txt', 'docx'];
/** When to kill, as fractions of the time an uninterrupted build of the same inputs takes. */
const KILL_AT = [0.05, 0.15, 0.3, 0.5, 0.7, 0.9];

/** Inputs: small and large, Word and text; unique names so that every output is `<name>.<ext>`. */
function inputs(dir: string): string[] {
  const files: [string, string][] = [
    ['a1.txt', fromRoot('input/008C.txt')],
    ['big1.docx', LARGE],
    ['d1.docx', fromRoot('input/008C.docx')],
    ['a2.txt', fromRoot('input/008C.txt')],
    ['big2.docx', LARGE],
    ['d2.docx', fromRoot('input/008C.docx')],
  ];
  mkdirSync(dir, { recursive: true });
  return files.map(([name, source]) => {
    copyFileSync(source, join(dir, name));
    return join(dir, name);
  });
}

/** Every output of a build of `files`, the batch index (`index.json`) included. */
const outputsOf = (files: readonly string[]) => [
  ...files.flatMap((file) =>
    FORMATS.map(
      (ext) =>
        `${file
          .split('/')
          .pop()!
          .replace(/\.[^.]+$/, '')}.${ext}`,
    ),
  ),
  'index.json',
];

/** Starts a build and kills it with SIGKILL after `delay` ms (or lets it finish if it is quicker). */
function killedBuild(files: readonly string[], out: string, delay: number): Promise<boolean> {
  const child = spawn(process.execPath, [CLI, 'build', ...files, '-o', out, '-q'], { stdio: 'ignore' });
  const timer = setTimeout(() => child.kill('SIGKILL'), delay);
  return new Promise((resolve) => {
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

describe.skipIf(!existsSync(LARGE))(`an interrupted build${existsSync(LARGE) ? '' : ' (skipped: ../shared/input/large is absent)'}`, () => {
  it('leaves each output absent, old, or complete; the next build removes its temporary files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tsag-interrupt-'));
    const files = inputs(join(root, 'in'));
    const names = outputsOf(files);
    // Some outputs exist from an earlier run: they must stay old or become complete.
    const OLD = 'OLD\n';
    const preexisting = new Set(['a1.json', 'big1.docx', 'big1.json', 'd2.md', 'big2.txt']);

    // An uninterrupted build first: the outputs every other build is compared with, and the time
    // the kills are spread over.
    const reference = join(root, 'reference');
    const run = await runCli(['build', ...files, '-o', reference, '-q'], { cwd: root });
    expect(run.code, run.stderr).toBe(0);
    const delays = KILL_AT.map((fraction) => Math.round(fraction * run.wallMs));
    const killed = await pool(
      delays.map((delay) => async () => {
        const out = join(root, `killed-${delay}`);
        mkdirSync(out);
        for (const name of preexisting) writeFileSync(join(out, name), OLD);
        return killedBuild(files, out, delay);
      }),
      2,
    );
    expect(killed.filter(Boolean).length).toBeGreaterThanOrEqual(delays.length - 1);

    const states: Record<string, number> = { absent: 0, old: 0, complete: 0, temp: 0 };
    for (const delay of delays) {
      const out = join(root, `killed-${delay}`);
      for (const name of readdirSync(out)) {
        if (names.includes(name)) continue;
        expect(name, `${out}: neither an output nor a temporary file`).toMatch(TEMP);
        states.temp!++;
      }
      for (const name of names) {
        const path = join(out, name);
        if (!existsSync(path)) {
          expect(preexisting.has(name), `${name} was there before and is gone`).toBe(false);
          states.absent!++;
          continue;
        }
        const bytes = readFileSync(path);
        if (preexisting.has(name) && bytes.toString() === OLD) {
          states.old!++;
          continue;
        }
        expect(bytes.equals(readFileSync(join(reference, name))), `${out}/${name} is partial`).toBe(true);
        states.complete!++;
      }
      // The next build in that folder (even of one small input) removes the orphans.
      const next = await runCli(['build', files[0]!, '-o', out, '--formats', 'json', '-q'], { cwd: root });
      expect(next.code).toBe(0);
      expect(readdirSync(out).filter((name) => TEMP.test(name))).toEqual([]);
    }
    console.log(`interrupted builds (killed at ${delays.join(', ')} ms of ${run.wallMs}): outputs ${JSON.stringify(states)}`);
    rmSync(root, { recursive: true, force: true });
  }, 180_000);
});
