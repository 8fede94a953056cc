/** A build worker (./pool.ts): receives one BuildJob at a time, answers with its BuildResult; from the bundle when it is current (./bundle.ts). */
import { parentPort } from 'node:worker_threads';
import { loadBundle } from './bundle.js';
import type { BuildJob } from './build.js';

const { buildOne } = loadBundle() ?? (await import('./build.js'));
parentPort?.on('message', (job: BuildJob) => {
  void buildOne(job.input, job.base, job.inputs, job.options).then((result) => parentPort?.postMessage(result));
});
