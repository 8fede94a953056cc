/**
 * The tsag command line: the only module that touches argv, the terminal and exit codes.
 * Exit codes: 0 done, 2 trouble (bad input, bad usage; one line per problem on stderr).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { InputError, oneLine } from '../model/result.js';
import { DEFAULT_FORMATS, OUTPUT_FORMATS } from '../writers/index.js';
import { build, describeError, OUTPUT_OPTIONS, parseFormats, type BuildResult } from './build.js';
import { writeIndex } from './edition-index.js';
import { runInWorkers } from './pool.js';
import { builtLine, progressBar, summaryTable } from './progress.js';
import { expandInputs, makeFolder, removeStaleTemps } from './files.js';
import { inputFiles } from './same-file.js';
import { limitsHelp, readLimits } from './limits.js';
import { formatWarning, warningLines } from './warnings.js';

/**
 * The help. diff, check and watch are imported only when help or their command is asked for:
 * a build never loads them (start-up time counts).
 */
async function help(): Promise<string> {
  const [{ DIFF_HELP }, { CHECK_HELP }, { WATCH_HELP }] = await Promise.all([import('./diff.js'), import('./check.js'), import('./watch.js')]);
  return `tsag: turn the ITU-T texts of Study Group Questions into clean, structured, diffable data

Usage:
  tsag build [INPUT…] [-o DIR] [--formats LIST] [--lang CODE] [--jobs N] [--quiet] [--max-… LIMIT]
  tsag diff OLD NEW [--format terminal|md|json|html|docx] [-o FILE] [--stat] [--color WHEN]
  tsag check [INPUT…] [--strict] [--format text|json] [--lang CODE]
  tsag watch [DIR] [-o OUT] [--formats LIST] [--lang CODE] [--quiet]
  tsag --help | --version

Commands:
  build   Read each INPUT (text extraction .txt, Word .docx, tsag Markdown .md, tsag JSON .json)
          and write <name>.json, <name>.md, <name>.txt and <name>.docx into DIR.
          With no INPUT, builds every file in ./input into ./output.
          When two inputs share a name (008C.docx, 008C.txt), the second keeps its
          extension in its output names (008C.txt.json, …).
${DIFF_HELP}${CHECK_HELP}${WATCH_HELP}
Options:
  -o, --out DIR        output folder (default: ./output)
      --formats LIST   comma-separated outputs to write (default: ${DEFAULT_FORMATS.join(',')};
                       any of ${OUTPUT_FORMATS.join(',')})
      --lang CODE      read with this language table instead of detecting it (e.g. zh)
  -q, --quiet          do not print warnings
  -j, --jobs N         build N inputs at once on worker threads (default: one per core)
  -h, --help           show this help
  -v, --version        show the version

Limits (an input over one is refused with one line; SIZE in bytes, or with K, M or G: 256M):
${limitsHelp()}

Outputs are written atomically (a temporary file renamed into place) and never over an input;
temporary files left in DIR by an interrupted run are removed by the next one.
A batch keeps going past a bad input, shows a progress bar on a terminal (plain lines
otherwise), ends with a table (file, Questions, warnings, time) and writes DIR/index.json:
every edition built (file, language, study groups, Question numbers, sha256, outputs).
Exit status: 0 when every input was built; 2 when any input failed (one line per failure:
the file, where, and why) or the command line is wrong.
`;
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** The lines one finished input gives: its error, or its warnings and outputs. */
function resultLines(result: BuildResult, quiet: boolean): { out: string[]; err: string[] } {
  if (!result.ok) return { out: [], err: [result.error] };
  return {
    err: quiet ? [] : warningLines(result.input, result.warnings),
    out: [oneLine(builtLine(result.input, result.questions, result.outputs))],
  };
}

/**
 * Reports a batch as it goes: on a terminal a progress bar on stderr (redrawn in place), the
 * lines of each input once all are done; otherwise each input's lines as soon as it is done.
 */
function progressReporter(total: number, quiet: boolean) {
  const tty = process.stderr.isTTY === true && total > 1;
  const held: BuildResult[] = [];
  return {
    onResult(result: BuildResult, completed: number) {
      if (tty) {
        held.push(result);
        process.stderr.write(`\r\u001b[2K${progressBar(completed, total, oneLine(result.input))}`);
        return;
      }
      const lines = resultLines(result, quiet);
      for (const line of lines.err) process.stderr.write(`${line}\n`);
      for (const line of lines.out) process.stdout.write(`${line}\n`);
    },
    /** Clears the bar and prints the lines it held back: before anything else is printed. */
    finish(results: readonly BuildResult[]) {
      if (!tty) return;
      process.stderr.write('\r\u001b[2K');
      for (const result of results) {
        const lines = resultLines(result, quiet);
        for (const line of lines.err) process.stderr.write(`${line}\n`);
        for (const line of lines.out) process.stdout.write(`${line}\n`);
      }
    },
  };
}

async function runBuild(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...OUTPUT_OPTIONS, jobs: { type: 'string', short: 'j' } },
  });
  const inputs = await expandInputs(positionals.length > 0 ? positionals : ['input']);
  if (inputs.length === 0)
    throw new UsageError(
      `no input: give files or folders, or put files in ./input${positionals.length > 0 ? ` (${positionals.join(', ')} holds none)` : ''}`,
    );
  const options = {
    outDir: values.out ?? 'output',
    formats: values.formats !== undefined ? parseFormats(values.formats) : DEFAULT_FORMATS,
    ...(values.lang ? { language: values.lang } : {}),
    ...readLimits(values),
  };
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
    throw new UsageError(`--jobs takes a whole number of at least 1, not "${values.jobs}"`);
  // The output folder first: when it cannot be made, that is the one line to say.
  await makeFolder(options.outDir);
  const stale = await removeStaleTemps(options.outDir);
  if (stale.length > 0 && !values.quiet) {
    const message = `removed ${stale.length} temporary file(s) left by an interrupted run: ${stale.join(', ')}`;
    process.stderr.write(`${formatWarning({ code: 'output.staleTemp', where: { file: options.outDir }, message })}\n`);
  }
  const progress = progressReporter(inputs.length, values.quiet ?? false);
  const ids = await inputFiles(inputs);
  const results = await build(inputs, ids, options, runInWorkers(jobs), (result, completed) => progress.onResult(result, completed));
  progress.finish(results);
  const built = results.flatMap((r) => (r.ok ? [r.edition] : []));
  const index = await writeIndex(built, options.outDir, ids);
  if (!values.quiet && built.length > 0) process.stdout.write(`index of the editions built: ${oneLine(index)}\n`);
  process.stdout.write(`\n${summaryTable(results)}`);
  return results.some((r) => !r.ok) ? 2 : 0;
}

