import { parseArgs } from 'node:util';
import type { QuestionsDocument } from '../model/document.js';
import type { Read, Warning } from '../model/result.js';
import type { ReadOptions } from '../readers/index.js';
import { baseName } from '../readers/metadata.js';
import { asInputError } from './build.js';
import { readInWorker } from './read-in-worker.js';
import { assertWritable, writeFileAtomic } from './files.js';
import { inputFiles } from './same-file.js';

export const DIFF_HELP = `  diff    Compare two editions: tsag diff OLD NEW [--format F] [-o FILE] [--color WHEN]
          OLD and NEW are any inputs tsag reads. Reports what changed in the content
          (Questions, sections, items, relationships, Table 1, footnotes), never extraction
          noise; metadata differences are listed apart.
          --format terminal (default) | md | json | docx (the NEW edition as Word with every
          change as a tracked change; needs -o)
          --color auto (default: only on a terminal, and not with NO_COLOR) | always | never
          Exit status like diff(1): 0 no content change, 1 content changes, 2 trouble.
`;

const FORMATS = ['terminal', 'md', 'json', 'docx'] as const;
type Format = (typeof FORMATS)[number];

export interface DiffIo {
  isTTY: boolean;
  noColor: boolean;
  warn(line: string): void;
  out(text: string): void;
}

/** One side of the diff; whatever goes wrong in reading it is named by its file. */
async function readSide(file: string, options: ReadOptions): Promise<Read<QuestionsDocument>> {
  try {
    return await readInWorker(file, options);
  } catch (error) {
    throw asInputError(file, error);
  }
}

function useColor(when: string | undefined, io: DiffIo): boolean {
  switch (when ?? 'auto') {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'auto':
      return io.isTTY && !io.noColor;
    default:
      throw new Error(`--color takes auto, always or never, not "${when}"`);
  }
}

/**
 * `tsag diff OLD NEW`: reads both sides, compares them on the model and renders the report.
 * Returns the exit status (0 no content change, 1 changes); input errors are thrown.
 */
export async function runDiff(args: string[], io: DiffIo, warningLines: (file: string, warnings: readonly Warning[]) => string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      out: { type: 'string', short: 'o' },
      color: { type: 'string' },
      lang: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (positionals.length !== 2) throw new Error(`diff takes two inputs, OLD and NEW (got ${positionals.length})`);
  const format = (values.format ?? 'terminal') as Format;
  if (!FORMATS.includes(format)) throw new Error(`unknown diff format "${values.format}" (known: ${FORMATS.join(', ')})`);
  if (format === 'docx' && !values.out) throw new Error('--format docx writes a Word file: give it with -o FILE');
  const color = useColor(values.color, io) && format === 'terminal' && !values.out;

  const [oldFile, newFile] = positionals as [string, string];
  const options: ReadOptions = values.lang ? { language: values.lang } : {};
  // The report may never be written over either edition, by whatever path or link: checked
  // before the work, and again just before the rename (writeFileAtomic).
  const inputs = await inputFiles([oldFile, newFile]);
  if (values.out !== undefined) await assertWritable(values.out, inputs);
  const oldRead = await readSide(oldFile, options);
  const newRead = await readSide(newFile, options);
  if (!values.quiet) {
    for (const line of warningLines(oldFile, oldRead.warnings)) io.warn(line);
    for (const line of warningLines(newFile, newRead.warnings)) io.warn(line);
  }
  const [oldDoc, newDoc] = [oldRead.value, newRead.value];

  const { diffEditions, hasContentChanges, renderDiff } = await import('../diff/index.js');
  const compared = diffEditions(oldDoc, newDoc);
  // The report names the files it was given (a Markdown's front matter names its own source).
  const diff = { ...compared, old: { ...compared.old, fileName: baseName(oldFile) }, new: { ...compared.new, fileName: baseName(newFile) } };
  let output: Uint8Array | string;
  if (format === 'docx') {
    const { renderDocxRedline } = await import('../diff/render-docx.js');
    const redline = await renderDocxRedline(diff, oldDoc, newDoc, { old: oldFile, new: newFile });
    if (!values.quiet) for (const line of warningLines(newFile, redline.warnings)) io.warn(line);
    output = redline.value;
  } else output = renderDiff(diff, format, { color });
  if (values.out) {
    await writeFileAtomic(values.out, typeof output === 'string' ? new TextEncoder().encode(output) : output, inputs);
  } else io.out(output as string);
  return hasContentChanges(diff) ? 1 : 0;
}
