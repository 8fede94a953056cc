/**
 * `DIR/index.json`: the editions built into an output folder, whatever run built them. Each
 * run merges its editions into what is there, under a lock, so that two builds into one
 * folder at once both end up in it, and an edition is listed only while all its outputs are
 * there. Deterministic: no times, editions sorted by their first output.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isRunning, makeFolder, outputError, OutputError, writeFileAtomic } from './files.js';
import type { InputFiles } from './same-file.js';

/** The batch index, written beside the outputs; no input may take its name. */
export const INDEX_FILE = 'index.json';
/** Hidden, so never taken as an input; holds the pid of the run that writes the index. */
const LOCK_FILE = `.${INDEX_FILE}.lock`;
/** How long a run waits for another's lock before it gives up (an index is written in ms). */
const LOCK_WAIT_MS = 10_000;

/** One edition in `index.json`: what was built from which input. */
export interface EditionEntry {
  file: string;
  language: string;
  studyGroups: number[];
  questions: string[];
  sha256: string;
  /** Names of the outputs, in the output folder. */
  outputs: string[];
}

/**
 * The editions of the index after a run: those already listed that this run did not rebuild
 * (no output in common with a new one) and whose outputs are all still there, and the new.
 */
export function mergeEditions(old: readonly EditionEntry[], built: readonly EditionEntry[], exists: (name: string) => boolean): EditionEntry[] {
  const rebuilt = new Set(built.flatMap((e) => e.outputs));
  const kept = old.filter((e) => e.outputs.length > 0 && e.outputs.every((o) => !rebuilt.has(o) && exists(o)));
  const first = (e: EditionEntry) => e.outputs[0] ?? '';
  return [...kept, ...built].sort((a, b) => (first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : 0));
}

export function renderIndex(editions: readonly EditionEntry[]): string {
  return `${JSON.stringify({ editions }, null, 2)}\n`;
}

/** The editions an index lists; anything that is not an index of ours lists none. */
export function parseIndex(text: string): EditionEntry[] {
  try {
    const value = JSON.parse(text) as { editions?: unknown };
    if (!Array.isArray(value.editions)) return [];
    return value.editions.filter(isEntry);
  } catch {
    return [];
  }
}

function isEntry(value: unknown): value is EditionEntry {
  const e = value as Partial<EditionEntry> | null;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.file === 'string' &&
    typeof e.language === 'string' &&
    typeof e.sha256 === 'string' &&
    Array.isArray(e.studyGroups) &&
    Array.isArray(e.questions) &&
    Array.isArray(e.outputs) &&
    e.outputs.every((o) => typeof o === 'string' && !o.includes('/') && !o.includes('\\'))
  );
}

/**
 * Merges `built` into `DIR/index.json` under the folder's lock and returns the index path.
 * The index is written atomically and never over an input.
 */
export async function writeIndex(built: readonly EditionEntry[], outDir: string, inputs: InputFiles): Promise<string> {
  const path = join(outDir, INDEX_FILE);
  const release = await lock(outDir);
  try {
    const old = parseIndex(await readFile(path, 'utf8').catch(() => ''));
    const present = new Set<string>();
    for (const name of new Set(old.flatMap((e) => e.outputs))) {
      if (
        await stat(join(outDir, name)).then(
          (s) => s.isFile(),
          () => false,
        )
      )
        present.add(name);
    }
    const editions = mergeEditions(old, built, (name) => present.has(name));
    await writeFileAtomic(path, new TextEncoder().encode(renderIndex(editions)), inputs);
    return path;
  } finally {
    await release();
  }
}

/** Takes the folder's index lock (O_EXCL), waiting for a live holder, breaking a dead one's. */
async function lock(outDir: string): Promise<() => Promise<void>> {
  const path = join(outDir, LOCK_FILE);
  await makeFolder(outDir);
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw outputError(join(outDir, INDEX_FILE), error);
    }
    const holder = Number(await readFile(path, 'utf8').catch(() => ''));
    // A holder that died (or a lock still empty, being written): dead ones are broken at once.
    if (holder > 0 && !isRunning(holder)) {
      await rm(path, { force: true });
      continue;
    }
    if (Date.now() > deadline) throw new OutputError(join(outDir, INDEX_FILE), `cannot write: locked by process ${holder} (${path})`);
    await sleep(20 + Math.floor(Math.random() * 30));
  }
}
