import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

/**
 * Writes a file so that it is either the old file or the complete new one, never partial:
 * a temporary file in the same folder (same file system), flushed, then renamed over.
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
