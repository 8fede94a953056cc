/** The first bytes that say what a file is, for format detection and the DOCX screen. */

/** A ZIP's first local file header (`PK\x03\x04`): DOCX, ODF, any ZIP with an entry. */
export const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04] as const;
/** The end record of an empty ZIP (`PK\x05\x06`). */
export const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06] as const;

export function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}
/** A PDF's header (`%PDF-`). */
export const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] as const;
