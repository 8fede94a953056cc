/**
 * `tsag watch [DIR] [-o OUT]`: builds every input of DIR once, then rebuilds the outputs of
 * any input that changes, and prints one line per rebuild saying what changed in the content
 * since the previous build (src/diff/one-line.ts), from the diff of the two models; the
 * previous model of each input is kept in memory.
 *
 * Events are debounced per file (editors save in several writes, or write a temporary file
 * and rename it over), then the file is looked at afresh: still there, it is rebuilt; gone, it
 * is forgotten. Hidden files (our own temporary outputs among them) and editors' temporary
 * and lock files are ignored. Builds run on worker threads (./watch-pool.ts), several at once
 * (./watch-queue.ts), so that a slow input holds up neither the others nor Ctrl-C; outputs are
 * written atomically as by `tsag build`. A failing input prints its one line and watching goes
 * on. A folder deleted and made again is watched again (./watch-folder.ts). SIGINT or SIGTERM
 * ends the builds in progress, removes their temporary files and exits 0.
 *
 * An output folder that is, contains or is inside the watched folder, through whatever path or
 * link, is refused (./folders.ts): outputs written into the watched folder would be rebuilt
 * forever. Names and document text are printed with control characters escaped.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { QuestionsDocument } from '../model/document.js';
import { InputError, type Warning } from '../model/result.js';
import { DEFAULT_FORMATS } from '../writers/index.js';
import { describeError, OUTPUT_OPTIONS, parseFormats, type BuildOptions } from './build.js';
import { listInputs, outputBases, removeOwnTemps, removeStaleTemps, samePath } from './files.js';
import { escapeControls } from '../model/printable.js';
import { folderRelation, type FolderRelation } from './folders.js';
import { readLimits } from './limits.js';
import { inputFiles } from './same-file.js';
import { moreWarningsLine } from './warnings.js';
import { builtLine } from './progress.js';
import { FolderWatch } from './watch-folder.js';
import { WorkerPool } from './watch-pool.js';
import { BuildQueue } from './watch-queue.js';
import type { WatchJob, WatchReply } from './watch-job.js';

export const WATCH_HELP = `  watch   Build every file in DIR (default ./input) into OUT (default ./output), then
          rebuild an input's outputs whenever it changes, with one line saying what changed
          in its content: tsag watch [DIR] [-o OUT] [--formats LIST] [--lang CODE] [--quiet]
          OUT may not be DIR, nor be inside it or contain it. Ctrl-C stops it (exit 0).
`;

/**
 * How long a file must stay quiet before it is rebuilt. Each event starts the wait again, so a
 * save made of several writes, or of a temporary file renamed over, is one rebuild as long as
 * its steps follow each other within this time (Word, LibreOffice and editors' atomic saves take
 * a few milliseconds); a file read while still being written fails in one line, and the next
 * write rebuilds it. 100 ms keeps a save to rewritten outputs under 300 ms (npm run bench).
 */
export const DEBOUNCE_MS = 100;

/**
 * Builds at once: one per core, but at least two, so that on one core a slow input still
 * leaves a worker for the others.
 */
export const BUILDS_AT_ONCE = Math.max(2, availableParallelism());

/**
 * Names that are no input: hidden files (and our own `.name.pid.hex.tmp`), Word's lock files
 * (`~$008C.docx`), editors' backups and swap files, and partial downloads.
 */
const IGNORED: readonly RegExp[] = [/^\./u, /^~\$/u, /~$/u, /^#.*#$/u, /\.(?:tmp|temp|swp|swo|swx|bak|part|crdownload)$/iu];

export function isIgnored(name: string): boolean {
  return IGNORED.some((pattern) => pattern.test(name));
}

/** Why an output folder cannot serve a watched one; undefined when it can. */
export function outputClash(relation: FolderRelation, dir: string, out: string): string | undefined {
  const [d, o] = [escapeControls(dir), escapeControls(out)];
  const why = {
    same: `is the watched folder ${d}`,
    inside: `is inside the watched folder ${d}`,
    contains: `contains the watched folder ${d}`,
    apart: undefined,
  }[relation];
  return why && `watch: the output folder ${o} ${why}: outputs would be taken as inputs; choose another -o`;
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
    formats: values.formats !== undefined ? parseFormats(values.formats) : DEFAULT_FORMATS,
    ...(values.lang ? { language: values.lang } : {}),
    ...readLimits(values),
  };
  const info = await stat(dir).catch(() => undefined);
  if (!info) throw new InputError(dir, '', 'no such folder', 'input.file');
  if (!info.isDirectory()) throw new InputError(dir, '', 'not a folder: watch takes a folder of inputs', 'input.file');
  const clash = outputClash(await relationOf(options.outDir, dir), dir, options.outDir);
  if (clash) throw new Error(clash);
  await removeStaleTemps(options.outDir);

  const watcher = new Watcher(dir, options, io, values.quiet ? undefined : formatWarning);
  return await watcher.run();
}

