/**
 * `tsag watch [DIR] [-o OUT]`: builds every input of DIR once, then rebuilds the outputs of
 * any input that changes, and prints one line per rebuild saying what changed in the content
 * since the previous build (./watch-summary.ts), from the diff of the two models; the
 * previous model of each input is kept in memory.
 *
 * Events are debounced per file (editors save in several writes, or write a temporary file
 * and rename it over), then the file is looked at afresh: still there, it is rebuilt; gone, it
 * is forgotten. Hidden files (our own temporary outputs among them) and editors' temporary
 * and lock files are ignored. Builds run one at a time, with `buildWithModel`, so outputs are
 * written atomically as by `tsag build`. A failing input prints its one line and watching
 * goes on. SIGINT or SIGTERM stops it cleanly, after the build in progress: exit 0.
 */
import { watch as watchFolder, type FSWatcher } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { QuestionsDocument } from '../model/document.js';
import { InputError, type Warning } from '../model/result.js';
import { OUTPUT_FORMATS } from '../writers/index.js';
import { buildWithModel, describeError, OUTPUT_OPTIONS, parseFormats, type BuildOptions } from './build.js';
import { listInputs, outputBases, removeStaleTemps, samePath } from './files.js';
import { readLimits } from './limits.js';
import { inputFiles } from './same-file.js';
import { describeChanges } from './watch-summary.js';
import { builtLine } from './progress.js';

export const WATCH_HELP = `  watch   Build every file in DIR (default ./input) into OUT (default ./output), then
          rebuild an input's outputs whenever it changes, with one line saying what changed
          in its content: tsag watch [DIR] [-o OUT] [--formats LIST] [--lang CODE] [--quiet]
          Ctrl-C stops it (exit 0).
`;

/** How long a file must stay quiet before it is rebuilt. */
export const DEBOUNCE_MS = 200;

/**
 * Names that are no input: hidden files (and our own `.name.pid.hex.tmp`), Word's lock files
 * (`~$008C.docx`), editors' backups and swap files, and partial downloads.
 */
const IGNORED: readonly RegExp[] = [/^\./u, /^~\$/u, /~$/u, /^#.*#$/u, /\.(?:tmp|temp|swp|swo|swx|bak|part|crdownload)$/iu];

export function isIgnored(name: string): boolean {
  return IGNORED.some((pattern) => pattern.test(name));
}

export interface WatchIo {
  out(line: string): void;
  err(line: string): void;
}

export async function runWatch(args: string[], io: WatchIo, formatWarning: (w: Warning) => string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: OUTPUT_OPTIONS,
  });
  if (positionals.length > 1) throw new Error(`watch takes one folder (got ${positionals.length})`);
  const dir = positionals[0] ?? 'input';
  const options: BuildOptions = {
    outDir: values.out ?? 'output',
    formats: values.formats ? parseFormats(values.formats) : OUTPUT_FORMATS,
    ...(values.lang ? { language: values.lang } : {}),
    ...readLimits(values),
  };
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new InputError(dir, '', 'no such folder');
  if (!info.isDirectory()) throw new InputError(dir, '', 'not a folder: watch takes a folder of inputs');
  if (samePath(dir, options.outDir)) throw new Error(`the output folder cannot be the watched folder ${dir}: its outputs would be taken as inputs`);
  await removeStaleTemps(options.outDir);

  const watcher = new Watcher(dir, options, io, values.quiet ? undefined : formatWarning);
  return await watcher.run();
}

class Watcher {
  /** The last model built from each input, by path. */
  private readonly models = new Map<string, QuestionsDocument>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly dir: string,
    private readonly options: BuildOptions,
    private readonly io: WatchIo,
    private readonly formatWarning: ((w: Warning) => string) | undefined,
  ) {}

  async run(): Promise<number> {
    let failure: string | undefined;
    let stop = () => {};
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    // Watch before the first build, so that a change made during it is not missed.
    const watcher: FSWatcher = watchFolder(this.dir, (_event, name) => this.changed(name === null ? null : String(name)));
    watcher.on('error', (error) => {
      failure = describeError(this.dir, error);
      stop();
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const inputs = (await listInputs(this.dir)).filter((path) => !isIgnored(basename(path)));
      for (const path of inputs) this.enqueue(path);
      this.enqueue(async () => this.io.err(`watching ${this.dir} for changes (Ctrl-C to stop)`));
      await stopped;
    } finally {
      this.stopped = true;
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      watcher.close();
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
      await this.queue;
    }
    if (failure) {
      this.io.err(failure);
      return 2;
    }
    return 0;
  }

  /** A file event: rebuild that file once it has been quiet for a while (every file, when the name is not known). */
  private changed(name: string | null): void {
    if (this.stopped) return;
    if (name === null) {
      void listInputs(this.dir).then((paths) => paths.forEach((path) => this.changed(basename(path))), () => undefined);
      return;
    }
    if (isIgnored(name)) return;
    const path = join(this.dir, name);
    clearTimeout(this.timers.get(path));
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        this.enqueue(path);
      }, DEBOUNCE_MS),
    );
  }

  /** Builds run one after another, never two at once. */
  private enqueue(job: string | (() => Promise<void>)): void {
    const run = typeof job === 'string' ? () => this.rebuild(job) : job;
    this.queue = this.queue.then(run).catch((error: unknown) => this.io.err(describeError(this.dir, error)));
  }

  private async rebuild(path: string): Promise<void> {
    if (this.stopped) return;
    if (!(await isFile(path))) {
      if (this.models.delete(path)) this.io.err(`${path}: removed; its outputs are left as they are`);
      return;
    }
    // Output names depend on the other inputs (`008C.txt` beside `008C.docx`), so ask afresh.
    const inputs = (await listInputs(this.dir)).filter((input) => !isIgnored(basename(input)));
    const index = inputs.findIndex((input) => samePath(input, path));
    const base = outputBases(inputs)[index];
    if (base === undefined) return;
    // The model the outputs were built from, not a second read that could see a newer file.
    const { result, model } = await buildWithModel(path, base, await inputFiles(inputs), this.options);
    if (!result.ok || model === undefined) {
      this.io.err(result.ok ? `${path}: internal error: no model` : result.error);
      return;
    }
    if (this.formatWarning) for (const w of result.warnings) this.io.err(this.formatWarning(w));
    const previous = this.models.get(path);
    this.models.set(path, model);
    if (!previous) {
      this.io.out(builtLine(path, result.questions, result.outputs));
      return;
    }
    const { diffEditions } = await import('../diff/index.js');
    this.io.out(`${path}: ${describeChanges(diffEditions(previous, model), { old: previous, new: model })}`);
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
