import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BuildJob, BuildResult, JobRunner } from './build.js';
import { runInProcess } from './build.js';

/** How many workers a batch of `count` inputs gets: one per core, never more than inputs. */
export function workerCount(count: number, requested?: number): number {
  return Math.max(1, Math.min(requested ?? availableParallelism(), count));
}

/**
 * Builds a batch on worker threads, one input at a time per worker, so that both cores work
 * and one input's trouble (even a worker that dies) costs only that input. A batch of one,
 * or a single worker, runs in this thread: no start-up cost for the common case.
 */
export function runInWorkers(requested?: number): JobRunner {
  return async (jobs, done) => {
    const count = workerCount(jobs.length, requested);
    if (count <= 1) return runInProcess(jobs, done);
    const queue = [...jobs];
    const url = new URL('./build-worker.js', import.meta.url);
    await Promise.all(Array.from({ length: count }, () => drain(url, queue, done)));
  };
}

/** One worker takes jobs from the shared queue until it is empty. */
async function drain(url: URL, queue: BuildJob[], done: (index: number, result: BuildResult) => void): Promise<void> {
  let worker = new Worker(url);
  try {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const current = job;
      const result = await new Promise<BuildResult>((resolve) => {
        const busy = worker;
        // Remove only our own listeners: a Worker keeps listeners of its own on itself.
        const stop = () => {
          busy.off('message', onMessage);
          busy.off('error', onError);
          busy.off('exit', onExit);
        };
        const replace = (why: string) => {
          stop();
          void busy.terminate();
          worker = new Worker(url);
          resolve({ input: current.input, ok: false, error: `${current.input}: internal error: ${why}`, ms: 0 });
        };
        const onMessage = (outcome: BuildResult) => {
          stop();
          resolve(outcome);
        };
        const onError = (error: Error) => replace(error.message.split('\n')[0] ?? 'worker failed');
        const onExit = (code: number) => replace(`worker stopped (exit code ${code})`);
        busy.on('message', onMessage);
        busy.on('error', onError);
        busy.on('exit', onExit);
        busy.postMessage(current);
      });
      done(current.index, result);
    }
  } finally {
    await worker.terminate();
  }
}
