/**
 * tsag watch against misuse and slow inputs: an output folder that is (through a link), holds or
 * is inside the watched folder is refused; Ctrl-C (or SIGTERM) in the middle of a slow build ends
 * it promptly, leaving no temporary file and no partial output, and the slow build holds up no
 * other input; a watched folder deleted and made again is watched again.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputClash } from '../../src/cli/watch.js';
import { escapeControls } from '../../src/model/printable.js';
import { lines } from '../helpers/lines.js';
import { fromRoot } from '../helpers/paths.js';
import { CLI, runCli } from '../helpers/run-cli.js';

const SOURCE = fromRoot('input/008C.txt');
const TEMP = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;
/** Far above the second it should take, far below the build it interrupts: no timing is asserted closer. */
const EXIT_BOUND_MS = 5000;

/** A scratch folder with `in/008C.txt`. */
function scratch(): string {
  const root = mkdtempSync(join(tmpdir(), 'tsag-watch-safety-'));
  mkdirSync(join(root, 'in'));
  copyFileSync(SOURCE, join(root, 'in/008C.txt'));
  return root;
}

/** Starts `tsag watch in -o out` in `root`, with its output lines and its exit. */
function startWatch(root: string) {
  const child = spawn(process.execPath, [CLI, 'watch', 'in', '-o', 'out', '--formats', 'json'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, exited, out: lines(child.stdout!), err: lines(child.stderr!) };
}

/**
 * A text extraction that takes long to read today: each `[N: text]` footnote is checked against
 * every one before it, so 60,000 of them (2 MB) cost tens of seconds.
 */
function slowText(notes: number): string {
  const source = readFileSync(SOURCE, 'utf8');
  const lines = Array.from({ length: notes }, (_, i) => `段落${i + 1}[footnoteRef:${i + 1}] [${i + 1}:  注${i + 1}]`);
  return source.replace('对安全、隐私', `${lines.join('\n')}\n对安全、隐私`);
}

describe('the output folder of watch', () => {
  it('says why each clash is refused, names escaped', () => {
    expect(outputClash('apart', 'in', 'out')).toBeUndefined();
    expect(outputClash('same', 'in', 'outlink')).toBe(
      'watch: the output folder outlink is the watched folder in: outputs would be taken as inputs; choose another -o',
    );
    expect(outputClash('inside', 'in', 'in/out')).toContain('is inside the watched folder in');
    expect(outputClash('contains', 'a/in', 'a')).toContain('contains the watched folder a/in');
    expect(outputClash('same', 'in', 'o\nut')).toContain('o\\nut');
  });

  it.skipIf(!existsSync(CLI))('is refused in one line, exit 2, when it is the watched folder through a link, is inside it, or holds it', async () => {
    const root = scratch();
    symlinkSync('in', join(root, 'outlink'));
    const before = readFileSync(join(root, 'in/008C.txt'));
    for (const [out, why] of [
      ['outlink', 'is the watched folder in'],
      ['outlink/new/deeper', 'is inside the watched folder in'],
      ['in/out', 'is inside the watched folder in'],
      ['.', 'contains the watched folder in'],
    ] as const) {
      const run = await runCli(['watch', 'in', '-o', out], { cwd: root, timeoutMs: 20000 });
      expect(run.code, `${out}: ${run.stderr}`).toBe(2);
      expect(run.stderr).toBe(`tsag: watch: the output folder ${out} ${why}: outputs would be taken as inputs; choose another -o\n`);
      expect(run.stdout).toBe('');
    }
    expect(readdirSync(join(root, 'in'))).toEqual(['008C.txt']);
    expect(readFileSync(join(root, 'in/008C.txt')).equals(before)).toBe(true);
    rmSync(root, { recursive: true, force: true });
  });
});

describe.skipIf(!existsSync(CLI))('tsag watch stopped in the middle of a slow build', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s: exits 0 promptly, no temporary file, no partial output; the other input was not held up',
    async (signal) => {
      const root = scratch();
      writeFileSync(join(root, 'in/slow.txt'), slowText(60_000));
      const watch = startWatch(root);
      try {
        // The small input is built while the slow one is still being read.
        expect(await watch.out.waitFor(/^in\/008C\.txt: 7 Questions → out\/008C\.json$/u, 0, 20000)).toBeTruthy();
        await new Promise((resolve) => setTimeout(resolve, 500));
      } finally {
        watch.child.kill(signal);
      }
      const sent = performance.now();
      const code = await Promise.race([watch.exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), EXIT_BOUND_MS))]);
      const seconds = ((performance.now() - sent) / 1000).toFixed(2);
      if (code === 'hung') watch.child.kill('SIGKILL');
      const slowBuilt = watch.out.seen.some((line) => line.startsWith('in/slow.txt'));
      console.log(
        `watch: ${signal} → exit ${code} after ${seconds} s (the slow input was ${slowBuilt ? 'already built: not a slow input any more' : 'still building'})`,
      );
      expect(code).toBe(0);
      const written = readdirSync(join(root, 'out'));
      expect(written.filter((name) => TEMP.test(name))).toEqual([]);
      // Each output is whole: absent, or valid JSON.
      for (const name of written) expect(() => JSON.parse(readFileSync(join(root, 'out', name), 'utf8'))).not.toThrow();
      expect(written).toContain('008C.json');
      rmSync(root, { recursive: true, force: true });
    },
    60000,
  );
});

describe.skipIf(!existsSync(CLI))('tsag watch and a folder deleted and made again', () => {
  it('says the folder is gone, then back, and rebuilds a change made in the new folder', async () => {
    const root = scratch();
    const watch = startWatch(root);
    try {
      await watch.out.waitFor(/^in\/008C\.txt: 7 Questions/u, 0, 20000);
      rmSync(join(root, 'in'), { recursive: true });
      expect(await watch.err.waitFor(/the watched folder is gone/u, 0, 20000)).toBe('in: the watched folder is gone; waiting for it to come back');
      mkdirSync(join(root, 'in'));
      expect(await watch.err.waitFor(/the watched folder is back/u, 0, 20000)).toBe('in: the watched folder is back; watching it again');
      copyFileSync(SOURCE, join(root, 'in/008C.txt'));
      const built = watch.out.seen.length;
      await watch.out.waitFor(/^in\/008C\.txt: 7 Questions/u, built, 20000);
      const source = readFileSync(SOURCE, 'utf8');
      writeFileSync(join(root, 'in/008C.txt'), source.replace('世界城市人口增长迅速', '世界城市人口增长很快'));
      expect(await watch.out.waitFor(/^in\/008C\.txt: 1 paragraph/u, built + 1, 20000)).toBe('in/008C.txt: 1 paragraph changed in A.1');
      expect(readFileSync(join(root, 'out/008C.json'), 'utf8')).toContain('世界城市人口增长很快');
    } finally {
      watch.child.kill('SIGINT');
    }
    expect(await watch.exited).toBe(0);
    expect(watch.err.seen.filter((line) => /gone|back/u.test(line))).toHaveLength(2);
    rmSync(root, { recursive: true, force: true });
  }, 60000);
});

describe('escapeControls', () => {
  it('shows control characters as \\xHH, leaving other text alone', () => {
    expect(escapeControls('in/a\u001b]0;pwned\u0007.txt: 标题\n')).toBe('in/a\\x1b]0;pwned\\x07.txt: 标题\\n');
    expect(escapeControls('\u009b2J plain')).toBe('\\x9b2J plain');
  });
});
