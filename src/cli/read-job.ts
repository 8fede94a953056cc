/**
 * The job of a reader on its own thread (./read-worker.ts, ./read-in-worker.ts): reads one input
 * into the model and answers with it, or with the one-line error. Its heap is its own, bounded by
 * the resourceLimits the parent gives, and all of it is freed when the thread ends.
 */
import type { ErrorCode } from '../model/codes.js';
import type { QuestionsDocument } from '../model/document.js';
import type { Read } from '../model/result.js';
import { readDocument, type ReadOptions } from '../readers/index.js';
import { asInputError, readInput } from './build.js';

export interface ReadJob {
  file: string;
  options: ReadOptions;
}

/** A read worker's answer: the model read, or the error as plain data (it crosses threads). */
export type ReadOutcome = { ok: true; read: Read<QuestionsDocument> } | { ok: false; where: string; message: string; code: ErrorCode };

export async function readJob({ file, options }: ReadJob): Promise<ReadOutcome> {
  try {
    return { ok: true, read: await readDocument(await readInput(file, options), file, options) };
  } catch (error) {
    const { where, message, code } = asInputError(file, error);
    return { ok: false, where, message, code };
  }
}
