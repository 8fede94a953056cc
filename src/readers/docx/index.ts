/**
 * Reader for Word documents (DOCX) of a Questions text, through mammoth.
 *
 * The bytes are screened first (./guards.ts: encrypted or non-ZIP files, zip bombs, DTDs,
 * deep or ill-formed XML); mammoth then reads a package holding only the screened parts, and
 * its document model (captured with `transformDocument`) becomes `SourceLine`s
 * (./body.ts) for `assemble()`, as the text reader's lines do. The page header and footer,
 * which mammoth does not read, are read from their parts (./parts.ts).
 *
 * Keeps: paragraph text as written (tabs, literal heading numbers and list markers), paragraph
 *   styles as hints (the style map in ./styles.ts), table cells by row and column, footnotes
 *   and endnotes (as footnotes), the footer's path and dates, the header's and footer's images
 *   by file name. Tracked changes are read as accepted (insertions in, deletions out:
 *   mammoth's reading), with a `docx.trackedChanges` warning.
 * Drops: bookmarks, page breaks, hyperlink targets (their visible text stays), formatting,
 *   without a warning; images in the body, checkboxes, comments, with a warning.
 * Warns: mammoth's own messages (`docx.mammoth`), except those about run and table styles
 *   (formatting is not read); each paragraph style the style map (./styles.ts) does not know, once
 *   (`docx.unknownStyle`: its paragraphs are read by their text).
 * Not handled yet: text boxes keep mammoth's order (after their paragraph); fields other than
 *   hyperlinks give their last computed text; strict OOXML namespaces.
 */
import mammoth from 'mammoth';
import type { QuestionsDocument } from '../../model/document.js';
import { InputError, warning, type Read, type Warning } from '../../model/result.js';
import { assemble } from '../assemble/index.js';
import { readBody, unknownParagraphStyles, type MammothDocument } from './body.js';
import { checkElementCount, DEFAULT_DOCX_LIMITS, inspectPackage, repack, type DocxLimits, type ScreenedPackage } from './guards.js';
import { hasElement } from './dom.js';
import { headerFooterParts, imageNames, paragraphTexts, relsPathOf } from './parts.js';
import { simplifyContentParts } from './simplify.js';
import type { EndMatter } from '../assemble/lines.js';
import { baseName, sourceOf, withMetadata } from '../metadata.js';
import { parseFooter } from '../text/end-matter.js';
import { append } from '../../model/arrays.js';

/** The elements of a tracked change (ECMA-376 Part 1, 17.13.5). */
const TRACKED_CHANGES = ['ins', 'del', 'moveFrom', 'moveTo'] as const;

export interface DocxReadOptions {
  /** Force the language table instead of detecting it (`zh`). */
  language?: string;
  /** The limits of the package screen; the defaults suit any real document. */
  limits?: Partial<DocxLimits>;
}

export async function readDocx(bytes: Uint8Array, file: string, options: DocxReadOptions = {}): Promise<Read<QuestionsDocument>> {
  const limits = { ...DEFAULT_DOCX_LIMITS, ...options.limits };
  const screened = inspectPackage(bytes, file, limits);
  const parts = simplifyContentParts(screened);
  checkElementCount(parts, file, limits);
  const { mainPart } = screened;
  const text = (part: string): string | undefined => screened.texts.get(part) ?? findText(screened, part);
  const where = { file, section: mainPart };
  const warnings: Warning[] = [...screened.warnings];
  if (hasElement(text(mainPart) ?? '', 'w', TRACKED_CHANGES)) {
    warnings.push(warning('docx.trackedChanges', where, 'the document has tracked changes: read as if all were accepted'));
  }

  const converted = await convert(screened, parts, file);
  append(warnings, converted.warnings);
  const body = readBody(converted.document, where);
  append(warnings, body.warnings);
  const endMatter = readEndMatter(screened, text, file);
  append(warnings, endMatter.warnings);

  const lines = { lines: body.lines, footnotes: body.footnotes, endMatter: endMatter.value };
  const assembled = assemble(lines, { file, unit: 'paragraph', ...(options.language ? { language: options.language } : {}) });
  return {
    value: withMetadata(assembled.value, endMatter.value, sourceOf(file, 'docx', bytes)),
    warnings: [...warnings, ...assembled.warnings],
  };
}

