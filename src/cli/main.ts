#!/usr/bin/env node
import { loadBundledMain } from './bundle.js';

// A bug must still end in one line and exit 2, never a stack trace (TSAG_DEBUG=1 shows it).
function crash(error: unknown): void {
  if (process.env.TSAG_DEBUG) console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`tsag: internal error: ${message.split('\n')[0]}\n`);
  process.exit(2);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

// `tsag diff A B | head -1`: the reader has all it wants once it closes the pipe. Stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    crash(error);
  });
}

// The bundle built by `npm run build` starts faster (./bundle.ts); the modules do the same.
const main = loadBundledMain() ?? (await import('./app.js')).main;
process.exitCode = await main(process.argv.slice(2));
