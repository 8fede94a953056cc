/** A read worker (./read-in-worker.ts): one ReadJob, one ReadOutcome, from the bundle when it is current (./bundle.ts). */
import { parentPort } from 'node:worker_threads';
import { loadBundle } from './bundle.js';
import type { ReadJob } from './read-job.js';

const { readJob } = loadBundle() ?? (await import('./read-job.js'));
parentPort?.once('message', (job: ReadJob) => {
  void readJob(job).then((outcome) => parentPort?.postMessage(outcome));
});
