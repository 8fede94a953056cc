/**
 * tsag as a library: read any rendition of a Questions text into the model, write it in every
 * output format, diff two editions, check one. Errors a caller's input can cause are
 * `InputError`s with a `code` (./model/codes.ts); nothing here prints.
 *
 *   import { read, write, diff, check } from 'tsag';
 *   const { document, warnings } = await read('008C.docx');
 *   const markdown = await write(document, 'md');
 *
 * The model's types and its JSON Schema (`tsag/schema.json`) are the contract; everything not
 * exported here is internal and may change.
 */
import { readFile } from 'node:fs/promises';
import { checkDocument, type Finding } from './check/index.js';
import { diffEditions, type EditionDiff } from './diff/index.js';
import type { QuestionsDocument } from './model/document.js';
import { baseName } from './readers/metadata.js';
import { readDocument, type ReadOptions } from './readers/index.js';
import type { Warning } from './model/result.js';
import { render, type OutputFormat } from './writers/index.js';

export type * from './model/document.js';
export { SCHEMA_VERSION } from './model/document.js';
export { InputError, type Place, type Warning } from './model/result.js';
export { ERROR_CODES, WARNING_CODES, type ErrorCode, type WarningCode } from './model/codes.js';
export { OUTPUT_FORMATS, type OutputFormat } from './writers/index.js';
export { DIFF_FORMATS, hasContentChanges, renderDiff, type DiffFormat, type TerminalOptions } from './diff/index.js';
export type { Change, ChangeKind, ChangeTarget, EditionDiff, MetadataChange, ChangePlace, WordOp } from './diff/index.js';
export type { Finding } from './check/index.js';
export { schemaError } from './model/schema.js';

export interface ReadInputOptions extends ReadOptions {
  /** The file name the bytes came from, for the format and for messages (bytes only; default `input`). */
  fileName?: string;
}

/** What `read` gives: the model, and what the reader met on the way. */
export interface ReadResult {
  document: QuestionsDocument;
  warnings: Warning[];
}

/**
 * Reads a Questions text: a path, or the bytes of one. The format comes from the file name's
 * extension and the first bytes (DOCX, text extractions, Markdown, tsag's JSON).
 */
export async function read(input: string | Uint8Array, options: ReadInputOptions = {}): Promise<ReadResult> {
  const { fileName, ...readOptions } = options;
  const bytes = typeof input === 'string' ? await readFile(input) : input;
  const file = typeof input === 'string' ? input : (fileName ?? 'input');
  const read = await readDocument(bytes, file, readOptions);
  return { document: read.value, warnings: read.warnings };
}

/** The document in one output format: text for `json`, `md` and `txt`, bytes for `docx`. */
export async function write(document: QuestionsDocument, format: 'docx'): Promise<Uint8Array>;
export async function write(document: QuestionsDocument, format: Exclude<OutputFormat, 'docx'>): Promise<string>;
export async function write(document: QuestionsDocument, format: OutputFormat): Promise<string | Uint8Array>;
export async function write(document: QuestionsDocument, format: OutputFormat): Promise<string | Uint8Array> {
  const bytes = (await render(document, format, baseName(document.metadata.source.fileName))).value;
  return format === 'docx' ? bytes : new TextDecoder().decode(bytes);
}

/** What changed in content from `old` to `neu` (metadata apart); render it with `renderDiff`. */
export function diff(old: QuestionsDocument, neu: QuestionsDocument): EditionDiff {
  return diffEditions(old, neu);
}

/** The consistency findings of one document (`tsag check`). */
export function check(document: QuestionsDocument): Finding[] {
  return checkDocument(document);
}
