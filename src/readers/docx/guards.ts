/**
 * Screens a DOCX package on its raw bytes before mammoth (and its JSZip and xmldom) sees it.
 *
 * mammoth trusts its input: JSZip inflates a part whole, whatever size it declares (a 1 MB zip
 * bomb costs it 2 GB and can abort the process, which cannot be caught), and xmldom and
 * mammoth's body reader recurse per element (deep nesting overflows the stack). So the package
 * is opened here by hand (../../zip/read.ts), every limit is checked on the central directory before
 * anything is inflated, the parts that will be read are inflated with a running count (their
 * declared sizes together within `maxXmlBytes`: mammoth's memory grows about 50-fold with the
 * XML it parses), and each of them passes a linear XML screen (./xml-scan.ts). mammoth is then given a new package
 * that holds only those parts (`repack`), so it never inflates anything we did not check.
 *
 * Every refusal is an InputError with a one-line message; nothing here prints.
 */
import { zipSync } from 'fflate';
import { InputError, warning, type Warning } from '../../model/result.js';
import { readCentralDirectory, inflateEntry, ZipError, type ZipEntry } from '../../zip/read.js';
import { asUtf8, decodeXml, scanXml } from './xml-scan.js';
import { describeOle2, isOle2 } from './ole2.js';
import { NS, rootStartTag } from './dom.js';
import { MAIN_DOCUMENT_FALLBACK, mammothParts, partRelationships, relsPathOf } from './parts.js';
import { DEFAULT_DOCX_LIMITS, formatBytes, type DocxLimits } from '../limits.js';
import { startsWith, ZIP_EMPTY, ZIP_LOCAL } from '../signatures.js';

// The limits live in ../limits.ts (the CLI offers each as a flag); re-exported for the reader.
export { DEFAULT_DOCX_LIMITS, type DocxLimits };

/** A package that passed the screen. */
export interface ScreenedPackage {
  /** The main document part's name (`word/document.xml`). */
  mainPart: string;
  /** The XML parts that will be read (keys as named in the ZIP), inflated and screened, in UTF-8. */
  parts: Map<string, Uint8Array>;
  /** The same parts decoded, as the screen read them. */
  texts: Map<string, string>;
  /** Every entry name in the ZIP, media included (none of those is inflated). */
  names: string[];
  warnings: Warning[];
}

/** Text if the first KiB is valid UTF-8 (or has a UTF-16 mark) without control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  const head = bytes.subarray(0, 1024);
  // A multi-byte character may be cut at the end of the sample: drop up to 3 trailing bytes.
  for (let cut = 0; cut < 4 && cut < head.length; cut++) {
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
    } catch {
      // try a shorter sample
    }
  }
  return false;
}

/** Refuses on the declared sizes alone: nothing has been inflated yet. */
function checkDeclaredSizes(entries: readonly ZipEntry[], file: string, limits: DocxLimits): void {
  let total = 0;
  for (const entry of entries) {
    const size = entry.uncompressedSize;
    if (size > limits.maxEntryBytes) {
      throw new InputError(
        file,
        entry.name,
        `declares ${formatBytes(size)} uncompressed, over the limit of ${formatBytes(limits.maxEntryBytes)} per entry: refused (zip bomb?)`,
        'input.tooLarge',
      );
    }
    const ratio = size / Math.max(entry.compressedSize, 1);
    if (size > limits.ratioFloorBytes && ratio > limits.maxRatio) {
      throw new InputError(
        file,
        entry.name,
        `declares ${formatBytes(size)} from ${formatBytes(entry.compressedSize)}, a ratio of ${Math.round(ratio)}:1 over the limit of ${limits.maxRatio}:1: refused (zip bomb?)`,
        'input.tooLarge',
      );
    }
    total += size;
  }
  if (total > limits.maxTotalBytes) {
    throw new InputError(
      file,
      '',
      `the entries declare ${formatBytes(total)} uncompressed in all, over the limit of ${formatBytes(limits.maxTotalBytes)}: refused (zip bomb?)`,
      'input.tooLarge',
    );
  }
}

/** A name that could not be a part name: absolute, with `..` or `\`, or empty segments. */
function isUnsafeName(name: string): boolean {
  return name.startsWith('/') || name.includes('\\') || name.split('/').some((s) => s === '..' || s === '.');
}

/** Checks the container and opens its central directory. */
function openZip(bytes: Uint8Array, file: string, limits: DocxLimits): ZipEntry[] {
  if (bytes.length === 0) throw new InputError(file, '', 'empty file, not a DOCX', 'input.format');
  if (isOle2(bytes)) throw new InputError(file, '', describeOle2(bytes), 'input.format');
  if (!startsWith(bytes, ZIP_LOCAL) && !startsWith(bytes, ZIP_EMPTY)) {
    const hint = looksLikeText(bytes) ? ' (it looks like plain text)' : '';
    throw new InputError(file, '', `not a DOCX: not a ZIP file${hint}`, 'input.format');
  }
  try {
    return readCentralDirectory(bytes, limits.maxEntries);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    if (error.limit) throw new InputError(file, '', `${error.message}: refused`, 'input.tooLarge');
    throw new InputError(file, error.part, `corrupt or truncated ZIP: ${error.message}`, 'input.malformed');
  }
}

/**
 * Screens the package and inflates the parts mammoth and this reader will read. Throws
 * InputError on the first problem; returns warnings for what it skipped.
 */
