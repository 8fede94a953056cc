import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { InputError } from '../model/result.js';
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
      const answer = await askWorker<BuildResult>(worker, job);
      if (answer.ok) {
        done(job.index, answer.reply);
        continue;
      }
      void worker.terminate();
      worker = new Worker(url);
      // Whatever stopped the worker, the input did it (nothing else runs there): name the input.
      done(job.index, {
        input: job.input,
        ok: false,
        error: new InputError(job.input, '', `the build stopped: ${answer.why}`, 'input.stopped').describe(),
        ms: 0,
      });
    }
  } finally {
    await worker.terminate();
  }
}

/** A worker's reply, or why there is none: it threw, or it stopped (crashed, or was terminated). */
export type Answer<R> = { ok: true; reply: R } | { ok: false; why: string; outOfMemory?: boolean };

/**
 * Posts one message to a worker and waits for its one reply. A worker that fails answers
 * `ok: false`; it is then of no further use, and the caller terminates it.
 */
export function askWorker<R>(worker: Worker, message: unknown): Promise<Answer<R>> {
  return new Promise((resolve) => {
    // Remove only our own listeners: a Worker keeps listeners of its own on itself.
    const stop = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: R) => {
      stop();
      resolve({ ok: true, reply });
    };
    const onError = (error: NodeJS.ErrnoException) => {
      stop();
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      resolve({ ok: false, why: error.message.split('\n')[0] ?? 'worker failed', ...(outOfMemory ? { outOfMemory } : {}) });
    };
    const onExit = (code: number) => {
      stop();
      resolve({ ok: false, why: `worker stopped (exit code ${code})` });
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}
