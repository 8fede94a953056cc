import { spawn } from 'node:child_process';
import { fromRoot } from './paths.js';

/** The built CLI, as `npm run build` writes it. */
export const CLI = fromRoot('dist/cli/main.js');
/** The launcher that runs the CLI's main() and reports its peak memory and CPU time. */
export const MEASURED_CLI = fromRoot('test/helpers/measured-cli.mjs');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time seen from the parent, start-up included. */
  wallMs: number;
  /** What the launcher reported; undefined when the child was not measured or never reported. */
  maxRssKiB?: number;
  cpuMs?: number;
  /** Killed by `timeoutMs`: a hang. */
  timedOut: boolean;
}

export interface CliOptions {
  cwd: string;
  /** Run through the measuring launcher (peak RSS, CPU time) rather than dist/cli/main.js. */
  measured?: boolean;
  /** SIGKILL the child after this long. */
  timeoutMs?: number;
}

/** Runs the CLI in a child process, asynchronously, so that several can run at once. */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliRun> {
  const script = options.measured ? MEASURED_CLI : CLI;
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, TSAG_DEBUG: '' },
  });
  let stdout = '';
  let stderr = '';
  let report = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const side = child.stdio[3] as NodeJS.ReadableStream | null;
  side?.setEncoding('utf8');
  side?.on('data', (chunk: string) => (report += chunk));
  let timedOut = false;
  const timer = options.timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, options.timeoutMs)
    : undefined;
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      const measured = report.trim() ? (JSON.parse(report) as { maxRssKiB: number; cpuMs: number }) : undefined;
      resolve({
        code,
        signal,
        stdout,
        stderr,
        wallMs: Math.round(performance.now() - started),
        ...(measured ? { maxRssKiB: measured.maxRssKiB, cpuMs: measured.cpuMs } : {}),
        timedOut,
      });
    });
  });
}

/** Runs jobs with at most `limit` of them at once; results in the order of the jobs. */
export async function pool<T>(jobs: readonly (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}