/** A part's text by a name that differs in case from the ZIP's (ZIP names are case-sensitive, OPC part names are not). */
function findText(screened: ScreenedPackage, name: string): string | undefined {
  const key = name.toLowerCase();
  for (const [part, text] of screened.texts) if (part.toLowerCase() === key) return text;
  return undefined;
}

interface Converted {
  document: MammothDocument;
  warnings: Warning[];
}

/** mammoth on the screened package; anything it throws becomes a one-line InputError. */
async function convert(screened: ScreenedPackage, parts: Map<string, Uint8Array>, file: string): Promise<Converted> {
  let document: MammothDocument | undefined;
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(repack({ ...screened, parts })) },
      {
        // Keep the document for readBody; hand mammoth's HTML conversion an empty one, as its
        // HTML is not used (its paragraph style messages are made from the document below).
        transformDocument: (element: unknown) => {
          document = element as MammothDocument;
          return { ...document, children: [] };
        },
        includeDefaultStyleMap: false,
        includeEmbeddedStyleMap: false,
        // The screened package holds no media: never read an image.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    messages = result.messages;
  } catch (error) {
    throw new InputError(file, screened.mainPart, mammothFailure(error), 'input.malformed');
  }
  if (!document) throw new InputError(file, screened.mainPart, 'mammoth returned no document', 'internal');
  const where = { file, section: screened.mainPart };
  const warnings = messages
    .filter((message) => !isFormattingMessage(message.message))
    .map((message) => warning('docx.mammoth', where, `${message.type === 'error' ? 'error: ' : ''}${message.message}`));
  for (const style of unknownParagraphStyles(document)) {
    const named = style.name ? `"${style.name}" (id ${style.id})` : `id ${style.id}`;
    warnings.push(warning('docx.unknownStyle', where, `paragraph style ${named} is not in the style map: its paragraphs are read by their text`));
  }
  return { document, warnings };
}

/**
 * The one line to show for what mammoth threw: xmldom's and V8's messages, shortened. What
 * mammoth throws on a package the screen let through is a document it cannot read (`Not
 * implemented` for a `w:instrText` holding elements, a TypeError for a numbering style link
 * to no style), never a fault of tsag: it is said so, with mammoth's own words after.
 */
export function mammothFailure(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  if (raw.includes('Maximum call stack size exceeded')) return 'XML nesting too deep for the DOCX reader (stack overflow)';
  // Cut first: the patterns below then run on a short line, whatever mammoth quoted.
  const line = (raw.split('\n')[0] ?? '')
    .slice(0, 300)
    .replace(/\s*@#\[line:[^\]]*\]\s*$/u, '')
    .replace(/^error:\s*/u, '');
  if (line.includes('xmldom')) return `malformed XML: ${line.replace(/\[xmldom error\]\s*/u, '')}`;
  return `not a Word document mammoth can read: ${line}`;
}

/** mammoth's messages about run and table styles: formatting, which the model does not keep. */
function isFormattingMessage(message: string): boolean {
  return message.startsWith('Unrecognised run style:') || message.startsWith('Unrecognised table style:');
}

/**
 * The page footer (`L:\008C.DOCX<TAB>27.01.21<TAB>25.11.19`, parsed as the text reader parses
 * its footer line) and the images of headers and footers. Footers that are not of that form
 * (page numbers) say nothing; a second, different footer of that form is reported.
 */
function readEndMatter(screened: ScreenedPackage, text: (part: string) => string | undefined, file: string): Read<EndMatter> {
  const { mainPart } = screened;
  const { headers, footers } = headerFooterParts(mainPart, text(relsPathOf(mainPart)));
  const endMatter: EndMatter = { images: [] };
  const warnings: Warning[] = [];
  for (const part of footers) {
    for (const line of paragraphTexts(text(part) ?? '')) {
      const footer = parseFooter(line);
      if (!footer) continue;
      if (!endMatter.footer) {
        endMatter.footer = footer;
        endMatter.documentReference = baseName(footer.path);
      } else if (JSON.stringify(footer) !== JSON.stringify(endMatter.footer)) {
        warnings.push(warning('endMatter.extraFooter', { file, section: part }, `ignored a second footer: ${line}`));
      }
    }
  }
  for (const part of [...headers, ...footers]) {
    const xml = text(part);
    if (xml === undefined) continue;
    for (const name of imageNames(xml, part, text(relsPathOf(part)))) {
      if (!endMatter.images.includes(name)) endMatter.images.push(name);
    }
  }
  return { value: endMatter, warnings };
}
