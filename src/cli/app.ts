/**
 * The tsag command line: the only module that touches argv, the terminal and exit codes.
 * Exit codes: 0 done, 2 trouble (bad input, bad usage; one line per problem on stderr).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Warning } from '../model/result.js';
import { OUTPUT_FORMATS } from '../writers/index.js';
import { build, parseFormats, type BuildResult } from './build.js';
import { listInputs } from './files.js';

const HELP = `tsag: turn the ITU-T texts of Study Group Questions into clean, structured, diffable data

Usage:
  tsag build [INPUT…] [-o DIR] [--formats LIST] [--lang CODE] [--quiet]
  tsag --help | --version

Commands:
  build   Read each INPUT (text extraction .txt, Word .docx, tsag Markdown .md, tsag JSON .json)
          and write <name>.json, <name>.md, <name>.txt and <name>.docx into DIR.
          With no INPUT, builds every file in ./input into ./output.
          When two inputs share a name (008C.docx, 008C.txt), the second keeps its
          extension in its output names (008C.txt.json, …).

Options:
  -o, --out DIR        output folder (default: ./output)
      --formats LIST   comma-separated outputs to write (default: ${OUTPUT_FORMATS.join(',')})
      --lang CODE      read with this language table instead of detecting it (e.g. zh)
  -q, --quiet          do not print warnings
  -h, --help           show this help
  -v, --version        show the version

Outputs are written atomically (a temporary file renamed into place) and never over an input.
Exit status: 0 when every input was built; 2 when any input failed (one line per failure:
the file, where, and why) or the command line is wrong.
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

export function formatWarning(w: Warning): string {
  const file = w.where.file ?? '';
  const at = w.where.line !== undefined ? `:${w.where.line}` : w.where.section ? ` (${w.where.section})` : '';
  return `${file}${at}: warning: ${w.message} [${w.code}]`;
}

function report(results: readonly BuildResult[], quiet: boolean): number {
  let failed = 0;
  for (const result of results) {
    if (!result.ok) {
      failed++;
      process.stderr.write(`${result.error}\n`);
      continue;
    }
    if (!quiet) for (const w of result.warnings) process.stderr.write(`${formatWarning(w)}\n`);
    process.stdout.write(`${result.input}: ${result.questions} Questions → ${result.outputs.join(', ')}\n`);
  }
  return failed > 0 ? 2 : 0;
}

async function runBuild(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      formats: { type: 'string' },
      lang: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  const inputs = positionals.length > 0 ? positionals : await listInputs('input');
  if (inputs.length === 0) throw new UsageError('no input: give files, or put them in ./input');
  const options = {
    outDir: values.out ?? 'output',
    formats: values.formats ? parseFormats(values.formats) : OUTPUT_FORMATS,
    ...(values.lang ? { language: values.lang } : {}),
  };
  return report(await build(inputs, options), values.quiet ?? false);
}

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(HELP);
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        process.stdout.write(`${version()}\n`);
        return 0;
      case 'build':
        if (rest.includes('-h') || rest.includes('--help')) {
          process.stdout.write(HELP);
          return 0;
        }
        return await runBuild(rest);
      default:
        throw new UsageError(`unknown command "${command}" (try tsag --help)`);
    }
  } catch (error) {
    // parseArgs and our own usage checks: one line, no stack.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tsag: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

