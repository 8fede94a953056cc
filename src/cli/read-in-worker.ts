/**
 * Reading an input on a worker thread with a bounded heap. A reader's garbage (mammoth builds
 * three trees of a document to give one model) is only collected when V8 wants to, so two
 * reads in one heap stack up: `tsag diff` of the 360-page edition with itself peaked at 457 MB
 * in one thread, though one build of it takes 284 MB. On its own thread each read's heap is
 * freed when the thread ends, and a read that would need more than READ_HEAP_MB is stopped by
 * V8 and refused in one line instead of taking the machine's memory.
 */
import { Worker } from 'node:worker_threads';
import type { QuestionsDocument } from '../model/document.js';
import { InputError, type Read } from '../model/result.js';
import type { ReadOptions } from '../readers/index.js';
import { askWorker } from './pool.js';
import type { ReadJob, ReadOutcome } from './read-job.js';

/** The old-generation heap of one read: the 360-page benchmark reads in 160 MB. */
export const READ_HEAP_MB = 192;

export async function readInWorker(file: string, options: ReadOptions, heapMb = READ_HEAP_MB): Promise<Read<QuestionsDocument>> {
  const worker = new Worker(new URL('./read-worker.js', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  try {
    const job: ReadJob = { file, options };
    const answer = await askWorker<ReadOutcome>(worker, job);
    if (!answer.ok) {
      const why = answer.outOfMemory
        ? `reading it needs more than ${heapMb} MB of memory: refused (document too large)`
        : `the reader stopped: ${answer.why}`;
      throw new InputError(file, '', why, 'input.stopped');
    }
    if (!answer.reply.ok) throw new InputError(file, answer.reply.where, answer.reply.message, answer.reply.code);
    return answer.reply.read;
  } finally {
    await worker.terminate();
  }
}
