/**
 * What an OLE2 file (Microsoft Compound File Binary, [MS-CFB]) given as a Word document is: a
 * legacy binary .doc holds a `WordDocument` stream ([MS-DOC] 2.1.1); a password-protected
 * .docx is an OOXML package encrypted inside an OLE2 file with an `EncryptionInfo` stream
 * ([MS-OFFCRYPTO] 2.3.4.1). Neither is read; the message says which it is and what to do.
 *
 * The streams are found without following the FAT: a directory entry is 128 bytes, and
 * directory sectors (512 or 4096 bytes) start at multiples of 128 after the 512-byte header, so
 * every entry lies at a multiple of 128. At each one the name (UTF-16LE, its byte length with
 * the NUL at 0x40) and the object type (2, a stream, at 0x42) are compared. One pass, no
 * allocation; a false match needs those 30 bytes in file data at such an offset.
 */

export const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

export function isOle2(bytes: Uint8Array): boolean {
  return OLE2_MAGIC.every((byte, index) => bytes[index] === byte);
}

const CONVERT = 'convert it with soffice --headless --convert-to docx';

/** Whether the compound file has a stream named `name` (ASCII). */
function hasStream(bytes: Uint8Array, name: string): boolean {
  const length = (name.length + 1) * 2;
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    if (bytes[at + 0x40] !== length || bytes[at + 0x41] !== 0 || bytes[at + 0x42] !== 2) continue;
    let same = true;
    for (let i = 0; i < name.length && same; i++) same = bytes[at + 2 * i] === name.charCodeAt(i) && bytes[at + 2 * i + 1] === 0;
    if (same) return true;
  }
  return false;
}

/** The one-line refusal for an OLE2 file. */
export function describeOle2(bytes: Uint8Array): string {
  if (hasStream(bytes, 'EncryptionInfo')) {
    return 'password-protected (encrypted) Word file: tsag reads unencrypted .docx only: remove the password in Word (File > Info > Protect Document) and save again';
  }
  if (hasStream(bytes, 'WordDocument')) return `a legacy Word .doc (Word 97-2003), which tsag does not read: ${CONVERT}`;
  return `password-protected (encrypted) Word file, or an old binary .doc: tsag reads unencrypted .docx only: ${CONVERT}`;
}
