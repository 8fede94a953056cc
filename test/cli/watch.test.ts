import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isIgnored } from '../../src/cli/watch.js';
import { describeChanges } from '../../src/diff/one-line.js';
import { diffEditions } from '../../src/diff/index.js';
import { readDocument } from '../../src/readers/index.js';
import { fromRoot } from '../helpers/paths.js';
import { lines } from '../helpers/lines.js';
import { CLI } from '../helpers/run-cli.js';

const read = async (path: string) => (await readDocument(readFileSync(fromRoot(path)), path)).value;

describe('describeChanges: one line of what changed', () => {
  it('names the edits of 008C-edited, weightiest first, five at most', async () => {
    const old = await read('input/008C.txt');
    const neu = await read('fixtures/008C-edited/008C-edited.txt');
    const diff = diffEditions(old, neu);
    expect(describeChanges(diff, { old, new: neu })).toBe(
      'Question 8/20 added, title of 3/20 changed, 1 paragraph changed in A.1, 1 item added in A.2, SDG 12 added in A.4, and 3 more',
    );
    // Without the editions, a section is named by its key.
    expect(describeChanges(diff)).toContain('1 paragraph changed in motivation of 1/20');
    // The other way round, as watch prints when the edits are undone.
    expect(describeChanges(diffEditions(neu, old), { old: neu, new: old })).toBe(
      'Question 8/20 removed, title of 3/20 changed, 1 paragraph changed in A.1, 1 item removed in A.2, SDG 12 removed in A.4, and 3 more',
    );
  });

  it('counts changes of one kind in one section as one clause', async () => {
    const old = await read('input/008C.txt');
    const neu = structuredClone(old);
    const list = neu.questions[0]!.sections[1]!.blocks.find((block) => block.type === 'list');
    if (list?.type !== 'list') throw new Error('A.2 has no list');
    list.items.push(
      { content: [{ type: 'text', value: '如何保护隐私？' }], children: [] },
      { content: [{ type: 'text', value: '如何保护数据？' }], children: [] },
    );
    neu.questions[1]!.title = '新的标题';
    expect(describeChanges(diffEditions(old, neu), { old, new: neu })).toBe('title of 2/20 changed, 2 items added in A.2');
  });

  it('says so when nothing changed in the content (only extraction noise and line endings)', async () => {
    const source = readFileSync(fromRoot('input/008C.txt'), 'utf8');
    const noisy = source.replace(/_Toc(\d+)/gu, '_Toc9$1').replace(/\n/gu, '\r\n');
    const diff = diffEditions(await read('input/008C.txt'), (await readDocument(new TextEncoder().encode(noisy), 'noisy.txt')).value);
    expect(diff.metadata.length).toBeGreaterThan(0);
    expect(describeChanges(diff)).toBe('no content change');
  });
});

describe('watch ignores what is no input', () => {
  it('hidden files, our temporary outputs, lock, backup and swap files', () => {
    const ignored = ['.008C.txt.swp', '.008C.json.123.0a1b2c3d.tmp', '~$008C.docx', '008C.txt~', '#008C.txt#', '008C.docx.part', 'x.tmp'];
    expect(ignored.filter((name) => !isIgnored(name))).toEqual([]);
    expect(['008C.txt', '008C.docx', '008C-edited.txt', 'notes.md'].filter(isIgnored)).toEqual([]);
  });
});

describe.skipIf(!existsSync(CLI))('tsag watch (end to end)', () => {
  it('builds at start, rebuilds an edited input with a line naming the change, and stops on SIGINT with exit 0', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tsag-watch-'));
    mkdirSync(join(root, 'in'));
    copyFileSync(fromRoot('input/008C.txt'), join(root, 'in/008C.txt'));
    const child = spawn(process.execPath, [CLI, 'watch', 'in', '-o', 'out', '--formats', 'json,txt'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const out = lines(child.stdout!);
    const err = lines(child.stderr!);
    try {
      expect(await out.waitFor(/^in\/008C\.txt: 7 Questions → /u, 0, 20000)).toBe('in/008C.txt: 7 Questions → out/008C.json, out/008C.txt');
      await err.waitFor(/^watching in for changes/u, 0, 20000);
      expect(readFileSync(join(root, 'out/008C.txt'), 'utf8')).toContain('世界城市人口增长迅速');

      const source = readFileSync(join(root, 'in/008C.txt'), 'utf8');
      writeFileSync(join(root, 'in/008C.txt'), source.replace('世界城市人口增长迅速', '世界城市人口增长很快'));
      const line = await out.waitFor(/^in\/008C\.txt: /u, 1, 20000);
      expect(line).toBe('in/008C.txt: 1 paragraph changed in A.1');
      expect(readFileSync(join(root, 'out/008C.txt'), 'utf8')).toContain('世界城市人口增长很快');

      // A broken input prints its one line, and watching goes on.
      writeFileSync(join(root, 'in/008C.txt'), 'not a Questions text\n');
      expect(await err.waitFor(/^in\/008C\.txt: not a Questions text/u, 0, 20000)).toBeTruthy();
      writeFileSync(join(root, 'in/008C.txt'), source);
      expect(await out.waitFor(/^in\/008C\.txt: /u, 2, 20000)).toBe('in/008C.txt: 1 paragraph changed in A.1');
      expect(out.seen).toHaveLength(3);
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 60000);
});
