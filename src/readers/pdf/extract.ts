/**
 * pdf.js's text of a PDF's pages (./pdfjs-text.ts), read on a thread of its own that is stopped
 * when it takes too long or too much memory. pdf.js decodes a page's content in one synchronous
 * go: a compressed stream that inflates to a gigabyte (1 MB in the file) holds this thread for
 * 25 s and takes 1.6 GB, and no timer in the thread that runs it can fire in between. From here
 * the thread is watched: past `maxMilliseconds` of CPU time (what the read costs, whatever else
 * the machine is doing; of wall time, half as long again), or once the process has grown by more than
 * `maxMemoryBytes` since the thread had pdf.js loaded (pdf.js holds inflated streams in typed
 * arrays, which no heap limit counts), it is terminated and the PDF refused in one line. Its JavaScript heap is
 * bounded too (`resourceLimits`).
 *
 * Run from TypeScript sources (the tests), where there is no compiled worker module to start,
 * the read runs in this thread, bounded only between pdf.js's steps.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../model/result.js';
import { formatBytes, type PdfLimits } from '../limits.js';
import type { ExtractAnswer, ExtractJob } from './extract-worker.js';
import { type PdfPage, pdfjsPages } from './pdfjs-text.js';

export type { PdfItem, PdfPage } from './pdfjs-text.js';

/** How often the thread's memory is looked at. */
const WATCH_MS = 10;
/** The worker's JavaScript heap: pdf.js's objects for the pages' text (the 360-page edition: some 60 MB). */
const HEAP_MB = 192;

/**
 * The compiled worker module: beside this one, or, in the CLI's bundle (dist/cli/tsag.cjs, where
 * this module's URL is the bundle's), in ../readers/pdf/ from there. Undefined from sources.
 */
function workerModule(): URL | undefined {
  return [new URL('./extract-worker.js', import.meta.url), new URL('../readers/pdf/extract-worker.js', import.meta.url)].find((url) =>
    existsSync(fileURLToPath(url)),
  );
}

/** The wall time a read may take: the CPU limit, half as long again. */
const wallLimit = (limits: PdfLimits) => limits.maxMilliseconds * 1.5;

/** The pages of a PDF with their text runs; throws InputError on what pdf.js or the limits refuse. */
export async function extractPages(bytes: Uint8Array, file: string, limits: PdfLimits): Promise<PdfPage[]> {
  const url = workerModule();
  if (!url) return pdfjsPages(bytes, file, limits);
  const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: HEAP_MB } });
  // The process's size once the thread has loaded pdf.js; before, what the read takes is unknown.
  let start = Number.POSITIVE_INFINITY;
  let watch: NodeJS.Timeout | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<PdfPage[]>((resolve, reject) => {
      const refuse = (message: string) => reject(new InputError(file, '', message, 'input.tooLarge'));
      const tooLong = () => refuse(`reading the PDF took more than ${limits.maxMilliseconds / 1000} s (the limit): refused`);
      // A hang that spends no CPU is stopped too, at half as long again: whatever the machine's
      // load, a refusal comes within 10 s of the defaults' 6 s.
      timer = setTimeout(tooLong, wallLimit(limits));
      const cpu = process.cpuUsage();
      watch = setInterval(() => {
        const spent = process.cpuUsage(cpu);
        if ((spent.user + spent.system) / 1000 > limits.maxMilliseconds) tooLong();
        else if (process.memoryUsage.rss() - start > limits.maxMemoryBytes) {
          refuse(
            `reading the PDF needs more than ${formatBytes(limits.maxMemoryBytes)} of memory (the limit): refused (a stream that inflates without bound?)`,
          );
        }
      }, WATCH_MS);
      worker.on('message', (answer: ExtractAnswer) => {
        if ('ready' in answer) start = process.memoryUsage.rss();
        else if (answer.ok) resolve(answer.pages);
        else if ('bug' in answer) reject(new Error(answer.bug));
        else reject(new InputError(file, answer.where, answer.message, answer.code));
      });
      worker.once('error', (error: Error & { code?: string }) => {
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') refuse(`reading the PDF needs more than ${HEAP_MB} MB of heap: refused (document too large)`);
        else reject(error);
      });
      worker.once('exit', () => reject(new InputError(file, '', 'the PDF reader stopped', 'input.stopped')));
      // The thread's own deadline (wall time, between pdf.js's steps) is the hang guard's.
      const job: ExtractJob = { bytes, file, limits: { ...limits, maxMilliseconds: wallLimit(limits) } };
      worker.postMessage(job);
    });
  } finally {
    clearTimeout(timer);
    clearInterval(watch);
    await worker.terminate();
  }
}