class UsageError extends Error {}

function diffIo() {
  return {
    isTTY: process.stdout.isTTY === true,
    env: { NO_COLOR: process.env.NO_COLOR, FORCE_COLOR: process.env.FORCE_COLOR },
    warn: (line: string) => process.stderr.write(`${line}\n`),
    out: (text: string) => process.stdout.write(text),
  };
}

const COMMANDS = ['build', 'diff', 'check', 'watch'];

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    // `tsag build --help` and the like: the help, before any option is parsed.
    if (command !== undefined && COMMANDS.includes(command) && (rest.includes('-h') || rest.includes('--help'))) {
      process.stdout.write(await help());
      return 0;
    }
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(await help());
        return command === undefined ? 2 : 0;
      case '-v':
      case '--version':
        process.stdout.write(`${version()}\n`);
        return 0;
      case 'build':
        return await runBuild(rest);
      case 'diff':
        return await (await import('./diff.js')).runDiff(rest, diffIo(), warningLines);
      case 'check':
        return await (await import('./check.js')).runCheck(rest, {
          out: (text) => process.stdout.write(text),
          err: (line) => process.stderr.write(`${line}\n`),
        });
      case 'watch':
        return await (await import('./watch.js')).runWatch(
          rest,
          { out: (line) => process.stdout.write(`${line}\n`), err: (line) => process.stderr.write(`${line}\n`) },
          formatWarning,
        );
      default:
        throw new UsageError(`unknown command "${command}" (try tsag --help)`);
    }
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(`${error.describe()}\n`);
      return 2;
    }
    const path = (error as NodeJS.ErrnoException | undefined)?.path;
    if (path) {
      process.stderr.write(`${describeError(path, error)}\n`);
      return 2;
    }
    // parseArgs and our own usage checks: one line, no stack.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`tsag: ${message.split('\n')[0]}\n`);
    return 2;
  }
}
