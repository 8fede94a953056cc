/**
 * How two folders stand to each other on disk, whatever paths name them: `tsag watch` refuses
 * an output folder that is, contains or is inside the watched folder, because its outputs
 * would be taken as inputs and rebuilt forever (`watch in -o outlink` with `outlink → in`).
 *
 * Identity is the folder's real path: every link followed (fs.realpath). A folder that does not
 * exist yet is where it would be created: the real path of its nearest existing ancestor with the
 * rest of the path appended, a dangling link followed to where it points.
 */
import { readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export type FolderRelation = 'same' | 'inside' | 'contains' | 'apart';

/** How folder `a` stands to folder `b`: the same folder, inside it, containing it, or apart. */
export async function folderRelation(a: string, b: string): Promise<FolderRelation> {
  return relationOf(await realFolder(a), await realFolder(b));
}

/** The relation of two real, absolute paths. Pure. */
export function relationOf(a: string, b: string): FolderRelation {
  if (a === b) return 'same';
  if (isUnder(a, b)) return 'inside';
  if (isUnder(b, a)) return 'contains';
  return 'apart';
}

/** `child` is strictly below `parent` (both real and absolute). */
function isUnder(child: string, parent: string): boolean {
  const path = relative(parent, child);
  return path !== '' && path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

/** The kernel's own limit on links followed in one lookup (Linux MAXSYMLINKS). */
const MAX_LINKS = 40;

/**
 * Where `path` is or would be created, every link followed. Throws ELOOP past MAX_LINKS links,
 * and any error other than "not there" (EACCES on an ancestor, …).
 */
export async function realFolder(path: string, links = 0): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  // Not there: a dangling link (mkdir would create its target, or fail), or a missing name.
  const target = await readlink(absolute).catch(() => undefined);
  if (target !== undefined) {
    if (links >= MAX_LINKS) throw Object.assign(new Error(`${path}: too many levels of symbolic links`), { code: 'ELOOP', path });
    return realFolder(resolve(dirname(absolute), target), links + 1);
  }
  const parent = dirname(absolute);
  if (parent === absolute) return absolute;
  return join(await realFolder(parent, links), basename(absolute));
}
