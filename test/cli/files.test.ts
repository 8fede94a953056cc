/**
 * Output safety of src/cli/files.ts: an output is replaced only by a complete new one, and the
 * temporary files a killed run leaves behind are cleaned up by the next run.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { removeStaleTemps, writeFileAtomic } from '../../src/cli/files.js';
import { fromRoot } from '../helpers/paths.js';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tsag-files-'));
}

/** The pid of a process that has ended (pids are not reused at once). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an old one, leaving no temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'sub', 'a.json');
    await writeFileAtomic(path, new TextEncoder().encode('one'));
    expect(readFileSync(path, 'utf8')).toBe('one');
    await writeFileAtomic(path, new TextEncoder().encode('two'));
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['a.json']);
  });

  it('never lets a reader see a partial file: it sees the old one, then the complete new one', async () => {
    const dir = tempDir();
    const path = join(dir, 'big.json');
    const old = Buffer.alloc(4 * 1024 * 1024, 'a');
    const next = Buffer.alloc(16 * 1024 * 1024, 'b');
    writeFileSync(path, old);
    let done = false;
    const seen = new Set<string>();
    const temps = new Set<string>();
    const writing = writeFileAtomic(path, next).finally(() => (done = true));
    while (!done) {
      const bytes = readFileSync(path);
      seen.add(bytes.equals(old) ? 'old' : bytes.equals(next) ? 'new' : `partial (${bytes.length} bytes)`);
      for (const name of readdirSync(dir)) if (name !== 'big.json') temps.add(name);
      await tick();
    }
    await writing;
    expect([...seen].filter((s) => s !== 'old' && s !== 'new')).toEqual([]);
    expect(readFileSync(path).equals(next)).toBe(true);
    // The temporary file lives beside the output (same file system, so the rename is atomic).
    for (const name of temps) expect(name).toMatch(new RegExp(`^\\.big\\.json\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(readdirSync(dir)).toEqual(['big.json']);
  });

  it('removes its temporary file when the rename fails, and leaves the target alone', async () => {
    const dir = tempDir();
    const target = join(dir, 'out.json');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(readdirSync(target)).toEqual(['keep']);
  });

  it('killed in the middle of a write, leaves the old file and at most its temporary file', async () => {
    const dir = tempDir();
    const path = join(dir, 'out.json');
    writeFileSync(path, 'OLD');
    // A child that writes 128 MiB atomically and says when it starts: killed mid-write.
    const script = `
      const { writeFileAtomic } = await import(${JSON.stringify(fromRoot('dist/cli/files.js'))});
      const data = Buffer.alloc(128 * 1024 * 1024, 'n');
      process.stdout.write('start\\n');
      await writeFileAtomic(${JSON.stringify(path)}, data);
      process.stdout.write('done\\n');`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('start'))
          setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 20);
      });
    });
    await new Promise((resolve) => child.on('close', resolve));
    expect(out).not.toContain('done');
    expect(readFileSync(path, 'utf8')).toBe('OLD');
    const others = readdirSync(dir).filter((name) => name !== 'out.json');
    for (const name of others) expect(name).toMatch(new RegExp(`^\\.out\\.json\\.${child.pid}\\.[0-9a-f]{8}\\.tmp$`));
    // The next run cleans up after it.
    expect(await removeStaleTemps(dir)).toEqual(others);
    expect(readdirSync(dir)).toEqual(['out.json']);
  }, 30_000);
});

describe('removeStaleTemps', () => {
  it('removes the temporary files of dead processes only, and nothing else', async () => {
    const dir = tempDir();
    const dead = deadPid();
    const stale = [`.008C.json.${dead}.0123abcd.tmp`, `.008C.docx.${dead}.ffffffff.tmp`];
    const keep = [
      `.008C.md.${process.pid}.0123abcd.tmp`, // ours: still being written
      '.008C.txt.1.0123abcd.tmp', // pid 1 is always running
      '008C.json',
      '.hidden',
      `.x.${dead}.xyz.tmp`, // not our naming
      `008C.json.${dead}.0123abcd.tmp`, // not hidden: not ours either
    ];
    for (const name of [...stale, ...keep]) writeFileSync(join(dir, name), 'x');
    expect(await removeStaleTemps(dir)).toEqual([...stale].sort());
    expect(readdirSync(dir).sort()).toEqual([...keep].sort());
  });

  it('finds nothing in a folder that does not exist', async () => {
    expect(await removeStaleTemps(join(tempDir(), 'nope'))).toEqual([]);
  });

  it('is run by tsag build on its output folder, with a warning unless --quiet', () => {
    const dir = tempDir();
    const stale = `.008C.json.${deadPid()}.0123abcd.tmp`;
    writeFileSync(join(dir, stale), 'partial');
    const run = (args: string[]) =>
      spawnSync(process.execPath, [fromRoot('dist/cli/main.js'), 'build', fromRoot('input/008C.txt'), '-o', dir, '--formats', 'json', ...args], {
        encoding: 'utf8',
      });
    const first = run([]);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe(`${dir}: warning: removed 1 temporary file(s) left by an interrupted run: ${stale} [output.staleTemp]\n`);
    expect(existsSync(join(dir, stale))).toBe(false);
    writeFileSync(join(dir, stale), 'partial');
    expect(run(['--quiet']).stderr).toBe('');
    // The batch index (`index.json`) may sit beside the output.
    expect(readdirSync(dir).filter((name) => name !== 'index.json')).toEqual(['008C.json']);
  });
});
