/**
 * A reader on its own thread (./read-in-worker.ts): reads one input into the model and answers
 * with it, or with the one-line error. Its heap is its own, bounded by the resourceLimits the
 * parent gives, and all of it is freed when the thread ends.
 */
import { parentPort } from 'node:worker_threads';
import { readDocument, type ReadOptions } from '../readers/index.js';
import { asInputError, readInput } from './build.js';

export interface ReadJob {
  file: string;
  options: ReadOptions;
}

parentPort?.once('message', ({ file, options }: ReadJob) => {
  void (async () => {
    try {
      const read = await readDocument(await readInput(file, options), file, options);
      parentPort?.postMessage({ ok: true, read });
    } catch (error) {
      const { where, message, code } = asInputError(file, error);
      parentPort?.postMessage({ ok: false, where, message, code });
    }
  })();
});
