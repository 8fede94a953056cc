import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateEntry, readCentralDirectory } from '../../src/zip/read.js';
import { zip } from '../../src/zip/write.js';

const ENTRIES = [
  { name: '[Content_Types].xml', data: strToU8('<Types/>') },
  { name: 'word/document.xml', data: strToU8(`${'<w:document>物联网 '.repeat(500)}</w:document>`) },
  { name: 'word/média/空.bin', data: new Uint8Array() },
];

describe('zip', () => {
  it('writes entries that fflate and our own reader give back, in the order given', () => {
    const bytes = zip(ENTRIES);
    const byFflate = unzipSync(bytes);
    expect(Object.keys(byFflate)).toEqual(ENTRIES.map((e) => e.name));
    for (const { name, data } of ENTRIES) expect(strFromU8(byFflate[name]!)).toBe(strFromU8(data));

    const central = readCentralDirectory(bytes, 10);
    expect(central.map((e) => e.name)).toEqual(ENTRIES.map((e) => e.name));
    for (const [i, entry] of central.entries()) expect(inflateEntry(bytes, entry)).toEqual(ENTRIES[i]!.data);
  });

  it('deflates, dates every entry 1980-01-01 00:00 and flags UTF-8 names only where needed', () => {
    const bytes = zip(ENTRIES);
    const central = readCentralDirectory(bytes, 10);
    const document = central[1]!;
    expect(document.method).toBe(8);
    expect(document.compressedSize).toBeLessThan(document.uncompressedSize / 10);
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(10, true)).toBe(0); // time of the first local header
    expect(view.getUint16(12, true)).toBe(0x21); // 1980-01-01
    expect(view.getUint16(6, true) & 0x800).toBe(0); // ASCII name
    const last = central[2]!;
    const flagsAt = last.localHeaderOffset + 6;
    expect(view.getUint16(flagsAt, true) & 0x800).toBe(0x800);
  });

  it('gives the same bytes for the same entries', () => {
    expect(Buffer.from(zip(ENTRIES)).equals(Buffer.from(zip(ENTRIES)))).toBe(true);
  });
});
