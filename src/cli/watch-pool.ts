/**
 * The worker threads `tsag watch` builds on: the main thread only schedules and prints, so it
 * answers Ctrl-C at once whatever an input costs to read, and `close()` ends a build in the
 * middle (Worker.terminate stops even a running regular expression). A worker is kept for the
 * next build (start-up costs the loading of every reader and writer) until it has been idle for
 * IDLE_MS, then ended, so that what a large build left in its heap goes back to the system;
 * one that failed is not kept.
 * How many run at once is the caller's choice (./watch-queue.ts): the pool starts a worker
 * whenever none is idle.
 */
import { Worker } from 'node:worker_threads';
import { askWorker, type Answer } from './pool.js';

/** How long an idle worker is kept for the next build. */
export const IDLE_MS = 30_000;

export class WorkerPool<Job, Reply> {
  /** Idle workers, each with the timer that ends it. */
  private readonly idle = new Map<Worker, NodeJS.Timeout>();
  private readonly busy = new Set<Worker>();
  private closed = false;

  constructor(
    private readonly url: URL,
    private readonly idleMs = IDLE_MS,
  ) {}

  /** Runs one job on an idle worker or a new one; after `close()`, answers `ok: false` at once. */
  async run(job: Job): Promise<Answer<Reply>> {
    if (this.closed) return { ok: false, why: 'stopped' };
    const worker = this.takeIdle() ?? this.start();
    this.busy.add(worker);
    const answer = await askWorker<Reply>(worker, job);
    this.busy.delete(worker);
    if (answer.ok && !this.closed) this.keep(worker);
    else void worker.terminate();
    return answer;
  }

  /** Ends every worker, busy ones in the middle of their build; resolves once all have stopped. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle.keys(), ...this.busy];
    for (const timer of this.idle.values()) clearTimeout(timer);
    this.idle.clear();
    this.busy.clear();
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private takeIdle(): Worker | undefined {
    const [worker, timer] = this.idle.entries().next().value ?? [];
    if (worker === undefined) return undefined;
    clearTimeout(timer);
    this.idle.delete(worker);
    return worker;
  }

  private keep(worker: Worker): void {
    const timer = setTimeout(() => {
      this.idle.delete(worker);
      void worker.terminate();
    }, this.idleMs);
    this.idle.set(worker, timer);
  }

  private start(): Worker {
    const worker = new Worker(this.url);
    // A busy worker's failure is its job's answer (askWorker); an idle one that fails is dropped.
    worker.on('error', () => {});
    worker.on('exit', () => {
      clearTimeout(this.idle.get(worker));
      this.idle.delete(worker);
    });
    return worker;
  }
}
