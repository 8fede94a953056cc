import { parseArgs } from 'node:util';
import type { QuestionsDocument } from '../model/document.js';
import type { Warning } from '../model/result.js';
import { readDocument, type ReadOptions } from '../readers/index.js';
import { readInput } from './build.js';
import { writeFileAtomic } from './files.js';

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

async function readSide(file: string, options: ReadOptions, warnings: Warning[]): Promise<QuestionsDocument> {
  const read = await readDocument(await readInput(file, options), file, options);
  warnings.push(...read.warnings);
  return read.value;
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
export async function runDiff(args: string[], io: DiffIo, formatWarning: (w: Warning) => string): Promise<number> {
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
  const warnings: Warning[] = [];
  const oldDoc = await readSide(oldFile, options, warnings);
  const newDoc = await readSide(newFile, options, warnings);
  if (!values.quiet) for (const w of warnings) io.warn(formatWarning(w));

  const { diffEditions, hasContentChanges, renderDiff } = await import('../diff/index.js');
  const diff = diffEditions(oldDoc, newDoc);
  let output: Uint8Array | string;
  if (format === 'docx') {
    const { renderDocxRedline } = await import('../diff/render-docx.js');
    const redline = await renderDocxRedline(diff, oldDoc, newDoc, { old: oldFile, new: newFile });
    if (!values.quiet) for (const w of redline.warnings) io.warn(formatWarning(w));
    output = redline.value;
  } else output = renderDiff(diff, format, { color });
  if (values.out) {
    await writeFileAtomic(values.out, typeof output === 'string' ? new TextEncoder().encode(output) : output);
  } else io.out(output as string);
  return hasContentChanges(diff) ? 1 : 0;
}
