/** A `tsag watch` worker (./watch-pool.ts): WatchJobs in, WatchReplies out, from the bundle when it is current (./bundle.ts). */
import { parentPort } from 'node:worker_threads';
import { loadBundle } from './bundle.js';
import type { WatchJob } from './watch-job.js';

const { watchBuild } = loadBundle() ?? (await import('./watch-job.js'));
parentPort?.on('message', (message: WatchJob) => {
  void watchBuild(message).then((reply) => parentPort?.postMessage(reply));
});
