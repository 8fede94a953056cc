/**
 * The thread ./extract.ts reads a PDF on: pdf.js's text of the pages, or the InputError it met,
 * posted back as data (a class does not cross threads).
 */
import { parentPort } from 'node:worker_threads';
import type { ErrorCode } from '../../model/codes.js';
import { InputError } from '../../model/result.js';
import type { PdfLimits } from '../limits.js';
import { loadPdfJs, type PdfPage, pdfjsPages } from './pdfjs-text.js';

export interface ExtractJob {
  bytes: Uint8Array;
  file: string;
  limits: PdfLimits;
}

export type ExtractAnswer =
  /** pdf.js is loaded: what the process has grown by from here on is the read's. */
  { ready: true } | { ok: true; pages: PdfPage[] } | { ok: false; where: string; message: string; code: ErrorCode } | { ok: false; bug: string };

parentPort?.once('message', async (job: ExtractJob) => {
  let answer: ExtractAnswer;
  try {
    await loadPdfJs();
    parentPort?.postMessage({ ready: true } satisfies ExtractAnswer);
    answer = { ok: true, pages: await pdfjsPages(job.bytes, job.file, job.limits) };
  } catch (error) {
    answer =
      error instanceof InputError
        ? { ok: false, where: error.where, message: error.message, code: error.code }
        : { ok: false, bug: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
