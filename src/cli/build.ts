import { constants, type BigIntStats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { QuestionsDocument } from '../model/document.js';
import { InputError, type Warning } from '../model/result.js';
import { detectFormat, readDocument, tooLarge, type ReadOptions } from '../readers/index.js';
import { DEFAULT_DOCX_LIMITS, DEFAULT_MAX_TEXT_BYTES, DEFAULT_PDF_LIMITS } from '../readers/limits.js';
import { OUTPUT_FORMATS, renderAll, type OutputFormat } from '../writers/index.js';
import { INDEX_FILE, type EditionEntry } from './edition-index.js';
import { assertWritable, outputBases, OutputError, writeFilesAtomic, type OutputFile } from './files.js';
import type { InputFiles } from './same-file.js';
import { LIMIT_OPTIONS } from './limits.js';

export interface BuildOptions extends ReadOptions {
  outDir: string;
  formats: readonly OutputFormat[];
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

/** What the system's error codes mean for an input that is read. */
const INPUT_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EISDIR: 'is a folder, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  EIO: 'input/output error of the device',
  ENXIO: 'not a regular file',
  EAGAIN: 'not a regular file',
};

/**
 * Turns whatever a read or write threw into the one line the user sees. InputErrors (and
 * OutputErrors, which name the output) speak for themselves; system errors are named by the
 * file; anything else is a bug, and says so.
 */
export function describeError(input: string, error: unknown): string {
  return asInputError(input, error).describe();
}

/** The error as an InputError of `input`: system errors by their meaning, others as a bug. */
export function asInputError(input: string, error: unknown): InputError {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : INPUT_REASONS[code];
  if (reason !== undefined) return new InputError(input, '', reason, 'input.file');
  const message = error instanceof Error ? error.message : String(error);
  return new InputError(input, '', `internal error: ${message.split('\n')[0]}`, 'internal');
}

/**
 * Builds every output of one input. All outputs are rendered in memory first, so a failure
 * leaves nothing written; they are then written together (./files.ts `writeFilesAtomic`): all
 * or none. No output is ever written over an input of the run, by whatever path reaches it.
 */
export async function buildOne(input: string, base: string, inputs: InputFiles, options: BuildOptions): Promise<BuildResult> {
  return (await buildWithModel(input, base, inputs, options)).result;
}

/** buildOne, also giving the model it built (tsag watch diffs it against the previous one). */
export async function buildWithModel(
  input: string,
  base: string,
  inputs: InputFiles,
  options: BuildOptions,
): Promise<{ result: BuildResult; model?: QuestionsDocument }> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const targets = options.formats.map((format) => ({ format, path: join(options.outDir, `${base}.${format}`) }));
    for (const target of targets) {
      if (basename(target.path) === INDEX_FILE)
        throw new OutputError(target.path, 'refusing to write: the name is kept for the index of the editions');
      await assertWritable(target.path, inputs);
    }
    const bytes = await readInput(input, options);
    const { value, warnings } = await readDocument(bytes, input, options);
    const { value: rendered, warnings: written } = await renderAll(
      value,
      targets.map((t) => t.format),
      input,
    );
    const files: OutputFile[] = targets.map((target, index) => ({ path: target.path, data: rendered[index]! }));
    await writeFilesAtomic(files, inputs);
    const outputs = targets.map((t) => t.path);
    const edition: EditionEntry = {
      file: input,
      language: value.metadata.language,
      studyGroups: [...new Set(value.questions.map((q) => q.studyGroup))].sort((a, b) => a - b),
      questions: value.questions.map((q) => q.number),
      sha256: value.metadata.source.sha256,
      outputs: outputs.map((path) => basename(path)),
    };
    const result: BuildResult = {
      input,
      ok: true,
      outputs,
      warnings: [...warnings, ...written],
      questions: value.questions.length,
      edition,
      ms: ms(),
    };
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
  // Looked at before it is opened: opening a FIFO for reading blocks until a writer comes.
  const before = await stat(input, { bigint: true });
  if (before.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
  if (!before.isFile()) throw new InputError(input, '', `not a regular file (${fileKind(before)}): refused`, 'input.file');
  // O_NONBLOCK: should the path have become a FIFO since, the open does not wait for a writer.
  const handle = await open(input, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile() || info.ino !== before.ino || info.dev !== before.dev) {
      throw new InputError(input, '', 'changed while it was opened: refused', 'input.file');
    }
    const size = Number(info.size);
    const head = new Uint8Array(8);
    await handle.read(head, 0, head.length, 0);
    const format = detectFormat(input, head);
    const docx = format === 'docx' || format === 'pdf';
    const limit =
      format === 'docx'
        ? (options.docxLimits?.maxFileBytes ?? DEFAULT_DOCX_LIMITS.maxFileBytes)
        : format === 'pdf'
          ? (options.pdfLimits?.maxFileBytes ?? DEFAULT_PDF_LIMITS.maxFileBytes)
          : (options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES);
    if (size > limit) {
      const flag = docx ? '--max-file-size' : '--max-text-size';
      throw new InputError(input, '', `too large: ${tooLarge(size, limit)} (${flag}): refused`, 'input.tooLarge');
    }
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

function fileKind(info: BigIntStats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

/** One input of a batch, as handed to a worker. */
export interface BuildJob {
  index: number;
  input: string;
  base: string;
  /** Every input of the batch, by identity: no output may replace one. */
  inputs: InputFiles;
  options: BuildOptions;
}

/** Runs the jobs of a batch; `runInWorkers` in ./pool.ts is the parallel one. */
export type JobRunner = (jobs: readonly BuildJob[], done: (index: number, result: BuildResult) => void) => Promise<void>;

export const runInProcess: JobRunner = async (jobs, done) => {
  for (const job of jobs) done(job.index, await buildOne(job.input, job.base, job.inputs, job.options));
};

/**
 * Builds every input, keeping going past a bad one. Results come back in input order;
 * `onResult` hears of each as it completes (for progress), in completion order. `ids` are the
 * inputs by identity (./same-file.ts `inputFiles`), which the caller also needs for the index.
 */
export async function build(
  inputs: readonly string[],
  ids: InputFiles,
  options: BuildOptions,
  run: JobRunner = runInProcess,
  onResult: (result: BuildResult, completed: number) => void = () => {},
): Promise<BuildResult[]> {
  const bases = outputBases(inputs);
  const jobs = inputs.map((input, index) => ({ index, input, base: bases[index]!, inputs: ids, options }));
  const results: BuildResult[] = new Array(inputs.length);
  let completed = 0;
  await run(jobs, (index, result) => {
    results[index] = result;
    onResult(result, ++completed);
  });
  return results;
}

/** `json,md` → the formats, each once, in the order given; none at all is a mistake. */
export function parseFormats(list: string): OutputFormat[] {
  const formats = [
    ...new Set(
      list
        .split(',')
        .map((f) => f.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  for (const format of formats) {
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
      throw new Error(`unknown output format "${format}" (known: ${OUTPUT_FORMATS.join(', ')})`);
    }
  }
  if (formats.length === 0) throw new Error(`--formats needs at least one of ${OUTPUT_FORMATS.join(', ')}`);
  return formats as OutputFormat[];
}
