/**
 * The ZIP reader's ZIP64 path (APPNOTE 4.3.14–4.3.16, 4.5.3): an archive whose end record and
 * central directory defer every size and offset to the ZIP64 records reads as the plain one.
 * The archives are made from tsag's own writer's output, rewritten field by field.
 */
import { describe, expect, it } from 'vitest';
import { inflateEntry, readCentralDirectory, ZipError } from '../../src/zip/read.js';
import { zip } from '../../src/zip/write.js';

const ENTRIES = [
  { name: 'word/document.xml', data: new TextEncoder().encode('<w:document>物联网</w:document>'.repeat(20)) },
  { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
];

/** The same archive with its sizes, offsets and count moved to ZIP64 records and extra fields. */
function asZip64(archive: Uint8Array): Uint8Array {
  const plain = new Uint8Array(archive);
  const view = new DataView(plain.buffer, plain.byteOffset, plain.byteLength);
  const eocd = plain.length - 22;
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  const parts: Uint8Array[] = [plain.subarray(0, cdOffset)];
  let at = cdOffset;
  let newCdSize = 0;
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const header = plain.slice(at, at + 46 + nameLength);
    const h = new DataView(header.buffer);
    const compressed = h.getUint32(20, true);
    const uncompressed = h.getUint32(24, true);
    const offset = h.getUint32(42, true);
    h.setUint32(20, 0xffffffff, true);
    h.setUint32(24, 0xffffffff, true);
    h.setUint32(42, 0xffffffff, true);
    h.setUint16(30, 28, true);
    h.setUint16(32, 0, true);
    const extra = new DataView(new ArrayBuffer(28));
    extra.setUint16(0, 0x0001, true);
    extra.setUint16(2, 24, true);
    extra.setBigUint64(4, BigInt(uncompressed), true);
    extra.setBigUint64(12, BigInt(compressed), true);
    extra.setBigUint64(20, BigInt(offset), true);
    parts.push(header, new Uint8Array(extra.buffer));
    newCdSize += header.length + 28;
    at += 46 + nameLength + extraLength + commentLength;
  }
  expect(at).toBe(cdOffset + cdSize);
  const record = new DataView(new ArrayBuffer(56));
  record.setUint32(0, 0x06064b50, true);
  record.setBigUint64(4, 44n, true);
  record.setUint16(12, 45, true);
  record.setUint16(14, 45, true);
  record.setBigUint64(24, BigInt(count), true);
  record.setBigUint64(32, BigInt(count), true);
  record.setBigUint64(40, BigInt(newCdSize), true);
  record.setBigUint64(48, BigInt(cdOffset), true);
  const locator = new DataView(new ArrayBuffer(20));
  locator.setUint32(0, 0x07064b50, true);
  locator.setBigUint64(8, BigInt(cdOffset + newCdSize), true);
  locator.setUint32(16, 1, true);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 0xffff, true);
  end.setUint16(10, 0xffff, true);
  end.setUint32(12, 0xffffffff, true);
  end.setUint32(16, 0xffffffff, true);
  parts.push(new Uint8Array(record.buffer), new Uint8Array(locator.buffer), new Uint8Array(end.buffer));
  return new Uint8Array(Buffer.concat(parts));
}

describe('ZIP64', () => {
  const plain = zip(ENTRIES);
  const wide = asZip64(plain);

  it('reads the entries, sizes and offsets from the ZIP64 records as from the plain archive', () => {
    const a = readCentralDirectory(plain, 100);
    const b = readCentralDirectory(wide, 100);
    expect(b).toEqual(a);
    expect(b.map((entry) => new TextDecoder().decode(inflateEntry(wide, entry)))).toEqual(ENTRIES.map((e) => new TextDecoder().decode(e.data)));
  });

  it('refuses an archive whose ZIP64 locator points at no ZIP64 record', () => {
    const broken = new Uint8Array(wide);
    const locator = broken.length - 22 - 20;
    new DataView(broken.buffer).setBigUint64(locator + 8, 3n, true);
    expect(() => readCentralDirectory(broken, 100)).toThrow(ZipError);
  });

  it('refuses a ZIP64 extra field cut short', () => {
    const broken = new Uint8Array(wide);
    const view = new DataView(broken.buffer);
    const cdOffset = Number(view.getBigUint64(broken.length - 22 - 20 - 56 + 48, true));
    view.setUint16(cdOffset + 46 + ENTRIES[0]!.name.length + 2, 8, true);
    expect(() => readCentralDirectory(broken, 100)).toThrow(ZipError);
  });
});
