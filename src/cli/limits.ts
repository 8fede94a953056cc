/**
 * The `--max-*` flags of `tsag build`: one per limit of the readers (src/readers/limits.ts),
 * their help text (defaults printed from the same constants) and their parsing.
 */
import { DEFAULT_DOCX_LIMITS, DEFAULT_MAX_FOOTNOTES, DEFAULT_MAX_TEXT_BYTES, DEFAULT_MAX_TEXT_LINES, type DocxLimits } from '../readers/limits.js';
import type { ReadOptions } from '../readers/index.js';

type Kind = 'size' | 'count';
/** The limits of text inputs, set apart from the DOCX ones. */
const TEXT_LIMITS = ['maxTextBytes', 'maxTextLines', 'maxFootnotes'] as const;
type TextLimit = (typeof TEXT_LIMITS)[number];

interface LimitFlag {
  kind: Kind;
  /** The DOCX limit it sets, or the text limit. */
  key: keyof DocxLimits | TextLimit;
  help: string;
}

const FLAGS: Readonly<Record<string, LimitFlag>> = {
  'max-text-size': { kind: 'size', key: 'maxTextBytes', help: 'largest text, Markdown or JSON input' },
  'max-lines': { kind: 'count', key: 'maxTextLines', help: 'lines of a text input' },
  'max-footnotes': { kind: 'count', key: 'maxFootnotes', help: 'footnotes of a text input' },
  'max-entries': { kind: 'count', key: 'maxEntries', help: 'entries in a DOCX package (ZIP)' },
  'max-entry-size': { kind: 'size', key: 'maxEntryBytes', help: 'uncompressed size of one DOCX entry' },
  'max-file-size': { kind: 'size', key: 'maxFileBytes', help: 'size of a .docx or .pdf file (it is read whole)' },
  'max-total-size': { kind: 'size', key: 'maxTotalBytes', help: 'uncompressed size of all DOCX entries' },
  'max-ratio': { kind: 'count', key: 'maxRatio', help: 'compression ratio of a DOCX entry (entries over 1M)' },
  'max-xml-size': { kind: 'size', key: 'maxXmlBytes', help: 'XML read from a DOCX, all parts together' },
  'max-depth': { kind: 'count', key: 'maxDepth', help: 'element nesting depth of the XML in a DOCX (and of JSON, when given)' },
  'max-elements': { kind: 'count', key: 'maxElements', help: 'XML elements read from a DOCX, all parts together (and objects of JSON, when given)' },
};

function isTextLimit(key: string): key is TextLimit {
  return (TEXT_LIMITS as readonly string[]).includes(key);
}

/** The flags for `parseArgs`. */
export const LIMIT_OPTIONS = Object.fromEntries(Object.keys(FLAGS).map((name) => [name, { type: 'string' as const }]));

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** `256M` → 268435456. Units are binary (K = 1024); `KB`, `KiB` and lower case are accepted too. */
export function parseSize(text: string, flag: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?)(?:i?b)?$/iu.exec(text.trim());
  const unit = match ? UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  const bytes = match && unit !== undefined ? Math.floor(Number(match[1]) * unit) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new Error(`--${flag} takes a size in bytes, with K, M or G for KiB, MiB or GiB (e.g. 256M), not "${text}"`);
  }
  return bytes;
}

function parseCount(text: string, flag: string): number {
  const value = /^\d+$/u.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`--${flag} takes a whole number of at least 1, not "${text}"`);
  return value;
}

/** `268435456` → `256M`; sizes that are not whole MiB or KiB stay in bytes. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['G', 1024 ** 3],
    ['M', 1024 ** 2],
    ['K', 1024],
  ] as const) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size}${unit}`;
  }
  return String(bytes);
}

/** The limits given on the command line, as read options (flags not given keep the defaults). */
export function readLimits(values: Readonly<Record<string, unknown>>): Pick<ReadOptions, 'docxLimits' | 'pdfLimits' | TextLimit> {
  const docxLimits: Partial<DocxLimits> = {};
  const text: Pick<ReadOptions, TextLimit> = {};
  for (const [flag, { kind, key }] of Object.entries(FLAGS)) {
    const given = values[flag];
    if (typeof given !== 'string') continue;
    const value = kind === 'size' ? parseSize(given, flag) : parseCount(given, flag);
    if (isTextLimit(key)) text[key] = value;
    else docxLimits[key] = value;
  }
  // --max-file-size bounds a PDF as it does a DOCX: both are read whole.
  const pdfLimits = docxLimits.maxFileBytes !== undefined ? { pdfLimits: { maxFileBytes: docxLimits.maxFileBytes } } : {};
  return { ...(Object.keys(docxLimits).length > 0 ? { docxLimits } : {}), ...pdfLimits, ...text };
}

/** The help lines of the limit flags, with their defaults. */
export function limitsHelp(): string {
  const defaults: Record<string, number> = {
    ...DEFAULT_DOCX_LIMITS,
    maxTextBytes: DEFAULT_MAX_TEXT_BYTES,
    maxTextLines: DEFAULT_MAX_TEXT_LINES,
    maxFootnotes: DEFAULT_MAX_FOOTNOTES,
  };
  return Object.entries(FLAGS)
    .map(([flag, { kind, key, help }]) => {
      const value = defaults[key] ?? 0;
      const usage = `--${flag} ${kind === 'size' ? 'SIZE' : 'N'}`;
      return `      ${usage.padEnd(24)} ${help} (default: ${kind === 'size' ? formatSize(value) : value})`;
    })
    .join('\n');
}