export function inspectPackage(bytes: Uint8Array, file: string, limits: DocxLimits = DEFAULT_DOCX_LIMITS): ScreenedPackage {
  const entries = openZip(bytes, file, limits);
  checkDeclaredSizes(entries, file, limits);

  const warnings: Warning[] = [];
  const byName = new Map<string, ZipEntry>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    if (isUnsafeName(entry.name)) {
      warnings.push(warning('docx.entryName', { file }, `ignored a ZIP entry with an unsafe name: ${JSON.stringify(entry.name)}`));
      continue;
    }
    const key = entry.name.toLowerCase();
    // OPC part names are case-insensitive: two entries that differ only in case are ambiguous.
    if (byName.has(key)) throw new InputError(file, entry.name, 'corrupt or truncated ZIP: the entry appears twice', 'input.malformed');
    byName.set(key, entry);
  }

  const parts = new Map<string, Uint8Array>();
  const texts = new Map<string, string>();
  let xmlBytes = 0;
  /** Inflates and screens one part; undefined when the package has no such entry. */
  const read = (name: string): string | undefined => {
    const entry = byName.get(name.toLowerCase());
    if (!entry) return undefined;
    if (entry.encrypted) {
      throw new InputError(file, entry.name, 'password-protected (encrypted) ZIP entry: tsag reads unencrypted .docx only', 'input.unsafe');
    }
    // The declared size bounds what inflation may produce (inflateEntry stops past it), so
    // the XML budget is checked before inflating.
    xmlBytes += entry.uncompressedSize;
    if (xmlBytes > limits.maxXmlBytes) {
      throw new InputError(
        file,
        entry.name,
        `the XML to read comes to ${formatBytes(xmlBytes)} with this part, over the limit of ${formatBytes(limits.maxXmlBytes)}: refused (document too large)`,
        'input.tooLarge',
      );
    }
    let data: Uint8Array;
    try {
      data = inflateEntry(bytes, entry);
    } catch (error) {
      if (!(error instanceof ZipError)) throw error;
      if (error.limit) throw new InputError(file, entry.name, `${error.message}: refused (zip bomb?)`, 'input.tooLarge');
      throw new InputError(file, entry.name, `corrupt or truncated ZIP: ${error.message}`, 'input.malformed');
    }
    const decoded = decodeXml(data);
    if ('error' in decoded) throw new InputError(file, entry.name, `${decoded.error}: refused`, 'input.encoding');
    const { text } = decoded;
    const problem = scanXml(text, limits.maxDepth);
    if (problem?.kind === 'dtd') {
      throw new InputError(file, entry.name, `XML with a DTD is refused (entity expansion) (line ${problem.line})`, 'input.unsafe');
    }
    if (problem?.kind === 'depth') {
      throw new InputError(file, entry.name, `XML nesting too deep (${problem.depth} levels; limit ${limits.maxDepth})`, 'input.tooDeep');
    }
    if (problem?.kind === 'malformed') {
      throw new InputError(file, entry.name, `malformed XML: ${problem.reason} (line ${problem.line})`, 'input.malformed');
    }
    // mammoth decodes every part as UTF-8: hand it UTF-8 whatever the part was written in.
    parts.set(entry.name, asUtf8(data, decoded));
    texts.set(entry.name, text);
    return text;
  };

  read('[Content_Types].xml');
  const rootRels = read('_rels/.rels');
  const target = rootRels ? partRelationships(rootRels, '').find((rel) => rel.type.endsWith('/officeDocument'))?.target : undefined;
  const mainName = target && byName.has(target.toLowerCase()) ? target : MAIN_DOCUMENT_FALLBACK;
  const mainEntry = byName.get(mainName.toLowerCase());
  if (!mainEntry) throw new InputError(file, '', `no main document part (${target ?? MAIN_DOCUMENT_FALLBACK})`, 'input.malformed');
  const mainPart = mainEntry.name;
  const root = rootStartTag(read(mainPart) ?? '');
  if (root?.localName !== 'document' || !(NS.w as readonly string[]).includes(root.namespaceURI)) {
    const namespace = root?.localName === 'document' ? ` in namespace "${root.namespaceURI}"` : '';
    throw new InputError(
      file,
      mainPart,
      `not a Word document: the main part is <${root?.qName ?? ''}>${namespace}, not <w:document>`,
      'input.format',
    );
  }

  const mainRels = read(relsPathOf(mainPart));
  for (const part of mammothParts(mainPart, mainRels)) {
    if (read(part) !== undefined) read(relsPathOf(part));
  }
  return { mainPart, parts, texts, names: entries.map((e) => e.name), warnings };
}

/**
 * Refuses, before mammoth runs, a package whose parts hold more elements than `maxElements`:
 * mammoth's memory grows with the element count (../limits.ts), and 8 MiB of XML can hold
 * 1.3 million empty paragraphs. Run on the parts as mammoth will get them (simplified). The
 * count is a byte loop, a limit that decides no content: a `<` followed by a name starts an
 * element in a screened part (xmldom would build the tree this limit is there to prevent).
 */
export function checkElementCount(parts: ReadonlyMap<string, Uint8Array>, file: string, limits: DocxLimits): void {
  let elements = 0;
  for (const data of parts.values()) {
    for (let at = data.indexOf(0x3c); at !== -1; at = data.indexOf(0x3c, at + 1)) {
      const next = data[at + 1];
      if (next !== 0x2f && next !== 0x3f && next !== 0x21) elements++;
    }
    if (elements > limits.maxElements) {
      throw new InputError(
        file,
        '',
        `the XML to read holds more than ${limits.maxElements.toLocaleString('en-US')} elements (the limit; --max-elements): refused (document too large)`,
        'input.tooLarge',
      );
    }
  }
}

/** A package of the screened parts only, stored uncompressed, for mammoth. */
export function repack(screened: ScreenedPackage): Uint8Array {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
  const mtime = new Date(1980, 0, 1);
  for (const [name, data] of screened.parts) files[name] = [data, { mtime }];
  return zipSync(files, { level: 0 });
}
