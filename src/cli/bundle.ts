/**
 * Start-up: the CLI as one file, compiled from V8's code cache.
 *
 * `npm run build` bundles `dist/cli/app.js` and everything it loads (mammoth, docx, unified, …)
 * into `dist/cli/tsag.cjs` (scripts/bundle.mjs), then builds the sample inputs once with
 * `TSAG_WRITE_CODE_CACHE=1`, which saves V8's compiled code of that run beside it
 * (`tsag.cjs.cache`). A process then reads one file instead of resolving and loading 690
 * modules, and compiles none of the functions the sample builds ran: `tsag build
 * input/008C.docx` takes about a third less time (0.55–0.65 s against 0.69–0.92 s here).
 *
 * When the bundle is absent, made from other modules than those in dist/ now (tsc was run alone
 * since: `tsag.cjs.sources.json` holds the sha256 of the modules it was made from), or
 * `TSAG_NO_BUNDLE=1` is set, the
 * CLI and its workers run from the modules. When the cache was made by another V8, V8 rejects it and the code
 * is compiled as usual.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Module, { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

/** What the bundle exports: ./entry.ts. */
export type Bundle = typeof import('./entry.js');
export type Main = Bundle['main'];

/** The bundle beside this module: dist/cli/tsag.cjs. */
const BUNDLE = fileURLToPath(new URL('./tsag.cjs', import.meta.url));

/** The bundle's `main`, or undefined when there is no bundle to use. */
export function loadBundledMain(bundle = BUNDLE): Main | undefined {
  return loadBundle(bundle)?.main;
}

/**
 * The bundle's exports, or undefined when there is no current bundle to use. Each thread loads
 * it once: the main thread takes `main`, each worker its job (./build-worker.ts and the others),
 * all from the one file and its code cache.
 */
export function loadBundle(bundle = BUNDLE): Bundle | undefined {
  if (process.env['TSAG_NO_BUNDLE']) return undefined;
  let source: string;
  try {
    if (!isCurrent(bundle)) return undefined;
    source = readFileSync(bundle, 'utf8');
  } catch {
    return undefined;
  }
  const cache = `${bundle}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cache);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (process.env['TSAG_WRITE_CODE_CACHE'] && isMainThread) {
    // At exit, so that the cache holds every function the run compiled, not only the top level.
    process.once('exit', () => {
      writeFileSync(`${cache}.tmp`, script.createCachedData());
      renameSync(`${cache}.tmp`, cache);
    });
  }
  // A vm.Script run from V8's code cache has no loader for import() (Node 20): the modules the
  // bundle leaves out (pdf.js, an ES module) are imported through this module's import().
  (globalThis as Record<symbol, unknown>)[Symbol.for('tsag.import')] = (url: string) => import(url);
  const module = { exports: {} as Partial<Bundle> };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const { main, buildOne, readJob, watchBuild } = module.exports;
  // A bundle made from another entry (an older build) is not used.
  return main && buildOne && readJob && watchBuild ? { main, buildOne, readJob, watchBuild } : undefined;
}

/**
 * Every module the bundle was made from holds what it held then: the sha256 of their contents,
 * in the listed order, is the one recorded. By content, not by time (npm pack stamps every file
 * of a package with one date); hashing the 124 modules (0.6 MB) costs about 3 ms more than
 * stat'ing them.
 */
function isCurrent(bundle: string): boolean {
  const sources = JSON.parse(readFileSync(`${bundle}.sources.json`, 'utf8')) as { sha256?: unknown; files?: unknown };
  const { sha256, files } = sources;
  if (typeof sha256 !== 'string' || !Array.isArray(files) || files.length === 0) return false;
  if (!files.every((file): file is string => typeof file === 'string')) return false;
  return modulesHash(dirname(bundle), files) === sha256;
}

/** The sha256 of the contents of `files` (paths from `folder`), in their order: what scripts/bundle.mjs records. */
export function modulesHash(folder: string, files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(readFileSync(join(folder, file)));
  return hash.digest('hex');
}
