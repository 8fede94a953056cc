/** A build worker (./pool.ts): receives one BuildJob at a time, answers with its BuildResult. */
import { parentPort } from 'node:worker_threads';
import { buildOne, type BuildJob } from './build.js';

parentPort?.on('message', (job: BuildJob) => {
  void buildOne(job.input, job.base, job.inputs, job.options).then((result) => parentPort?.postMessage(result));
});
