#!/usr/bin/env node
/**
 * Runs the built CLI (`main(argv)`, from the bundle as dist/cli/main.js does) in this fresh process, then reports what
 * it cost on file descriptor 3, when the parent opened one, as one JSON line:
 * `{"maxRssKiB":…,"cpuMs":…,"wallMs":…}`. `process.resourceUsage().maxRSS` is the peak resident
 * set in KiB on every platform Node supports, so no /usr/bin/time is needed (CI has none).
 *
 *   spawn(node, ['test/helpers/measured-cli.mjs', 'build', FILE, '-o', DIR],
 *         { stdio: ['ignore', 'pipe', 'pipe', 'pipe'] })
 *
 * The exit code is main()'s. An error that escapes main() is left to Node (exit 1 with a stack
 * trace on stderr), so that a test sees a crash as one; the crash guard of dist/cli/main.js is
 * tested by spawning main.js itself.
 */
import { writeSync } from 'node:fs';

const started = performance.now();
// As dist/cli/main.js starts: from the bundle and its code cache when it is current, else the modules.
const { loadBundledMain } = await import(new URL('../../dist/cli/bundle.js', import.meta.url).href);
const main = loadBundledMain() ?? (await import(new URL('../../dist/cli/app.js', import.meta.url).href)).main;
const code = await main(process.argv.slice(2));
const usage = process.resourceUsage();
const report = {
  maxRssKiB: usage.maxRSS,
  cpuMs: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000),
  wallMs: Math.round(performance.now() - started),
};
try {
  writeSync(3, `${JSON.stringify(report)}\n`);
} catch {
  // No fd 3: run by hand, nothing to report to.
}
process.exitCode = code;
