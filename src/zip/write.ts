/**
 * A ZIP archive of named entries, deflated with node:zlib, with nothing in it that varies from
 * run to run: entries in the order given, every date 1980-01-01 00:00 (the earliest DOS date),
 * no extra fields, no comment. Enough for an OOXML package: no ZIP64 (no part of 4 GiB), no
 * encryption, no data descriptors.
 *
 * zlib's output depends on zlib's version, which comes with Node: the same Node gives the same
 * bytes. It is native code, several times faster than a JavaScript deflate (most of the DOCX
 * writer's time went to fflate's before). Each entry is deflated as gzip, whose trailer holds
 * the CRC-32 that ZIP needs too, computed in the same native pass.
 */
import { gzipSync } from 'node:zlib';

export interface ZipInput {
  name: string;
  data: Uint8Array;
}

const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1; // 1980-01-01
const DEFLATE = 8;
const UTF8_NAMES = 0x800;
const VERSION = 20;

export function zip(entries: readonly ZipInput[], level = 6): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = encoder.encode(name);
    const { compressed, crc } = deflate(data, level);
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : UTF8_NAMES;

    const fields = entryFields(flags, crc, compressed.length, data.length, nameBytes.length);

    const local = new Uint8Array(30 + nameBytes.length);
    new DataView(local.buffer).setUint32(0, 0x04034b50, true);
    local.set(fields, 4);
    local.set(nameBytes, 30);

    // Then: version made by, the same fields, extra, comment, disk, attributes (all 0), offset.
    const central = new Uint8Array(46 + nameBytes.length);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, VERSION, true);
    central.set(fields, 6);
    c.setUint32(42, offset, true);
    central.set(nameBytes, 46);

    locals.push(local, compressed);
    centrals.push(central);
    offset += local.length + compressed.length;
  }
  const centralSize = centrals.reduce((sum, part) => sum + part.length, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true);
  return concat([...locals, ...centrals, end]);
}

/**
 * What a local header (at byte 4) and a central directory header (at byte 6) both say of an
 * entry: version needed, flags, method, time, date, CRC-32, compressed and uncompressed size,
 * name length.
 */
function entryFields(flags: number, crc: number, compressedSize: number, size: number, nameLength: number): Uint8Array {
  const fields = new Uint8Array(26);
  const f = new DataView(fields.buffer);
  f.setUint16(0, VERSION, true);
  f.setUint16(2, flags, true);
  f.setUint16(4, DEFLATE, true);
  f.setUint16(6, DOS_TIME, true);
  f.setUint16(8, DOS_DATE, true);
  f.setUint32(10, crc, true);
  f.setUint32(14, compressedSize, true);
  f.setUint32(18, size, true);
  f.setUint16(22, nameLength, true);
  return fields;
}

/**
 * The raw deflate stream of `data` and its CRC-32, out of a gzip member: a 10-byte header (no
 * name, no extra field: FLG 0, as node:zlib writes it), the deflate stream, then CRC-32 and size.
 */
function deflate(data: Uint8Array, level: number): { compressed: Uint8Array; crc: number } {
  const gzip = gzipSync(data, { level });
  const trailer = gzip.length - 8;
  if (gzip[3] !== 0 || trailer < 10) throw new Error('node:zlib wrote a gzip header tsag does not know');
  const crc = new DataView(gzip.buffer, gzip.byteOffset + trailer, 4).getUint32(0, true);
  return { compressed: gzip.subarray(10, trailer), crc };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
