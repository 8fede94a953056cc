/**
 * "The same file" is the file system's notion, not a path string's: two paths name one file
 * when `stat` (links followed) gives the same device and inode. A symbolic link, a hard link,
 * `./in/../in/x.txt` or a bind mount all reach one file, and none of them may ever be written
 * over while it is an input.
 */
import { stat } from 'node:fs/promises';

/** The identity of a file: device and inode, as bigints (inodes pass 2^53 on some systems). */
export interface FileId {
  dev: bigint;
  ino: bigint;
}

/** The identity of what `path` reaches (links followed); undefined when there is nothing there. */
export async function fileId(path: string): Promise<FileId | undefined> {
  try {
    const info = await stat(path, { bigint: true });
    return { dev: info.dev, ino: info.ino };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Nothing there (or a dangling or looping link): nothing that could be an input either.
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP') return undefined;
    throw error;
  }
}

export function sameId(a: FileId, b: FileId): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * The inputs of a run, by identity: what no output may be written over. Plain data (a Map of
 * `dev:ino` to the path given), so that it crosses to a build worker as it is.
 */
export interface InputFiles {
  byId: ReadonlyMap<string, string>;
}

function key(id: FileId): string {
  return `${id.dev}:${id.ino}`;
}

/** Inputs that do not exist are left out: reading them fails on its own. */
export async function inputFiles(paths: readonly string[]): Promise<InputFiles> {
  const byId = new Map<string, string>();
  for (const path of paths) {
    const id = await fileId(path);
    if (id && !byId.has(key(id))) byId.set(key(id), path);
  }
  return { byId };
}

/** The input that writing `output` would replace, through whatever path or link reaches it. */
export async function inputAt(inputs: InputFiles, output: string): Promise<string | undefined> {
  const id = await fileId(output);
  return id ? inputs.byId.get(key(id)) : undefined;
}
