import { open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { QuestionsDocument } from '../model/document.js';
import { InputError, type Warning } from '../model/result.js';
import { detectFormat, readDocument, tooLarge, type ReadOptions } from '../readers/index.js';
import { DEFAULT_DOCX_LIMITS, DEFAULT_MAX_TEXT_BYTES } from '../readers/limits.js';
import { OUTPUT_FORMATS, renderAll, type OutputFormat } from '../writers/index.js';
import { outputBases, samePath, writeFileAtomic } from './files.js';
import { LIMIT_OPTIONS } from './limits.js';

export interface BuildOptions extends ReadOptions {
  outDir: string;
  formats: readonly OutputFormat[];
}

/** One edition in `index.json`: what was built from which input. */
export interface EditionEntry {
  file: string;
  language: string;
  studyGroups: number[];
  questions: string[];
  sha256: string;
  outputs: string[];
}

/** The command-line options of `tsag build` that `tsag watch` takes too (parseArgs). */
export const OUTPUT_OPTIONS = {
  out: { type: 'string', short: 'o' },
  formats: { type: 'string' },
  lang: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  ...LIMIT_OPTIONS,
} as const;

export type BuildResult =
  | { input: string; ok: true; outputs: string[]; warnings: Warning[]; questions: number; edition: EditionEntry; ms: number }
  | { input: string; ok: false; error: string; ms: number };

/** The batch index, written beside the outputs; no input may take its name. */
export const INDEX_FILE = 'index.json';

/** Turns whatever a read or write threw into the one line the user sees. */
export function describeError(input: string, error: unknown): string {
  if (error instanceof InputError) return error.describe();
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${input}: no such file`;
  if (code === 'EISDIR') return `${input}: is a folder, not a file`;
  if (code === 'EACCES') return `${input}: permission denied`;
  const message = error instanceof Error ? error.message : String(error);
  return `${input}: internal error: ${message.split('\n')[0]}`;
}

/**
 * Builds every output of one input. All outputs are rendered in memory first, so a failure
 * leaves nothing written; each is then written atomically. An output path equal to one of
 * the batch's inputs is refused.
 */
export async function buildOne(
  input: string,
  base: string,
  allInputs: readonly string[],
  options: BuildOptions,
): Promise<BuildResult> {
  return (await buildWithModel(input, base, allInputs, options)).result;
}

/** buildOne, also giving the model it built (tsag watch diffs it against the previous one). */
export async function buildWithModel(
  input: string,
  base: string,
  allInputs: readonly string[],
  options: BuildOptions,
): Promise<{ result: BuildResult; model?: QuestionsDocument }> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const targets = options.formats.map((format) => ({ format, path: join(options.outDir, `${base}.${format}`) }));
    const clash = targets.find((t) => allInputs.some((i) => samePath(i, t.path)));
    if (clash) throw new InputError(input, '', `refusing to write ${clash.path}: it is an input`);
    const reserved = targets.find((t) => basename(t.path) === INDEX_FILE);
    if (reserved) throw new InputError(input, '', `refusing to write ${reserved.path}: the name is kept for the batch index`);
    const bytes = await readInput(input, options);
    const { value, warnings } = await readDocument(bytes, input, options);
    const { value: rendered, warnings: written } = await renderAll(value, targets.map((t) => t.format), input);
    for (const [index, target] of targets.entries()) await writeFileAtomic(target.path, rendered[index]!);
    const outputs = targets.map((t) => t.path);
    const edition: EditionEntry = {
      file: input,
      language: value.metadata.language,
      studyGroups: [...new Set(value.questions.map((q) => q.studyGroup))].sort((a, b) => a - b),
      questions: value.questions.map((q) => q.number),
      sha256: value.metadata.source.sha256,
      outputs: outputs.map((path) => basename(path)),
    };
    const result: BuildResult = { input, ok: true, outputs, warnings: [...warnings, ...written], questions: value.questions.length, edition, ms: ms() };
    return { result, model: value };
  } catch (error) {
    return { result: { input, ok: false, error: describeError(input, error), ms: ms() } };
  }
}

/**
 * The bytes of an input, refused before they are read when there are more than its format
 * allows (a DOCX: the limit on its entries in all; anything else: the text limit), and
 * refused when it is not a regular file (a FIFO or `/dev/zero` would never end).
 */
export async function readInput(input: string, options: ReadOptions): Promise<Uint8Array> {
  const handle = await open(input, 'r');
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    if (!info.isFile()) throw new InputError(input, '', 'not a regular file');
    const head = new Uint8Array(8);
    await handle.read(head, 0, head.length, 0);
    const docx = detectFormat(input, head) === 'docx';
    const limit = docx
      ? (options.docxLimits?.maxTotalBytes ?? DEFAULT_DOCX_LIMITS.maxTotalBytes)
      : (options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES);
    if (info.size > limit) {
      const flag = docx ? '--max-total-size' : '--max-text-size';
      throw new InputError(input, '', `too large: ${tooLarge(info.size, limit)} (${flag}): refused`);
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** One input of a batch, as handed to a worker. */
export interface BuildJob {
  index: number;
  input: string;
  base: string;
  allInputs: readonly string[];
  options: BuildOptions;
}

/** Runs the jobs of a batch; `runInWorkers` in ./pool.ts is the parallel one. */
export type JobRunner = (jobs: readonly BuildJob[], done: (index: number, result: BuildResult) => void) => Promise<void>;

export const runInProcess: JobRunner = async (jobs, done) => {
  for (const job of jobs) done(job.index, await buildOne(job.input, job.base, job.allInputs, job.options));
};

/**
 * Builds every input, keeping going past a bad one. Results come back in input order;
 * `onResult` hears of each as it completes (for progress), in completion order.
 */
export async function build(
  inputs: readonly string[],
  options: BuildOptions,
  run: JobRunner = runInProcess,
  onResult: (result: BuildResult, completed: number) => void = () => {},
): Promise<BuildResult[]> {
  const bases = outputBases(inputs);
  const jobs = inputs.map((input, index) => ({ index, input, base: bases[index]!, allInputs: inputs, options }));
  const results: BuildResult[] = new Array(inputs.length);
  let completed = 0;
  await run(jobs, (index, result) => {
    results[index] = result;
    onResult(result, ++completed);
  });
  return results;
}

/** `index.json`: every edition built in the run, in input order. Deterministic: no times. */
export function editionIndex(results: readonly BuildResult[]): string {
  const editions = results.flatMap((r) => (r.ok ? [r.edition] : []));
  return `${JSON.stringify({ editions }, null, 2)}\n`;
}

export async function writeIndex(results: readonly BuildResult[], outDir: string): Promise<string | undefined> {
  if (!results.some((r) => r.ok)) return undefined;
  const path = join(outDir, INDEX_FILE);
  await writeFileAtomic(path, new TextEncoder().encode(editionIndex(results)));
  return path;
}

export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new Error(`unknown output format "${format}" (known: ${OUTPUT_FORMATS.join(', ')})`);
    }
  }
  return formats as OutputFormat[];
}
