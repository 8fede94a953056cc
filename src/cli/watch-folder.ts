/**
 * The watched folder, followed through deletion and re-creation. fs.watch watches an inode: once
 * the folder is deleted it reports nothing more, even when a folder of the same name comes back
 * (Linux may even give the new one the same inode number). So the folder's identity (device,
 * inode and birth time) is looked at every POLL_MS, and at once when the watcher reports an event
 * named like the folder itself or an error: gone, it says so once; back, or another folder in its
 * place, it attaches a new watcher.
 */
import { watch as watchFolder, type FSWatcher, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';

/** How often the folder's identity is looked at: one stat a second costs nothing. */
export const POLL_MS = 1000;

export interface FolderEvents {
  /** A file event in the folder; `null` when the platform does not name the file. */
  change(name: string | null): void;
  /** The folder is gone (told once, until it is back). */
  gone(): void;
  /** A folder is at the path again, watched anew: what it holds is new to the caller. */
  reattached(): void;
  /** The watcher failed while the folder is still there: watching cannot go on. */
  failed(error: unknown): void;
}

/** What makes a folder this folder and not one made later at the same path; undefined when none is there. */
export function identityOf(info: Stats | undefined): string | undefined {
  if (!info?.isDirectory()) return undefined;
  return `${info.dev}:${info.ino}:${info.birthtimeMs}`;
}

export class FolderWatch {
  private watcher: FSWatcher | undefined;
  private identity: string | undefined;
  private poll: NodeJS.Timeout | undefined;
  private checking = false;
  private closed = false;

  constructor(
    private readonly dir: string,
    private readonly events: FolderEvents,
    private readonly interval = POLL_MS,
  ) {}

  /** Starts watching; throws what fs.watch throws when the folder cannot be watched at all. */
  async start(): Promise<void> {
    this.identity = identityOf(await stat(this.dir).catch(() => undefined));
    this.watcher = this.attach();
    this.poll = setInterval(() => void this.check(), this.interval);
  }

  close(): void {
    this.closed = true;
    clearInterval(this.poll);
    this.watcher?.close();
    this.watcher = undefined;
  }

  private attach(): FSWatcher {
    const watcher = watchFolder(this.dir, (_event, name) => {
      const file = name === null ? null : String(name);
      // The folder's own deletion is reported under its own name (as is a file of that name).
      if (file === basename(this.dir)) void this.check();
      this.events.change(file);
    });
    watcher.on('error', (error) => void this.check(error));
    return watcher;
  }

  /** Compares the folder at the path with the one watched; `error` is the watcher's, if it failed. */
  private async check(error?: unknown): Promise<void> {
    if (this.checking || this.closed) return;
    this.checking = true;
    try {
      const now = identityOf(await stat(this.dir).catch(() => undefined));
      if (this.closed) return;
      if (now !== undefined && now === this.identity) {
        if (error !== undefined) this.events.failed(error);
        return;
      }
      this.watcher?.close();
      this.watcher = undefined;
      if (now === undefined) {
        if (this.identity !== undefined) this.events.gone();
        this.identity = undefined;
        return;
      }
      try {
        this.watcher = this.attach();
      } catch {
        return; // gone again between the stat and the watch: the next look tries again
      }
      this.identity = now;
      this.events.reattached();
    } finally {
      this.checking = false;
    }
  }
}
