/**
 * How the bench measures a process and sums up its runs (bench/run.mjs, bench/users.mjs): wall
 * time and peak RSS of one run, by GNU time where it is installed, else by sampling /proc; the
 * median of a set of figures.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/** The median of the finite values, NaN when there is none. */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** GNU time reports a child's peak RSS exactly (wait4's ru_maxrss); else /proc is sampled. */
export const GNU_TIME = (() => {
  if (!existsSync('/usr/bin/time')) return undefined;
  const dir = mkdtempSync(join(os.tmpdir(), 'tsag-bench-'));
  const out = join(dir, 'probe');
  spawnSync('/usr/bin/time', ['-f', '%M', '-o', out, 'true']);
  const ok = existsSync(out) && /^\d+\s*$/.test(readFileSync(out, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return ok ? '/usr/bin/time' : undefined;
})();

function runWithGnuTime(command, args, { cwd, scratch }) {
  const out = join(scratch, `rss-${process.hrtime.bigint()}`);
  const start = process.hrtime.bigint();
  const result = spawnSync(GNU_TIME, ['-f', '%M', '-o', out, command, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  const text = existsSync(out) ? readFileSync(out, 'utf8') : '';
  const kib = Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN);
  return { ms: elapsed, rss: kib * 1024, status: result.status, stderr: result.stderr };
}

function runSampling(command, args, { cwd }) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const proc = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let rss = NaN;
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setInterval(() => {
      try {
        const kib = Number(/^VmHWM:\s+(\d+)/m.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'))?.[1]);
        if (Number.isFinite(kib)) rss = Math.max(Number.isFinite(rss) ? rss : 0, kib * 1024);
      } catch {
        // the process has just ended
      }
    }, 2);
    proc.on('close', (status) => {
      clearInterval(timer);
      resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, rss, status, stderr });
    });
  });
}

/**
 * One run of `command` from `cwd`, its stdout dropped: `{ ms, rss, status, stderr }` whatever its
 * exit status (GNU time writes its figure to a file in `scratch`).
 */
export async function runMeasured(command, args, { cwd, scratch }) {
  return GNU_TIME ? runWithGnuTime(command, args, { cwd, scratch }) : await runSampling(command, args, { cwd });
}
