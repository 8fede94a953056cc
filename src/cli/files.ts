import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError } from '../model/result.js';
import { inputAt, type InputFiles } from './same-file.js';

/** One file to write: where, and its bytes. */
export interface OutputFile {
  path: string;
  data: Uint8Array;
}

/**
 * A failure to write an output, named by the output, not by the input it was built from:
 * `out/008C.json: cannot write: no space left on the device`. An InputError, so that the CLI
 * prints it as the one line it is.
 */
export class OutputError extends InputError {
  constructor(path: string, reason: string) {
    super(path, '', reason, 'output.write');
  }
}

/** What the system's error codes mean to someone writing outputs. */
const OUTPUT_REASONS: Readonly<Record<string, string>> = {
  EEXIST: 'a file is in the way of the output folder',
  ENOTDIR: 'a file is in the way of the output folder',
  EISDIR: 'a folder is in the way of the output file',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENOENT: 'its folder does not exist',
  EMFILE: 'too many open files',
  EIO: 'input/output error of the device',
};

/** Turns a system error met while writing `path` into an OutputError; anything else is rethrown. */
export function outputError(path: string, error: unknown): unknown {
  if (error instanceof InputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : OUTPUT_REASONS[code];
  return reason === undefined ? error : new OutputError(path, `cannot write: ${reason}`);
}

/** Like `mkdir -p`, with a failure named by the folder. */
export async function makeFolder(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw outputError(dir, error);
  }
}

/**
 * Writes a file so that it is either the old file or the complete new one, never partial:
 * a temporary file in the same folder (same file system), flushed, then renamed over.
 * The temporary file is `.<name>.<pid>.<8 hex>.tmp`: hidden, so never taken as an input, and
 * named after its process, so that `removeStaleTemps` knows when it is an orphan.
 */
export async function writeFileAtomic(path: string, data: Uint8Array, inputs?: InputFiles): Promise<void> {
  await writeFilesAtomic([{ path, data }], inputs);
}

/**
 * Writes a set of files together: every one to its temporary file first, and only when all
 * are complete and flushed are they renamed into place. A failure while writing (a full
 * disk, say) removes the temporary files and leaves the old set whole. Just before the
 * renames, no target may be one of `inputs` (by identity, ./same-file.ts): whatever path or
 * link reaches an input, it is never replaced.
 */
export async function writeFilesAtomic(files: readonly OutputFile[], inputs?: InputFiles): Promise<void> {
  const temps: string[] = [];
  const targets: string[] = [];
  try {
    for (const file of files) {
      const target = await resolveTarget(file.path);
      targets.push(target);
      const dir = dirname(target);
      await makeFolder(dir);
      const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      temps.push(temp);
      await writeTemp(temp, file);
    }
    for (const target of targets) await assertWritable(target, inputs);
    for (const [index, target] of targets.entries()) {
      try {
        await rename(temps[index]!, target);
      } catch (error) {
        throw outputError(target, error);
      }
    }
  } catch (error) {
    for (const temp of temps) await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Where writing `path` lands: the path itself, or, when it is a symbolic link, the file it
 * points to (as a shell's `>` writes through a link, and not the link replaced by a file). A
 * link that loops or points to nothing is refused.
 */
async function resolveTarget(path: string): Promise<string> {
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isSymbolicLink()) return path;
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new OutputError(path, 'cannot write: a symbolic link to nothing');
    throw outputError(path, error);
  }
}

/**
 * Refuses a target that is an input, or that is something other than a regular file: renaming
 * over `/dev/null` or a FIFO would replace it with a file (as root, for everyone).
 */
export async function assertWritable(path: string, inputs?: InputFiles): Promise<void> {
  const input = inputs ? await inputAt(inputs, path) : undefined;
  if (input !== undefined) throw new OutputError(path, `refusing to write: it is the input ${input}`);
  const info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) throw new OutputError(path, 'cannot write: a folder is in the way of the output file');
  if (info && !info.isFile()) throw new OutputError(path, 'refusing to write: not a regular file (a device, FIFO or socket)');
}

async function writeTemp(temp: string, file: OutputFile): Promise<void> {
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(file.data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw outputError(file.path, error);
  }
}

/** A temporary file of `writeFileAtomic`; group 1 is the pid of the process that wrote it. */
const TEMP_NAME = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/u;

/**
 * Removes the temporary files that an interrupted run (killed, or out of power) left in an
 * output folder: those named as `writeFileAtomic` names them whose process is no longer
 * running. A file of a live process (another run writing to the same folder) is left alone.
 * Returns the names removed; a folder that does not exist has none.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.sort()) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Removes the temporary files of this process (its worker threads share its pid) from a
 * folder: a build ended mid-write leaves its temporary file, which removeStaleTemps leaves
 * alone, as it must while the process runs. For a run that is stopping.
 */
export async function removeOwnTemps(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const own = names.filter((name) => TEMP_NAME.exec(name)?.[1] === String(process.pid));
  await Promise.all(own.map((name) => rm(join(dir, name), { force: true })));
}

/** Signal 0 tests for a process without touching it; EPERM means it exists but is not ours. */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  if (!Number.isSafeInteger(pid) || pid < 1 || pid > 0x7fffffff) return false; // no process has it
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The regular files directly inside a folder, sorted, hidden files left out. */
export async function listInputs(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => !name.startsWith('.')).sort();
  const files: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (
      await stat(path).then(
        (info) => info.isFile(),
        () => false,
      )
    )
      files.push(path);
  }
  return files;
}

/**
 * The inputs the command line names: a file as it is, a folder as the files directly inside
 * it (as `tsag build` with no input takes ./input). Anything else is kept as given, so that
 * reading it says what is wrong with it.
 */
export async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const inputs: string[] = [];
  for (const path of paths) {
    const folder = await stat(path).then(
      (info) => info.isDirectory(),
      () => false,
    );
    if (folder) for (const file of await listInputs(path)) inputs.push(file);
    else inputs.push(path);
  }
  return inputs;
}

/** `input/008C.txt` → `008C`. */
export function stem(file: string): string {
  return basename(file, extname(file));
}

/**
 * Output base names for a batch, one per input and never two alike, so that no input's
 * outputs overwrite another's: `<stem>` when the stem is free; otherwise the input keeps its
 * extension (`008C.txt` → `008C.txt`, giving `008C.txt.json`), so that two renditions of one
 * edition stay apart; when that is taken too (`a/x.txt`, `b/x.txt`), a number is added
 * (`x.txt-2`). Names are compared without case: on Windows and macOS `X.json` is `x.json`.
 * `index` is never given: `index.json` is the index of the editions.
 */
export function outputBases(inputs: readonly string[]): string[] {
  // `index` is taken by the index of the editions (index.json).
  const taken = new Set<string>(['index']);
  const take = (base: string) => {
    taken.add(base.toLowerCase());
    return base;
  };
  const free = (base: string) => !taken.has(base.toLowerCase());
  return inputs.map((input) => {
    const base = stem(input);
    if (free(base)) return take(base);
    const full = basename(input);
    if (free(full)) return take(full);
    let n = 2;
    while (!free(`${full}-${n}`)) n++;
    return take(`${full}-${n}`);
  });
}

export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
