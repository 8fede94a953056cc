/**
 * The floor of a batch through mammoth: every DOCX of FOLDER converted by
 * `mammoth.convertToHtml`, nothing else, on as many worker threads as there are cores, one file
 * at a time each, as `tsag build FOLDER` shares its work (src/cli/pool.ts). Nothing is written.
 *
 *   node bench/mammoth-batch.mjs FOLDER
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (isMainThread) {
  const folder = process.argv[2] ?? '.';
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.docx'))
    .map((name) => join(folder, name));
  const queue = [...files];
  const drain = () =>
    new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url));
      const next = () => {
        const file = queue.shift();
        if (file === undefined) return void worker.terminate().then(resolve);
        worker.postMessage(file);
      };
      worker.on('message', next);
      worker.on('error', reject);
      next();
    });
  await Promise.all(Array.from({ length: Math.min(availableParallelism(), files.length) }, drain));
} else {
  const { default: mammoth } = await import('mammoth');
  parentPort?.on('message', async (file) => {
    await mammoth.convertToHtml({ buffer: readFileSync(file) });
    parentPort?.postMessage(workerData ?? null);
  });
}
