/**
 * `mammoth.convertToHtml` on one file, and nothing else: the process run by bench/run.mjs as the
 * floor of a DOCX build through mammoth (node's start-up, loading mammoth, one cold conversion).
 *
 *   node bench/mammoth-process.mjs FILE
 */
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';

await mammoth.convertToHtml({ buffer: readFileSync(process.argv[2] ?? '') });
