/**
 * The worker threads `tsag watch` builds on: the main thread only schedules and prints, so it
 * answers Ctrl-C at once whatever an input costs to read, and `close()` ends a build in the
 * middle (Worker.terminate stops even a running regular expression). A worker is kept for the
 * next build (start-up costs the loading of every reader and writer); one that failed is not.
 * How many run at once is the caller's choice (./watch-queue.ts): the pool starts a worker
 * whenever none is idle.
 */
import { Worker } from 'node:worker_threads';
import { askWorker, type Answer } from './pool.js';

export class WorkerPool<Job, Reply> {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private closed = false;

  constructor(private readonly url: URL) {}

  /** Runs one job on an idle worker or a new one; after `close()`, answers `ok: false` at once. */
  async run(job: Job): Promise<Answer<Reply>> {
    if (this.closed) return { ok: false, why: 'stopped' };
    const worker = this.idle.pop() ?? this.start();
    this.busy.add(worker);
    const answer = await askWorker<Reply>(worker, job);
    this.busy.delete(worker);
    if (answer.ok && !this.closed) this.idle.push(worker);
    else void worker.terminate();
    return answer;
  }

  /** Ends every worker, busy ones in the middle of their build; resolves once all have stopped. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    this.busy.clear();
    await Promise.all(all.map((worker) => worker.terminate()));
  }

  private start(): Worker {
    const worker = new Worker(this.url);
    // A busy worker's failure is its job's answer (askWorker); an idle one that fails is dropped.
    worker.on('error', () => {});
    worker.on('exit', () => {
      const index = this.idle.indexOf(worker);
      if (index >= 0) this.idle.splice(index, 1);
    });
    return worker;
  }
}
