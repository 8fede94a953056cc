import { InputError } from '../../model/result.js';
import { decodeText } from '../text/decode.js';

/**
 * Bytes → text for the HTML reader. A byte-order mark wins, then the encoding the page declares
 * in its first 1024 bytes (`<meta charset="windows-1252">`, `<meta http-equiv="Content-Type"
 * content="text/html; charset=iso-8859-1">`: the HTML standard's prescan, in short), then the
 * text reader's choice (UTF-8, else GB18030). A page saved by a browser keeps its declaration:
 * ITU's older pages are in Windows-1252, which read as UTF-8 would fail and as GB18030 would be
 * garbage. Never a silent U+FFFD: a byte the declared encoding cannot decode is refused.
 */
export function decodeHtml(bytes: Uint8Array, file: string): string {
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const declared = bom ? undefined : declaredEncoding(bytes);
  // UTF-16 cannot be declared in an ASCII prescan (the bytes would not be ASCII): the standard reads it as UTF-8.
  if (declared === undefined || declared === 'utf-8' || declared.startsWith('utf-16')) return decodeText(bytes, file).text;
  let text: string;
  try {
    text = new TextDecoder(declared, { fatal: true }).decode(bytes);
    if (declared === 'windows-1252') text = text.replace(/[\u0080-\u009f]/gu, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
  } catch {
    throw new InputError(file, '', `cannot decode: not ${declared} as the page declares`, 'input.encoding');
  }
  if (text.includes('\u0000')) throw new InputError(file, '', `binary data, not text: NUL characters after decoding as ${declared}`, 'input.format');
  return text.replace(/\r\n?/gu, '\n');
}

/** The WHATWG name of the encoding a `<meta>` in the first 1024 bytes declares, if Node knows it. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  for (const meta of head.matchAll(/<meta\b[^>]*>/giu)) {
    const label = /charset\s*=\s*["']?\s*([\w.:-]+)/iu.exec(meta[0])?.[1];
    if (label === undefined) continue;
    try {
      return new TextDecoder(label).encoding;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Windows-1252's 0x80–0x9F (WHATWG Encoding, index windows-1252). Node's TextDecoder gives
 * `windows-1252` (and every label of it: `iso-8859-1`, `latin1`) ISO-8859-1's C1 controls there
 * instead (Node 20: `\x93` for `“`): mapped here. Bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D stay as they are.
 */
const WINDOWS_1252_C1 =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
