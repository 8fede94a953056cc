import { extname } from 'node:path';
import type { QuestionsDocument, SourceFormat } from '../model/document.js';
import { InputError, type Read } from '../model/result.js';
import { describeOle2, isOle2 } from './docx/ole2.js';
import { DEFAULT_MAX_TEXT_BYTES, tooLarge, type DocxLimits, type PdfLimits } from './limits.js';
import { PDF, startsWith, ZIP_LOCAL } from './signatures.js';

export { tooLarge };

export interface ReadOptions {
  /** Force the language table instead of detecting it (`zh`). */
  language?: string;
  /** Limits of the DOCX package screen; unset ones keep their defaults (./limits.ts). */
  docxLimits?: Partial<DocxLimits>;
  /** The largest text, Markdown or JSON input in bytes, checked before decoding. */
  maxTextBytes?: number;
  /** The most lines of a text input (DEFAULT_MAX_TEXT_LINES). */
  maxTextLines?: number;
  /** The most footnotes of a text input (DEFAULT_MAX_FOOTNOTES). */
  maxFootnotes?: number;
  /** Limits of the PDF reader; unset ones keep their defaults (./limits.ts). */
  pdfLimits?: Partial<PdfLimits>;
}

/**
 * The format of an input: by its extension, and by its first bytes when the extension says
 * nothing we know. A Word extension always means DOCX, so that a text file named `.docx` is
 * refused as "not a ZIP" rather than silently read as text; a PDF's header wins over any extension.
 */
export function detectFormat(file: string, bytes: Uint8Array): SourceFormat {
  // A PDF is a PDF whatever it is called (a `.txt` would not decode, a `.docx` is no ZIP).
  if (startsWith(bytes, PDF)) return 'pdf';
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
      // An HTML page saved as `.txt` is still HTML: its tags are no text of the document.
      return looksLikeHtml(bytes) ? 'html' : 'text';
    case '.html':
    case '.htm':
    case '.xhtml':
      return 'html';
    case '.pdf':
      return 'pdf';
    default:
      if (startsWith(bytes, ZIP_LOCAL) || isOle2(bytes)) return 'docx';
      if (looksLikeHtml(bytes)) return 'html';
      return 'text';
  }
}

const CONVERT = 'convert it with soffice --headless --convert-to docx';

/**
 * A format tsag does not read (yet), known by its first bytes whatever the file is called: the
 * one line that says what the file is and how to convert it, or undefined.
 */
export function foreignFormat(_file: string, bytes: Uint8Array): string | undefined {
  // latin1 maps each byte to one character: the signatures below are ASCII.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.startsWith('{\\rtf')) return `an RTF document, which tsag does not read: ${CONVERT}`;
  if (isOle2(bytes)) return describeOle2(bytes);
  const odf = openDocumentType(bytes);
  if (odf !== undefined) {
    const what = odf === 'text' ? 'an OpenDocument text (ODT)' : `an OpenDocument ${odf} file`;
    return `${what}, which tsag does not read: ${CONVERT}`;
  }
  return undefined;
}

/**
 * An HTML document by its start, whatever its name: `<!doctype html` or `<html`, after a UTF-8
 * byte-order mark, white space, an XML declaration and comments (LibreOffice's XHTML starts
 * `<?xml …?>`), case-insensitively.
 */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  // latin1 maps each byte to one character: the signatures are ASCII.
  const start = new TextDecoder('latin1')
    .decode(bytes.subarray(0, 1024))
    .replace(/^(?:\u00ef\u00bb\u00bf)?(?:[ \t\r\n\f]+|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/u, '')
    .slice(0, 15)
    .toLowerCase();
  return start.startsWith('<!doctype html') || /^<html[\s>]/u.test(start);
}

/**
 * The OpenDocument type (`text`, `spreadsheet`, …) of a ZIP whose first entry is the stored
 * `mimetype` that ODF 1.2 Part 3, 3.3 requires; undefined for anything else.
 */
