/**
 * The second half of `npm run build` (after tsc): bundles the CLI into dist/cli/tsag.cjs, then
 * runs it once on the sample inputs to save V8's code cache beside it (src/cli/bundle.ts says
 * why). If esbuild is missing or fails, it says so in one line and the CLI runs from the modules.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'dist', 'cli', 'tsag.cjs');
const SOURCES = `${OUT}.sources.json`;
for (const old of [OUT, `${OUT}.cache`, SOURCES]) rmSync(old, { force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  console.warn(`bundle: esbuild is not installed (${error.message.split('\n')[0]}): the CLI runs from dist/ modules`);
  process.exit(0);
}

let metafile;
try {
  ({ metafile } = await esbuild.build({
    entryPoints: [join(ROOT, 'dist', 'cli', 'entry.js')],
    outfile: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Paths found relative to the module (the schema, package.json, the build worker) are found
    // relative to the bundle, which sits in dist/cli/ as app.js does.
    define: { 'import.meta.url': '__tsagModuleUrl' },
    banner: { js: "const __tsagModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
    // pdf.js (2 MB) stays out: the PDF reader imports it from node_modules when a PDF is read.
    external: ['pdfjs-dist'],
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
  }));
} catch (error) {
  rmSync(OUT, { force: true });
  console.warn(`bundle: esbuild failed (${String(error.message ?? error).split('\n')[0]}): the CLI runs from dist/ modules`);
  process.exit(0);
}

// The dist/ modules bundled and the sha256 of their contents, in this order: a module rebuilt
// since (tsc alone) makes the bundle stale, and the CLI then runs the modules (src/cli/bundle.ts).
// By content, not by time: npm pack stamps every file of a package with one date.
const dist = join(ROOT, 'dist');
const files = Object.keys(metafile.inputs)
  .map((input) => resolve(ROOT, input))
  .filter((path) => !relative(dist, path).startsWith('..'))
  .map((path) => relative(join(dist, 'cli'), path));
// tsc has just written dist/: the check's own hash function, so that both agree by construction.
const { modulesHash } = await import(pathToFileURL(join(dist, 'cli', 'bundle.js')).href);
writeFileSync(SOURCES, `${JSON.stringify({ sha256: modulesHash(join(dist, 'cli'), files), files })}\n`);

// One build of each sample input compiles what a build runs; the cache is written at exit.
const scratch = mkdtempSync(join(os.tmpdir(), 'tsag-bundle-'));
try {
  const inputs = ['input/008C.docx', 'input/008C.txt'].map((path) => join(ROOT, path));
  const result = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'build', ...inputs, '-o', scratch, '--jobs', '1', '--quiet'], {
    env: { ...process.env, TSAG_WRITE_CODE_CACHE: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) console.warn(`bundle: the code-cache run exited ${result.status}: ${(result.stderr ?? '').trim().split('\n')[0]}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
