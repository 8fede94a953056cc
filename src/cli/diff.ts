import { parseArgs } from 'node:util';
import type { QuestionsDocument } from '../model/document.js';
import type { Read, Warning } from '../model/result.js';
import type { ReadOptions } from '../readers/index.js';
import { baseName } from '../readers/metadata.js';
import { asInputError } from './build.js';
import { readInWorker } from './read-in-worker.js';
import { assertWritable, writeFileAtomic } from './files.js';
import { inputFiles } from './same-file.js';

export const DIFF_HELP = `  diff    Compare two editions: tsag diff OLD NEW [--format F] [-o FILE] [--stat] [--color WHEN]
          OLD and NEW are any inputs tsag reads. Reports what changed in the content
          (Questions, sections, items, relationships, Table 1, footnotes), never extraction
          noise, each change named as the document names its place (Question 1/20 (A) –
          title, A.1 目的, item 4); metadata differences are listed apart.
          --format terminal (default: one line per changed Question and a total, then each
                   change; changed words as [-old-]{+new+}, or in colour)
                 | md | markdown | json (machine paths and a human label per change)
                 | html (one self-contained page: summary, changes in context, side by side)
                 | docx (the NEW edition as Word with every change as a tracked change; needs -o)
          --stat   only the overview: one line per changed Question (or part), then the total
          --color  auto (default: on a terminal; never with NO_COLOR, always with FORCE_COLOR)
                   | always | never
          --author NAME  the author of the tracked changes of --format docx (default: tsag)
          --date ISO     their date, as 2026-01-15 or 2026-01-15T09:30:00Z (default: the fixed
                         2000-01-01T00:00:00Z, so the same editions give the same bytes)
          Exit status like diff(1): 0 no content change, 1 content changes, 2 trouble.
`;

const FORMATS = ['terminal', 'md', 'markdown', 'json', 'html', 'docx'] as const;
type Format = (typeof FORMATS)[number];

export interface DiffIo {
  isTTY: boolean;
  /** The colour variables of the environment (NO_COLOR, FORCE_COLOR, as no-color.org and Node read them). */
  env: { NO_COLOR?: string | undefined; FORCE_COLOR?: string | undefined };
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

export function useColor(when: string | undefined, io: DiffIo): boolean {
  switch (when ?? 'auto') {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'auto': {
      // Node's rule (tty.getColorDepth): FORCE_COLOR wins, `0` or `false` meaning no colour.
      const force = io.env.FORCE_COLOR;
      if (force !== undefined) return force !== '0' && force !== 'false';
      if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
      return io.isTTY;
    }
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
      stat: { type: 'boolean' },
      author: { type: 'string' },
      date: { type: 'string' },
    },
  });
  if (positionals.length !== 2) throw new Error(`diff takes two inputs, OLD and NEW (got ${positionals.length})`);
  const format = (values.format ?? 'terminal') as Format;
  if (!FORMATS.includes(format)) throw new Error(`unknown diff format "${values.format}" (known: ${FORMATS.join(', ')})`);
  if (format === 'docx' && !values.out) throw new Error('--format docx writes a Word file: give it with -o FILE');
  if (values.stat && format !== 'terminal') throw new Error(`--stat is the overview of the terminal report, not of --format ${format}`);
  if ((values.author !== undefined || values.date !== undefined) && format !== 'docx') {
    throw new Error('--author and --date are for the tracked changes of --format docx');
  }
  const revision = {
    ...(values.author !== undefined && { author: revisionAuthor(values.author) }),
    ...(values.date !== undefined && { date: revisionDate(values.date) }),
  };
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
    const redline = await renderDocxRedline(diff, oldDoc, newDoc, { old: oldFile, new: newFile }, revision);
    if (!values.quiet) for (const line of warningLines(newFile, redline.warnings)) io.warn(line);
    output = redline.value;
  } else output = renderDiff(diff, format === 'markdown' ? 'md' : format, { color, ...(values.stat && { stat: true }) });
  if (values.out) {
    await writeFileAtomic(values.out, typeof output === 'string' ? new TextEncoder().encode(output) : output, inputs);
  } else io.out(output as string);
  return hasContentChanges(diff) ? 1 : 0;
}

/** A revision author: one line of printable text. */
function revisionAuthor(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || /[\p{Cc}]/u.test(trimmed)) throw new Error(`--author takes a name on one line, not "${name}"`);
  return trimmed;
}

/** `2026-01-15` or a full ISO date-time, as Word writes it (`2026-01-15T00:00:00Z`, in UTC). */
export function revisionDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/u.exec(value);
  const [year, month, day] = [match?.[1], match?.[2], match?.[3]].map(Number) as [number, number, number];
  // Date rolls 2026-02-30 over to March: the day must exist in its month.
  const exists = match !== null && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = exists ? new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4] ?? '00:00'}${match[5] ?? ':00'}${match[6] ?? 'Z'}`) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new Error(`--date takes an ISO date such as 2026-01-15 or 2026-01-15T09:30:00Z, not "${value}"`);
  return `${date.toISOString().slice(0, 19)}Z`;
}
