import { mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderRelation, realFolder, relationOf } from '../../src/cli/folders.js';

describe('relationOf: two real paths', () => {
  it('same, inside, contains, apart; a shared name prefix is not containment', () => {
    expect(relationOf('/a/in', '/a/in')).toBe('same');
    expect(relationOf('/a/in/out', '/a/in')).toBe('inside');
    expect(relationOf('/a', '/a/in')).toBe('contains');
    expect(relationOf('/a/in2', '/a/in')).toBe('apart');
    expect(relationOf('/a/..in', '/a/in')).toBe('apart');
    expect(relationOf('/', '/a')).toBe('contains');
  });
});

/** A scratch folder holding `in/` and, through links, other names for it. */
function scratch(): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'tsag-folders-')));
  mkdirSync(join(root, 'in'));
  mkdirSync(join(root, 'elsewhere'));
  symlinkSync('in', join(root, 'outlink'));
  symlinkSync(join(root, 'in', 'not-yet'), join(root, 'dangling'));
  symlinkSync('loop-b', join(root, 'loop-a'));
  symlinkSync('loop-a', join(root, 'loop-b'));
  return root;
}

describe('folderRelation: by the folders on disk, whatever names them', () => {
  const root = scratch();
  const at = (path: string) => join(root, path);

  it('sees through links, `.` and `..`', async () => {
    expect(await folderRelation(at('outlink'), at('in'))).toBe('same');
    expect(await folderRelation(at('elsewhere/../in/.'), at('in'))).toBe('same');
    expect(await folderRelation(at('outlink/sub'), at('in'))).toBe('inside');
    expect(await folderRelation(root, at('outlink'))).toBe('contains');
    expect(await folderRelation(at('elsewhere'), at('outlink'))).toBe('apart');
  });

  it('places a folder not made yet where it would be made, through a dangling link too', async () => {
    expect(await realFolder(at('outlink/a/b'))).toBe(at('in/a/b'));
    expect(await folderRelation(at('outlink/a/b'), at('in'))).toBe('inside');
    expect(await realFolder(at('dangling'))).toBe(at('in/not-yet'));
    expect(await folderRelation(at('dangling/x'), at('in'))).toBe('inside');
    expect(await folderRelation(at('new/out'), at('in'))).toBe('apart');
  });

  it('fails on a link loop (ELOOP) rather than going round', async () => {
    await expect(realFolder(at('loop-a/x'))).rejects.toMatchObject({ code: 'ELOOP' });
  });
});
