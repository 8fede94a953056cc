import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

/**
 * Writes a file so that it is either the old file or the complete new one, never partial:
 * a temporary file in the same folder (same file system), flushed, then renamed over.
 * The temporary file is `.<name>.<pid>.<8 hex>.tmp`: hidden, so never taken as an input, and
 * named after its process, so that `removeStaleTemps` knows when it is an orphan.
 */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
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

/** Signal 0 tests for a process without touching it; EPERM means it exists but is not ours. */
function isRunning(pid: number): boolean {
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
    if ((await stat(path)).isFile()) files.push(path);
  }
  return files;
}

/** `input/008C.txt` → `008C`. */
export function stem(file: string): string {
  return basename(file, extname(file));
}

/**
 * Output base names for a batch: `<stem>` when the stem is unique in the batch; otherwise every
 * input after the first with that stem keeps its extension (`008C.txt` → `008C.txt`, giving
 * `008C.txt.json`), so that two renditions of one edition never overwrite each other.
 */
export function outputBases(inputs: readonly string[]): string[] {
  const seen = new Set<string>();
  return inputs.map((input) => {
    const base = stem(input);
    if (!seen.has(base)) {
      seen.add(base);
      return base;
    }
    return basename(input);
  });
}

export function samePath(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