function openDocumentType(bytes: Uint8Array): string | undefined {
  if (!startsWith(bytes, ZIP_LOCAL) || bytes.length < 30) return undefined;
  const u16 = (at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
  const nameLength = u16(26);
  const start = 30 + nameLength + u16(28);
  const latin1 = new TextDecoder('latin1');
  if (u16(8) !== 0 || latin1.decode(bytes.subarray(30, 30 + nameLength)) !== 'mimetype') return undefined;
  const mimetype = latin1.decode(bytes.subarray(start, start + 100));
  return /^application\/vnd\.oasis\.opendocument\.([a-z-]+)/u.exec(mimetype)?.[1];
}

/**
 * Reads any input tsag knows into the model. Each reader is loaded only when needed, so that
 * a command pays start-up time only for the formats it meets.
 */
export async function readDocument(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<Read<QuestionsDocument>> {
  const foreign = foreignFormat(file, bytes);
  if (foreign !== undefined) throw new InputError(file, '', foreign, 'input.format');
  const format = detectFormat(file, bytes);
  const maxTextBytes = options.maxTextBytes ?? DEFAULT_MAX_TEXT_BYTES;
  if (format !== 'docx' && format !== 'pdf' && bytes.length > maxTextBytes) {
    throw new InputError(file, '', `too large for a ${format} input: ${tooLarge(bytes.length, maxTextBytes)}: refused`, 'input.tooLarge');
  }
  switch (format) {
    case 'text': {
      const { readText } = await import('./text/index.js');
      return readText(bytes, file, {
        ...(options.language !== undefined ? { language: options.language } : {}),
        ...(options.maxTextLines !== undefined ? { maxLines: options.maxTextLines } : {}),
        ...(options.maxFootnotes !== undefined ? { maxFootnotes: options.maxFootnotes } : {}),
      });
    }
    case 'markdown': {
      const { readMarkdown } = await import('./markdown/index.js');
      return readMarkdown(decodeUtf8(bytes, file), file, { language: options.language, maxBytes: options.maxTextBytes });
    }
    case 'json': {
      const { readJson } = await import('./json/index.js');
      // --max-depth and --max-elements, when given, bound JSON too (its own defaults: ./json/index.ts).
      const { maxDepth, maxElements } = options.docxLimits ?? {};
      return readJson(bytes, file, {
        ...(maxDepth !== undefined ? { maxDepth } : {}),
        ...(maxElements !== undefined ? { maxObjects: maxElements } : {}),
      });
    }
    case 'html': {
      const { readHtml } = await import('./html/index.js');
      // --max-elements and --max-depth, when given, bound HTML too (the DOCX reader's defaults).
      const { maxDepth, maxElements } = options.docxLimits ?? {};
      return readHtml(bytes, file, {
        ...(options.language !== undefined ? { language: options.language } : {}),
        ...(maxDepth !== undefined ? { maxDepth } : {}),
        ...(maxElements !== undefined ? { maxElements } : {}),
        ...(options.maxTextLines !== undefined ? { maxLines: options.maxTextLines } : {}),
        ...(options.maxFootnotes !== undefined ? { maxFootnotes: options.maxFootnotes } : {}),
      });
    }
    case 'pdf': {
      // pdf.js (2 MB) is loaded with the reader, only when a PDF is read.
      const { readPdf } = await import('./pdf/index.js');
      return readPdf(bytes, file, {
        ...(options.language !== undefined ? { language: options.language } : {}),
        ...(options.maxTextLines !== undefined ? { maxLines: options.maxTextLines } : {}),
        ...(options.maxFootnotes !== undefined ? { maxFootnotes: options.maxFootnotes } : {}),
        ...(options.pdfLimits ? { limits: options.pdfLimits } : {}),
      });
    }
    case 'docx': {
      const { readDocx } = await import('./docx/index.js');
      return readDocx(bytes, file, {
        ...(options.language !== undefined ? { language: options.language } : {}),
        ...(options.docxLimits ? { limits: options.docxLimits } : {}),
      });
    }
  }
}

/** Our own Markdown is UTF-8: anything else is refused, never turned into U+FFFD. */
function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(file, '', 'not UTF-8: tsag reads its Markdown as UTF-8', 'input.encoding');
  }
}