/** folderRelation, its failures (a link loop, a folder not readable) told in one line. */
async function relationOf(out: string, dir: string): Promise<FolderRelation> {
  try {
    return await folderRelation(out, dir);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`watch: cannot tell where the output folder ${escapeControls(out)} is: ${why}`);
  }
}

class Watcher {
  /** The last model built from each input, by path. */
  private readonly models = new Map<string, QuestionsDocument>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly queue = new BuildQueue(BUILDS_AT_ONCE);
  private readonly pool = new WorkerPool<WatchJob, WatchReply>(new URL('./watch-worker.js', import.meta.url));
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
    const folder = new FolderWatch(this.dir, {
      change: (name) => this.changed(name),
      gone: () => this.err(`${this.dir}: the watched folder is gone; waiting for it to come back`),
      reattached: () => {
        this.err(`${this.dir}: the watched folder is back; watching it again`);
        void this.requestAll();
      },
      failed: (error) => {
        failure = describeError(this.dir, error);
        stop();
      },
    });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      // Watch before the first build, so that a change made during it is not missed.
      await folder.start();
      this.err(`watching ${this.dir} for changes (Ctrl-C to stop)`);
      await this.requestAll();
      await stopped;
    } finally {
      this.stopped = true;
      process.removeListener('SIGINT', stop);
      process.removeListener('SIGTERM', stop);
      folder.close();
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
      this.queue.clear();
      // Builds in progress end here, mid-write maybe: outputs are renamed into place whole, so
      // only their temporary files can be left, and those are ours to remove.
      await this.pool.close();
      await removeOwnTemps(this.options.outDir);
    }
    if (failure) {
      this.err(failure);
      return 2;
    }
    return 0;
  }

  private out(line: string): void {
    this.io.out(escapeControls(line));
  }

  private err(line: string): void {
    this.io.err(escapeControls(line));
  }

  /** Every input of the folder, built (at start, and when the folder is back). */
  private async requestAll(): Promise<void> {
    try {
      for (const path of await this.inputs()) this.request(path);
    } catch (error) {
      this.err(describeError(this.dir, error));
    }
  }

  private async inputs(): Promise<string[]> {
    return (await listInputs(this.dir)).filter((path) => !isIgnored(basename(path)));
  }

  /** A file event: rebuild that file once it has been quiet for a while (every file, when the name is not known). */
  private changed(name: string | null): void {
    if (this.stopped) return;
    if (name === null) {
      void this.requestAll();
      return;
    }
    if (isIgnored(name)) return;
    const path = join(this.dir, name);
    clearTimeout(this.timers.get(path));
    this.timers.set(
      path,
      setTimeout(() => {
        this.timers.delete(path);
        this.request(path);
      }, DEBOUNCE_MS),
    );
  }

  private request(path: string): void {
    if (this.stopped) return;
    this.queue.request(path);
    this.startBuilds();
  }

  /** Starts as many waiting builds as there are free slots; each, when done, looks for more. */
  private startBuilds(): void {
    for (let path = this.queue.take(); path !== undefined; path = this.queue.take()) {
      const input = path;
      void this.rebuild(input)
        .catch((error: unknown) => this.stopped || this.err(describeError(input, error)))
        .finally(() => {
          this.queue.done(input);
          if (!this.stopped) this.startBuilds();
        });
    }
  }

  private async rebuild(path: string): Promise<void> {
    if (!(await isFile(path))) {
      if (this.models.delete(path)) this.err(`${path}: removed; its outputs are left as they are`);
      return;
    }
    // Output names depend on the other inputs (`008C.txt` beside `008C.docx`), so ask afresh.
    const inputs = await this.inputs();
    const index = inputs.findIndex((input) => samePath(input, path));
    const base = outputBases(inputs)[index];
    if (base === undefined || this.stopped) return;
    const previous = this.models.get(path);
    const job = { index, input: path, base, inputs: await inputFiles(inputs), options: this.options };
    const answer = await this.pool.run({ job, ...(previous ? { previous } : {}) });
    if (this.stopped) return;
    if (!answer.ok) {
      this.err(`${path}: the build stopped: ${answer.why}`);
      return;
    }
    const { result, model, summary, moreWarnings } = answer.reply;
    if (!result.ok || model === undefined) {
      this.err(result.ok ? `${path}: the build gave no model` : result.error);
      return;
    }
    if (this.formatWarning) for (const w of result.warnings) this.err(this.formatWarning(w));
    if (this.formatWarning && moreWarnings > 0) this.err(moreWarningsLine(path, moreWarnings));
    this.models.set(path, model);
    this.out(summary === undefined ? builtLine(path, result.questions, result.outputs) : `${path}: ${summary}`);
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
