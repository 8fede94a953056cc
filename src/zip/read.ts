/**
 * The ZIP container of a DOCX, read by hand and in memory: the end-of-central-directory record,
 * the central directory, and bounded inflation of single entries. Nothing here trusts a size
 * it has not checked, and nothing is ever extracted to disk (entry names such as
 * `../../evil.txt` are only ever map keys).
 *
 * Reference: APPNOTE.TXT (PKWARE), sections 4.3.7 (local header), 4.3.12 (central directory
 * header), 4.3.14–4.3.16 (ZIP64 and end of central directory records), 4.5.3 (ZIP64 extra).
 */
import { kMaxLength } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { crc32 } from 'node:zlib';

/** An entry as the central directory declares it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is unsupported. */
  method: number;
  encrypted: boolean;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** A problem with the container itself; the guards turn it into an InputError. */
export class ZipError extends Error {
  override readonly name = 'ZipError';
  constructor(
    message: string,
    /** The entry concerned, if any. */
    readonly part = '',
    /** True when a limit was passed rather than the container being damaged. */
    readonly limit = false,
  ) {
    super(message);
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

function u16(bytes: Uint8Array, at: number): number {
  if (at + 2 > bytes.length) throw new ZipError('a record runs past the end of the file');
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

/** A ZIP64 field as a JS number; sizes beyond 2^53 are absurd for a DOCX and refused. */
function u64(bytes: Uint8Array, at: number): number {
  const value = u32(bytes, at) + u32(bytes, at + 4) * 0x1_0000_0000;
  if (!Number.isSafeInteger(value)) throw new ZipError('a ZIP64 size is out of range');
  return value;
}

/** The offset of the end-of-central-directory record, searched backwards over the comment. */
export function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const last = bytes.length - EOCD_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let at = last; at >= first; at--) {
    if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && u32(bytes, at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

interface Directory {
  count: number;
  size: number;
  offset: number;
}

function readDirectoryLocation(bytes: Uint8Array, eocd: number): Directory {
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  const locator = eocd - 20;
  if ((count === 0xffff || size === 0xffffffff || offset === 0xffffffff) && locator >= 0) {
    if (u32(bytes, locator) === ZIP64_LOCATOR_SIGNATURE) {
      const record = u64(bytes, locator + 8);
      if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD_SIGNATURE) {
        throw new ZipError('the ZIP64 end of central directory is missing');
      }
      count = u64(bytes, record + 32);
      size = u64(bytes, record + 40);
      offset = u64(bytes, record + 48);
    }
  }
  if (offset + size > bytes.length) throw new ZipError('the central directory lies past the end of the file');
  return { count, size, offset };
}

/** Applies a ZIP64 extended-information extra field (id 1) to the fields that overflowed. */
function applyZip64Extra(bytes: Uint8Array, start: number, end: number, entry: ZipEntry): void {
  let at = start;
  while (at + 4 <= end) {
    const id = u16(bytes, at);
    const length = u16(bytes, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const fieldEnd = field + length;
      const take = (): number => {
        if (field + 8 > fieldEnd) throw new ZipError(`truncated ZIP64 extra field`, entry.name);
        const value = u64(bytes, field);
        field += 8;
        return value;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      return;
    }
    at += 4 + length;
  }
}

/**
 * The central directory: every entry's declared name, sizes and method. `maxEntries` is
 * checked against the declared count before any entry is read, so a forged count costs nothing.
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new ZipError('no end of central directory');
  const directory = readDirectoryLocation(bytes, eocd);
  if (directory.count > maxEntries) {
    throw new ZipError(`too many ZIP entries: ${directory.count} (limit ${maxEntries})`, '', true);
  }
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let at = directory.offset;
  const end = directory.offset + directory.size;
  for (let index = 0; index < directory.count; index++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL_SIGNATURE) {
      throw new ZipError(`central directory entry ${index + 1} of ${directory.count} is damaged`);
    }
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > end) throw new ZipError('the central directory is truncated');
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(at + 46, nameEnd)),
      method: u16(bytes, at + 10),
      encrypted: (flags & 1) !== 0,
      crc32: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      uncompressedSize: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    };
    applyZip64Extra(bytes, nameEnd, nameEnd + extraLength, entry);
    entries.push(entry);
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of an entry, found through its local header. */
function compressedData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_SIGNATURE) {
    throw new ZipError(`local header missing`, entry.name);
  }
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError(`data runs past the end of the file`, entry.name);
  return bytes.subarray(start, end);
}

/** The largest output buffer zlib fills at a time: past the declared size by at most this much. */
const MAX_CHUNK = 1 << 20;

/**
 * Inflates one entry with node's zlib, bounded by `entry.uncompressedSize`: zlib counts the
 * output as it fills its buffers and stops as soon as the count passes `maxOutputLength`, so a
 * central directory that lies about a size costs at most one buffer of output (the declared
 * size plus one byte, and never over 1 MiB). The result must match the declared size and
 * CRC-32 exactly.
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.encrypted) throw new ZipError(`the entry is encrypted`, entry.name);
  const data = compressedData(bytes, entry);
  const declared = entry.uncompressedSize;
  let out: Uint8Array;
  if (entry.method === 0) {
    if (data.length !== declared) throw new ZipError(`stored size differs from its declared size`, entry.name);
    out = data.slice();
  } else if (entry.method === 8) {
    const beyond = (): ZipError => new ZipError(`inflates beyond its declared ${declared} bytes`, entry.name, true);
    try {
      const inflated = inflateRawSync(data, {
        // zlib refuses 0: an entry declared empty gets one byte, refused below if it is used.
        maxOutputLength: Math.min(Math.max(declared, 1), kMaxLength),
        chunkSize: Math.min(Math.max(declared + 1, 64), MAX_CHUNK),
      });
      out = new Uint8Array(inflated.buffer, inflated.byteOffset, inflated.byteLength);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw beyond();
      throw new ZipError(`bad deflate data (${(error as Error).message})`, entry.name);
    }
    if (out.length > declared) throw beyond();
    if (out.length !== declared) throw new ZipError(`inflates to ${out.length} bytes, ${declared} declared`, entry.name);
  } else {
    throw new ZipError(`unsupported compression method ${entry.method}`, entry.name);
  }
  if (crc32(out) !== entry.crc32) throw new ZipError(`CRC-32 mismatch`, entry.name);
  return out;
}
