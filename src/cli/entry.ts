/**
 * What the bundle (dist/cli/tsag.cjs, made by scripts/bundle.mjs) is made from and exports: the
 * CLI's main, and the job each kind of worker runs, so that workers start from the bundle and
 * its code cache as the main thread does (./bundle.ts).
 */
export { main } from './app.js';
export { buildOne } from './build.js';
export { readJob } from './read-job.js';
export { watchBuild } from './watch-job.js';
