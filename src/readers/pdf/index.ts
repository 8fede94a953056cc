/**
 * Reader for a PDF of a Questions text (what LibreOffice or Word print from the DOCX), on
 * Mozilla's pdf.js (./pdfjs-text.ts, run on a thread of its own by ./extract.ts): never a PDF
 * parser of our own.
 *
 * Stage 1: pdf.js gives each page's text runs with their positions, sizes and fonts; runs on one
 * baseline make a physical line (./lines.ts), written at the columns their positions give
 * (./render.ts), with what the PDF knows: a column's gap, paragraph spacing, the smaller type of
 * the footnotes, a bold heading's wrapped title (./headings.ts), right-to-left runs (./rtl.ts).
 * Stage 2 is the text reader's, the code that reads pdftotext's text: its PDF pre-pass
 * (../text/pdf-text.ts) drops the page furniture repeated at the pages' edges and keeps the
 * footer once as metadata, joins wrapped lines (CJK without a space, hyphens as the document's
 * words show), takes the footnotes from the pages' bottoms, reads headings, list items and
 * Table 1's columns; then `readExtraction` and `assemble()` build the model, as for any text.
 *
 * Refuses with one line (./extract.ts, ./pdfjs-text.ts): encrypted, corrupt or truncated PDFs,
 * PDFs without text, deep nesting, more pages, text runs, time or memory than the limits
 * (../limits.ts).
 * Not handled yet: tagged PDF structure (headings and tables as the PDF's tags say), bold or
 * larger type as the only sign of a heading, text in columns across the page.
 */
import type { QuestionsDocument } from '../../model/document.js';
import { InputError, type Read, type Warning } from '../../model/result.js';
import { DEFAULT_MAX_TEXT_LINES, DEFAULT_PDF_LIMITS, type PdfLimits, tooLarge } from '../limits.js';
import { sourceOf, withMetadata } from '../metadata.js';
import { readExtraction, type TextReadOptions } from '../text/index.js';
import { lamAlef, marksOnLetters } from '../text/pdf-bidi.js';
import { fromPdfText, sourceLineNumbers } from '../text/pdf-text.js';
import { extractPages } from './extract.js';
import { isRightToLeftDocument, pageLines } from './lines.js';
import { geometry, renderPage } from './render.js';
import { mergeNeutrals } from './rtl.js';

export interface PdfReadOptions extends TextReadOptions {
  /** Limits; unset ones keep their defaults (../limits.ts). */
  limits?: Partial<PdfLimits>;
}

/** Bytes of a PDF → the model. */
export async function readPdf(bytes: Uint8Array, file: string, options: PdfReadOptions = {}): Promise<Read<QuestionsDocument>> {
  const limits = { ...DEFAULT_PDF_LIMITS, ...options.limits };
  if (bytes.length > limits.maxFileBytes) {
    throw new InputError(file, '', `too large for a PDF input: ${tooLarge(bytes.length, limits.maxFileBytes)}: refused`, 'input.tooLarge');
  }
  const pages = await extractPages(bytes, file, limits);
  const text = pdfLayoutText(pages);
  const maxLines = options.maxLines ?? DEFAULT_MAX_TEXT_LINES;
  if (text.pages.flat().length > maxLines) {
    throw new InputError(file, '', `too many lines: over ${maxLines.toLocaleString('en-US')} (--max-lines): refused`, 'input.tooLarge');
  }
  const laidOut = text.pages.map((page) => page.join('\n')).join('\f');
  const converted = fromPdfText(laidOut, true) ?? laidOut;
  // Warnings name the page, which a reader of the PDF can find.
  const numbers = sourceLineNumbers(laidOut, converted);
  const read = readExtraction(converted, file, options, numbers);
  const pageOf = pageStarts(laidOut);
  return {
    value: withMetadata(read.value.document, read.value.endMatter, sourceOf(file, 'pdf', bytes)),
    warnings: read.warnings.map((w) => onPage(w, pageOf)),
  };
}

/** The pages' lines as text laid out in columns (../text/pdf-text.ts takes it as pdftotext's `-layout` text). */
export function pdfLayoutText(pages: Awaited<ReturnType<typeof extractPages>>): { pages: string[][] } {
  const rtl = isRightToLeftDocument(pages);
  const lines = pages.map((page) => (rtl ? pageLines(page).map(mergeNeutrals) : pageLines(page)));
  const width = Math.max(...pages.map((page) => page.width));
  const g = geometry(lines, rtl, width);
  const pagesText = lines.map((page) => renderPage(page, g, width));
  if (!rtl) return { pages: pagesText };
  // pdf.js, as pdftotext, gives a lam-alef ligature back alef first, and a mark apart from its
  // letter: set back as the text reader does, on the whole text (its evidence is the document's).
  // A mark drawn after a word's space (`نادرا ًما`) goes back before it (`نادراً ما`).
  const text = pagesText
    .map((page) => page.join('\n'))
    .join('\f')
    .replace(/(?<=\p{L}) +(\p{M}+)(?=\p{L})/gu, '$1 ');
  const fixed = lamAlef(marksOnLetters(text));
  return { pages: fixed.split('\f').map((page) => page.split('\n')) };
}

/** For each 1-based line of the laid-out text (pages apart by form feeds), its page. */
function pageStarts(laidOut: string): (line: number) => number {
  const pages: number[] = [];
  let page = 1;
  for (const line of laidOut.split('\n')) {
    pages.push(page);
    for (const char of line) if (char === '\f') page++;
  }
  return (at) => pages[at - 1] ?? page;
}

/** A warning placed on a line of the laid-out text, placed on its page instead. */
function onPage(w: Warning, pageOf: (line: number) => number): Warning {
  if (w.where.line === undefined) return w;
  const { line, ...rest } = w.where;
  return { ...w, where: { ...rest, section: rest.section ?? `page ${pageOf(line)}` } };
}
