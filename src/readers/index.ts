import { extname } from 'node:path';
import type { QuestionsDocument, SourceFormat } from '../model/document.js';
import { InputError, type Read } from '../model/result.js';
import { DEFAULT_MAX_TEXT_BYTES, type DocxLimits } from './limits.js';

export interface ReadOptions {
  /** Force the language table instead of detecting it (`zh`). */
  language?: string;
  /** Limits of the DOCX package screen; unset ones keep their defaults (./limits.ts). */
  docxLimits?: Partial<DocxLimits>;
  /** The largest text, Markdown or JSON input in bytes, checked before decoding. */
  maxTextBytes?: number;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/**
 * The format of an input: by its extension, and by its first bytes when the extension says
 * nothing we know. A Word extension always means DOCX, so that a text file named `.docx` is
 * refused as "not a ZIP" rather than silently read as text.
 */
export function detectFormat(file: string, bytes: Uint8Array): SourceFormat {
  switch (extname(file).toLowerCase()) {
    case '.docx':
    case '.docm':
    case '.dotx':
      return 'docx';
    case '.md':
    case '.markdown':
      return 'markdown';
    case '.json':
      return 'json';
    case '.txt':
    case '.text':
      return 'text';
    default:
      if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, OLE2_MAGIC)) return 'docx';
      return 'text';
  }
}

/**
 * Reads any input tsag knows into the model. Each reader is loaded only when needed, so that
 * a command pays start-up time only for the formats it meets.
 */
export async function readDocument(
  bytes: Uint8Array,
  file: string,
  options: ReadOptions = {},
): Promise<Read<QuestionsDocument>> {
  const format = detectFormat(file, bytes);
  const maxTextBytes = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  if (format !== 'docx' && bytes.length > maxTextBytes) {
    throw new InputError(file, '', `too large for a ${format} input: ${tooLarge(bytes.length, maxTextBytes)}: refused`);
  }
  switch (format) {
    case 'text': {
      const { readText } = await import('./text.js');
      return readText(bytes, file, options);
    }
    case 'markdown': {
      const { readMarkdown } = await import('./markdown.js');
      return readMarkdown(decodeUtf8(bytes, file), file, { language: options.language, maxBytes: options.maxTextBytes });
    }
    case 'json': {
      const { readJson } = await import('./json.js');
      return readJson(bytes, file);
    }
    case 'docx': {
      const { readDocx } = await import('./docx.js');
      return readDocx(bytes, file, {
        ...(options.language !== undefined ? { language: options.language } : {}),
        ...(options.docxLimits ? { limits: options.docxLimits } : {}),
      });
    }
  }
}

/** `80,000,000 bytes, over the limit of 67,108,864 bytes (64 MiB)`. */
export function tooLarge(size: number, limit: number): string {
  const units = [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const;
  const [unit, scale] = units.find(([, scale]) => limit >= scale) ?? ['bytes', 1];
  const human = `${Number((limit / scale).toFixed(1))} ${unit}`;
  return `${size.toLocaleString('en-US')} bytes, over the limit of ${limit.toLocaleString('en-US')} bytes (${human})`;
}

/** Our own Markdown is UTF-8: anything else is refused, never turned into U+FFFD. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, '', 'not UTF-8: tsag reads its Markdown as UTF-8');
  }
}
