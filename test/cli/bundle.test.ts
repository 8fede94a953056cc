import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBundle, loadBundledMain } from '../../src/cli/bundle.js';
import { fromRoot } from '../helpers/paths.js';
import { CLI } from '../helpers/run-cli.js';

const BUNDLE = fromRoot('dist/cli/tsag.cjs');
const scratch = mkdtempSync(join(os.tmpdir(), 'tsag-bundle-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function build(out: string, env: Record<string, string>, jobs = 1): void {
  const inputs = ['input/008C.docx', 'input/008C.txt'].map(fromRoot);
  const result = spawnSync(process.execPath, [CLI, 'build', ...inputs, '-o', out, '--jobs', String(jobs), '--quiet'], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

describe('the bundled CLI (npm run build)', () => {
  it('is built, with a code cache this Node accepts', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const script = new Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), { filename: BUNDLE, cachedData: readFileSync(`${BUNDLE}.cache`) });
    expect(script.cachedDataRejected).toBe(false);
  });

  it('writes the same bytes as the modules it was bundled from, in this thread and in workers', () => {
    const modules = join(scratch, 'modules');
    build(modules, { TSAG_NO_BUNDLE: '1' });
    const names = readdirSync(modules).sort();
    expect(names).toContain('008C.docx');
    for (const jobs of [1, 2]) {
      const bundled = join(scratch, `bundled-${jobs}`);
      build(bundled, {}, jobs);
      expect(readdirSync(bundled).sort()).toEqual(names);
      for (const name of names)
        expect(readFileSync(join(bundled, name)).equals(readFileSync(join(modules, name))), `${name}, ${jobs} jobs`).toBe(true);
    }
  });

  it("exports the CLI's main and each worker's job", () => {
    const bundle = loadBundle(BUNDLE);
    expect(Object.keys(bundle ?? {}).sort()).toEqual(['buildOne', 'main', 'readJob', 'watchBuild']);
    for (const job of Object.values(bundle ?? {})) expect(typeof job).toBe('function');
  });
});

describe('loadBundledMain', () => {
  it('gives nothing when there is no bundle, or TSAG_NO_BUNDLE is set', () => {
    expect(loadBundledMain(join(scratch, 'absent.cjs'))).toBeUndefined();
    process.env['TSAG_NO_BUNDLE'] = '1';
    try {
      expect(loadBundledMain(BUNDLE)).toBeUndefined();
    } finally {
      delete process.env['TSAG_NO_BUNDLE'];
    }
  });

  it('gives nothing when a module it was made from has changed since (tsc run alone)', () => {
    const folder = join(scratch, 'stale');
    mkdirSync(folder);
    const bundle = join(folder, 'tsag.cjs');
    copyFileSync(BUNDLE, bundle);
    writeFileSync(join(folder, 'mod.js'), 'export {};\n');
    const sha256 = createHash('sha256')
      .update(readFileSync(join(folder, 'mod.js')))
      .digest('hex');
    writeFileSync(`${bundle}.sources.json`, JSON.stringify({ sha256, files: ['mod.js'] }));
    expect(typeof loadBundledMain(bundle)).toBe('function');
    // Stamped with another date, as npm pack stamps a package's files: still current.
    utimesSync(join(folder, 'mod.js'), new Date('1985-10-26T08:15:00Z'), new Date('1985-10-26T08:15:00Z'));
    expect(typeof loadBundledMain(bundle)).toBe('function');
    // Same size, other content: stale.
    writeFileSync(join(folder, 'mod.js'), 'export {}; \n'.replace('; ', ';\t'));
    expect(loadBundledMain(bundle)).toBeUndefined();
    rmSync(`${bundle}.sources.json`);
    expect(loadBundledMain(bundle)).toBeUndefined();
  });
});
