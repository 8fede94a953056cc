/**
 * tsag as an installed package: `npm pack`, the tarball installed into a fresh project (from
 * npm's cache where it can), then from there the README's library example runs and a `.ts`
 * file that uses the API type-checks against the shipped declarations. Needs `npm run build`
 * first (`npm test` does it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fromRoot, ROOT } from './helpers/paths.js';

const work = mkdtempSync(join(tmpdir(), 'tsag-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The README's example, from its `## As a library` section. */
function readmeExample(): string {
  const readme = readFileSync(fromRoot('README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## As a library'));
  const code = /```js\n([\s\S]*?)```/u.exec(section)?.[1];
  if (code === undefined) throw new Error('no example in the README');
  return code;
}

/** What `check` finds in 008C (test/check/index.test.ts reads each against the source). */
const CHECK_CODES =
  'table.statusWording relationships.spelling relationships.spelling relationships.typo relationships.acronyms relationships.label term.variant';

describe('the packed package', () => {
  it('installs without a warning, starts from its bundle, runs the README example and type-checks a TypeScript user', async () => {
    const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const tarball = npm(['pack', '--silent', '--pack-destination', work], ROOT).trim().split('\n').pop() ?? '';
    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    // docx, bundled with its own tree, brings nanoid 5: nanoid 6 wants Node 22 and npm would warn EBADENGINE.
    const install = spawnSync('npm', ['install', join(work, tarball), '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: project,
      encoding: 'utf8',
    });
    expect(install.status).toBe(0);
    expect(`${install.stdout}${install.stderr}`.split('\n').filter((line) => /^npm warn/iu.test(line))).toEqual([]);
    const installed = join(project, 'node_modules', 'tsag');
    expect(JSON.parse(readFileSync(join(installed, 'node_modules', 'nanoid', 'package.json'), 'utf8')).version).toMatch(/^5\./u);

    // The installed CLI starts from its bundle: npm pack stamps every file with one date, the check is by content.
    const { loadBundle } = (await import(join(installed, 'dist', 'cli', 'bundle.js'))) as typeof import('../src/cli/bundle.js');
    expect(Object.keys(loadBundle() ?? {}).sort()).toEqual(['buildOne', 'main', 'readJob', 'watchBuild']);

    // The example reads paths relative to a checkout: run it from the repository root, importing the installed package.
    const example = readmeExample().replace("from 'tsag'", `from ${JSON.stringify(join(project, 'node_modules', 'tsag', 'dist', 'index.js'))}`);
    writeFileSync(join(project, 'example.mjs'), example);
    const printed = execFileSync(process.execPath, [join(project, 'example.mjs')], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    expect(printed.slice(0, 3)).toEqual([
      '1/20 2/20 3/20 4/20 5/20 6/20 7/20',
      'Question 1/20 (A)  3 changes: 3 sections changed; paragraphs ~1, items +1, relationships +1',
      CHECK_CODES,
    ]);

    writeFileSync(
      join(project, 'use.ts'),
      [
        "import { check, read, write, type Finding, type QuestionsDocument } from 'tsag';",
        "const { document }: { document: QuestionsDocument } = await read('x.docx');",
        "const bytes: Uint8Array = await write(document, 'docx');",
        "const text: string = await write(document, 'md');",
        'const findings: Finding[] = check(document);',
        'export const sizes = [bytes.length, text.length, findings.length];',
      ].join('\n'),
    );
    const options = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, files: ['use.ts'] }));
    const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
    expect(() => execFileSync(tsc, ['-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' })).not.toThrow();

    // And the check is real: a wrong type is an error.
    writeFileSync(join(project, 'use.ts'), "import { write } from 'tsag';\nexport const n: number = await write({} as never, 'md');\n");
    let output = '';
    try {
      execFileSync(tsc, ['-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout);
    }
    expect(output).toMatch(/TS2322/u);
  }, 120_000);
});
