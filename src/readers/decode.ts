import { InputError } from '../model/result.js';

/**
 * Bytes → text for the text reader. What it accepts, in this order:
 *
 * - a byte-order mark decides: UTF-8 (EF BB BF), UTF-16LE (FF FE), UTF-16BE (FE FF);
 * - without one, strict UTF-8;
 * - failing that, strict GB18030 (a superset of GBK and GB2312: Chinese texts saved by
 *   Windows tools without a BOM are in it).
 *
 * Every decoder is fatal: a byte sequence that does not decode is an error, never a silent
 * U+FFFD. Text holding NUL characters is refused as binary (a UTF-16 file without a BOM
 * decodes as "valid" UTF-8 full of NULs, so this check also catches that case).
 * Line endings are normalised to LF; which ones were found is reported, not kept.
 */

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type LineEndings = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface DecodedText {
  /** The text, BOM stripped, every line ending turned into LF. */
  text: string;
  encoding: TextEncoding;
  lineEndings: LineEndings;
}

interface Candidate {
  encoding: TextEncoding;
  /** The WHATWG label to decode with. */
  label: string;
  bomLength: number;
}

const BOMS: readonly { bytes: readonly number[]; candidate: Candidate }[] = [
  { bytes: [0xef, 0xbb, 0xbf], candidate: { encoding: 'utf-8-bom', label: 'utf-8', bomLength: 3 } },
  { bytes: [0xff, 0xfe], candidate: { encoding: 'utf-16le', label: 'utf-16le', bomLength: 2 } },
  { bytes: [0xfe, 0xff], candidate: { encoding: 'utf-16be', label: 'utf-16be', bomLength: 2 } },
];

const WITHOUT_BOM: readonly Candidate[] = [
  { encoding: 'utf-8', label: 'utf-8', bomLength: 0 },
  { encoding: 'gb18030', label: 'gb18030', bomLength: 0 },
];

export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  const candidates = candidatesFor(bytes);
  for (const candidate of candidates) {
    const raw = tryDecode(bytes.subarray(candidate.bomLength), candidate.label);
    if (raw === undefined) continue;
    if (raw.includes('\u0000')) {
      throw new InputError(
        file,
        '',
        `binary data, not text: NUL characters after decoding as ${candidate.encoding} (UTF-16 text needs a BOM)`,
        'input.format',
      );
    }
    return { text: normaliseLineEndings(raw), encoding: candidate.encoding, lineEndings: lineEndingsOf(raw) };
  }
  throw new InputError(file, '', 'cannot decode: not UTF-8, UTF-16 with BOM or GB18030', 'input.encoding');
}

/** A BOM is trusted alone: bytes after a UTF-16 BOM are not retried as UTF-8 or GB18030. */
function candidatesFor(bytes: Uint8Array): readonly Candidate[] {
  for (const bom of BOMS) {
    if (bom.bytes.every((byte, index) => bytes[index] === byte)) return [bom.candidate];
  }
  return WITHOUT_BOM;
}

/** The decoded text, or undefined when the bytes are not valid in this encoding. */
function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    // ignoreBOM: the BOM is already cut off; a second one is content and stays visible.
    // The constructor throws too, on a Node built without full ICU (no GB18030 decoder).
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export function normaliseLineEndings(text: string): string {
  // Most texts have no CR: no copy of a 60 MB text for nothing.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Which line endings a text uses, counted in one pass (three `match` calls each built an
 * array of every line ending: a million-line text paid three million-entry arrays).
 */
export function lineEndingsOf(text: string): LineEndings {
  let crlf = false;
  let cr = false;
  let lf = false;
  for (let at = text.indexOf('\r'); at !== -1; at = text.indexOf('\r', at + 1)) {
    if (text.charCodeAt(at + 1) === 0x0a) crlf = true;
    else cr = true;
    if (crlf && cr) break;
  }
  for (let at = text.indexOf('\n'); at !== -1 && !lf; at = text.indexOf('\n', at + 1)) {
    if (text.charCodeAt(at - 1) !== 0x0d) lf = true;
  }
  const kinds = [crlf, cr, lf].filter(Boolean).length;
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : cr ? 'cr' : 'lf';
}
