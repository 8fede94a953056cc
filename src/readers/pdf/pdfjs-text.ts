/**
 * The text of a PDF as Mozilla's pdf.js sees it: per page, each text item with its position,
 * size and font. pdf.js is loaded here and only here, when a PDF is read (it is 2 MB of
 * JavaScript), and runs in the thread that calls it (its "fake worker"; ./extract.ts runs it on a
 * thread of its own): nothing is fetched, no font is loaded or compiled, no script is run.
 *
 * Refused, each with one InputError line: an encrypted PDF (pdf.js asks for a password), a
 * PDF pdf.js cannot open (truncated, corrupt, not a PDF), more pages than `maxPages` (a page
 * tree may declare ten million), a read that outlasts `maxMilliseconds` (between two of pdf.js's
 * steps: ./extract.ts stops it whatever it is doing), and a PDF without any text (scanned pages:
 * images only).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../../model/result.js';
import type { PdfLimits } from '../limits.js';

/** One run of text as the page draws it. Coordinates in points, from the page's bottom left. */
export interface PdfItem {
  text: string;
  /** The left end of the run (the right end for a right-to-left run: `x + width`). */
  x: number;
  /** The baseline. */
  y: number;
  width: number;
  /** The font size (the text matrix's vertical scale). */
  size: number;
  /** pdf.js's name of the font (`g_d0_f2`): the same name is the same font. */
  font: string;
  /** pdf.js read the run as right-to-left (Arabic, Hebrew). */
  rtl: boolean;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

/** The subset of pdf.js's text content this reader uses (its TextItem and TextMarkedContent). */
interface TextContentItem {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
  dir?: string;
}

/** pdf.js's errors, by the `name` it gives them (its classes are not exported as types we can check with instanceof across its realm). */
const REFUSALS: Record<string, { message: string; code: 'input.unsafe' | 'input.malformed' }> = {
  PasswordException: { message: 'an encrypted (password-protected) PDF: tsag reads unencrypted PDFs only', code: 'input.unsafe' },
  InvalidPDFException: { message: 'not a readable PDF: corrupt or truncated', code: 'input.malformed' },
  MissingPDFException: { message: 'not a readable PDF: empty or missing', code: 'input.malformed' },
  UnknownErrorException: { message: 'not a readable PDF', code: 'input.malformed' },
  FormatError: { message: 'not a readable PDF: corrupt', code: 'input.malformed' },
};

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * pdf.js's Node build and the folder of its character maps (CJK fonts without a ToUnicode table
 * need them, read from disk, never fetched). Imported by its resolved path: the CLI's bundle
 * leaves pdf.js out (scripts/bundle.mjs), and a path resolves wherever the bundle runs from.
 */
export async function loadPdfJs(): Promise<{ pdfjs: PdfJs; cMapUrl: string }> {
  const require = createRequire(import.meta.url);
  // In the CLI's bundle, import() goes through the loader that src/cli/bundle.ts leaves.
  const load = (globalThis as Record<symbol, unknown>)[Symbol.for('tsag.import')] as ((url: string) => Promise<unknown>) | undefined;
  const url = pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href;
  const pdfjs = (await (load ? load(url) : import(url))) as PdfJs;
  return { pdfjs, cMapUrl: `${join(dirname(require.resolve('pdfjs-dist/package.json')), 'cmaps')}/` };
}

/** A promise that rejects with a "took too long" InputError after `ms`, and its cancel. */
function deadline(file: string, ms: number): { promise: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new InputError(file, '', `reading the PDF took more than ${ms / 1000} s: refused`, 'input.tooLarge')), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/** The pages of a PDF with their text items; throws InputError on what the header names. */
export async function pdfjsPages(bytes: Uint8Array, file: string, limits: PdfLimits): Promise<PdfPage[]> {
  const { pdfjs, cMapUrl } = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over (it detaches it) and refuses a Buffer: give it a copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    disableAutoFetch: true,
    disableStream: true,
    stopAtErrors: true,
    isOffscreenCanvasSupported: false,
    cMapUrl,
    cMapPacked: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const timer = deadline(file, limits.maxMilliseconds);
  const started = Date.now();
  try {
    const read = async (): Promise<PdfPage[]> => {
      const doc = await task.promise;
      if (doc.numPages > limits.maxPages) {
        throw new InputError(
          file,
          '',
          `declares ${doc.numPages.toLocaleString('en-US')} pages, over the limit of ${limits.maxPages.toLocaleString('en-US')}: refused`,
          'input.tooLarge',
        );
      }
      const pages: PdfPage[] = [];
      let items = 0;
      for (let number = 1; number <= doc.numPages; number++) {
        const page = await doc.getPage(number);
        const [left, bottom, right, top] = page.view as [number, number, number, number];
        const content = await page.getTextContent({ disableNormalization: false });
        const found = toItems(content.items as TextContentItem[], left, bottom);
        items += found.length;
        if (items > limits.maxItems) {
          throw new InputError(
            file,
            `page ${number}`,
            `more than ${limits.maxItems.toLocaleString('en-US')} text runs (the limit): refused (document too large)`,
            'input.tooLarge',
          );
        }
        pages.push({ number, width: right - left, height: top - bottom, items: found });
        page.cleanup();
        if (Date.now() - started > limits.maxMilliseconds) await timer.promise;
      }
      if (items === 0) {
        throw new InputError(
          file,
          '',
          'a PDF without text (scanned pages, images only?): tsag reads the text of a PDF, not its images',
          'input.format',
        );
      }
      return pages;
    };
    return await Promise.race([read(), timer.promise]);
  } catch (error) {
    throw refusal(error, file);
  } finally {
    timer.cancel();
    await task.destroy();
  }
}

/** pdf.js's error as our one line; anything we do not know stays as it is (a bug). */
function refusal(error: unknown, file: string): unknown {
  if (error instanceof InputError) return error;
  const name = error instanceof Error ? error.name : '';
  // pdf.js parses objects recursively: deep nesting ends in a stack overflow, which its worker
  // side passes on as an UnknownErrorException with the RangeError's message.
  if (error instanceof RangeError || (error instanceof Error && /call stack/iu.test(error.message))) {
    return new InputError(file, '', 'not a readable PDF: objects nested too deep (stack overflow)', 'input.tooDeep');
  }
  const known = REFUSALS[name];
  if (known) {
    const detail = error instanceof Error && error.message && known.code !== 'input.unsafe' ? ` (pdf.js: ${error.message})` : '';
    return new InputError(file, '', `${known.message}${detail}`, known.code);
  }
  if (error instanceof Error && /Invalid PDF|PDF header|xref|trailer|XRef/iu.test(error.message)) {
    return new InputError(file, '', 'not a readable PDF: corrupt or truncated', 'input.malformed');
  }
  return error;
}

/** pdf.js's items → ours: empty runs and marked-content markers dropped, coordinates from the page's corner. */
function toItems(content: readonly TextContentItem[], left: number, bottom: number): PdfItem[] {
  const items: PdfItem[] = [];
  for (const item of content) {
    const { str, transform } = item;
    if (str === undefined || transform === undefined || str === '') continue;
    const [, b = 0, , d = 0, e = 0, f = 0] = transform;
    // Rotated text (a margin note set vertically) is no line of the body; slanted (italic, `c`) is.
    if (Math.abs(b) > 0.01 || Math.abs(d) < 0.01) continue;
    items.push({
      text: str,
      x: e - left,
      y: f - bottom,
      width: item.width ?? 0,
      size: Math.abs(d),
      font: item.fontName ?? '',
      rtl: item.dir === 'rtl',
    });
  }
  return items;
}
