/**
 * The package screen of the DOCX reader: every hostile file of the corpus is refused with a
 * clear one-line error (or read, where the corpus says a correct parse is fine), the zip bomb
 * is refused fast and without inflating, and each limit holds on hand-made packages.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/model/result.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { DEFAULT_DOCX_LIMITS, inspectPackage } from '../../src/readers/docx/guards.js';
import { scanXml } from '../../src/readers/docx/xml-scan.js';
import { SHARED } from '../helpers/paths.js';
import { inputError } from '../helpers/input-error.js';
import { CONTENT_TYPES, ROOT_RELS } from '../helpers/docx-parts.js';

const HOSTILE = `${SHARED}corpus/hostile/`;
const POI = `${SHARED}corpus/docx/poi/`;

/** The one line the CLI would print for reading `path`, or `read` when it reads. */
async function outcome(path: string): Promise<string> {
  try {
    await readDocx(readFileSync(path), path.split('/').pop() ?? path);
    return 'read';
  } catch (error) {
    if (error instanceof InputError) return error.describe();
    throw error;
  }
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal package: content types, package relationships, the main part, and `extra`. */
function docx(body: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  for (const [name, text] of Object.entries(extra)) files[name] = strToU8(text);
  return zipSync(files, { mtime: new Date(1980, 0, 1) });
}

/** Rewrites the declared uncompressed size or the CRC-32 of `name` in its central and local headers. */
function patchEntry(zip: Uint8Array, name: string, field: 'size' | 'crc', value: number): Uint8Array {
  const [central, local] = field === 'size' ? [24, 22] : [16, 14];
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let at = 0; at + 46 < out.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (length !== encoded.length || !encoded.every((byte, i) => out[at + 46 + i] === byte)) continue;
    view.setUint32(at + central, value, true);
    view.setUint32(view.getUint32(at + 42, true) + local, value, true);
  }
  return out;
}

function refusal(run: () => unknown): string {
  return inputError(run).describe();
}

describe('hostile corpus', () => {
  const expected: [file: string, message: RegExp][] = [
    ['empty.docx', /^empty\.docx: empty file, not a DOCX$/],
    ['random-bytes.docx', /^random-bytes\.docx: not a DOCX: not a ZIP file$/],
    ['plain-text.docx', /^plain-text\.docx: not a DOCX: not a ZIP file \(it looks like plain text\)$/],
    ['zip-no-document-xml.docx', /: no main document part \(word\/document\.xml\)$/],
    ['truncated-half.docx', /: corrupt or truncated ZIP: /],
    ['malformed-document-xml.docx', /^malformed-document-xml\.docx:word\/document\.xml: malformed XML: a stray '&' \(line 2\)$/],
    ['billion-laughs.docx', /^billion-laughs\.docx:word\/document\.xml: XML with a DTD is refused \(entity expansion\)/],
    [
      'zip-bomb-1GiB.docx',
      /^zip-bomb-1GiB\.docx:word\/document\.xml: declares 1,072,748,737 bytes \(1023\.1 MiB\) uncompressed, over the limit .*zip bomb/,
    ],
    ['nested-tables-5000.docx', /:word\/document\.xml: XML nesting too deep \(15005 levels; limit 1000\)$/],
    ['deep-xml-100000.docx', /:word\/document\.xml: XML nesting too deep \(100005 levels; limit 1000\)$/],
    // A valid package with hostile entry names: it reads (nothing is extracted), and is no Questions text.
    ['path-traversal.docx', /^path-traversal\.docx: not a Questions text: /],
  ];
  for (const [file, message] of expected) {
    it(`${file} → ${message.source}`, async () => {
      const line = await outcome(HOSTILE + file);
      expect(line).toMatch(message);
      expect(line).not.toContain('\n');
    });
  }

  it('the zip bomb is refused in under a second, without inflating it', () => {
    const bytes = readFileSync(`${HOSTILE}zip-bomb-1GiB.docx`);
    const rss = process.memoryUsage().rss;
    const start = performance.now();
    expect(() => inspectPackage(bytes, 'zip-bomb-1GiB.docx')).toThrow(/zip bomb/);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * 1024 * 1024);
  });

  it('names entries it will never extract, and keeps none of them', () => {
    const screened = inspectPackage(readFileSync(`${HOSTILE}path-traversal.docx`), 'path-traversal.docx');
    expect(screened.warnings.map((w) => w.code)).toEqual(Array(4).fill('docx.entryName'));
    expect([...screened.parts.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels', 'word/document.xml']);
  });
});

describe('encrypted Word files', () => {
  for (const file of ['bug53475-password-is-pass.docx', 'protected_agile.docx']) {
    it(`${file} → password-protected`, async () => {
      // Both hold an EncryptionInfo stream: encrypted OOXML, not a legacy .doc.
      const line = await outcome(POI + file);
      expect(line.startsWith(`${file}: password-protected (encrypted) Word file: `), line).toBe(true);
      expect(line).not.toContain('.doc ');
    });
  }

  it('read-only document protection is not encryption: the package reads', async () => {
    expect(await outcome(`${POI}documentProtection_readonly_no_password.docx`)).toMatch(/: not a Questions text: /);
  });
});

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_DOCX_LIMITS).toEqual({
      maxEntries: 10_000,
      maxEntryBytes: 256 * 1024 * 1024,
      maxTotalBytes: 512 * 1024 * 1024,
      maxRatio: 200,
      ratioFloorBytes: 1024 * 1024,
      maxDepth: 1_000,
      maxXmlBytes: 8 * 1024 * 1024,
      maxElements: 90_000,
      maxFileBytes: 100 * 1024 * 1024,
    });
  });

  it('refuses more XML to read than the limit, on the declared sizes, before inflating it', () => {
    const limits = { ...DEFAULT_DOCX_LIMITS, maxXmlBytes: 10_000 };
    const bytes = docx(`<w:p><w:r><w:t>${'x'.repeat(20_000)}</w:t></w:r></w:p>`);
    expect(refusal(() => inspectPackage(bytes, 'big.docx', limits))).toMatch(
      /^big\.docx:word\/document\.xml: the XML to read comes to 2\d,\d{3} bytes \(20\.\d KiB\) with this part, over the limit of 10,000 bytes \(9\.8 KiB\): refused \(document too large\)$/,
    );
    // Media are not read, so they do not count.
    expect(() => inspectPackage(docx('<w:p/>', { 'word/media/a.png': 'x'.repeat(20_000) }), 'media.docx', limits)).not.toThrow();
  });

  it('refuses too many entries before reading any', () => {
    const extra = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`media/${i}.bin`, 'x']));
    const limits = { ...DEFAULT_DOCX_LIMITS, maxEntries: 10 };
    expect(refusal(() => inspectPackage(docx('<w:p/>', extra), 'many.docx', limits))).toBe('many.docx: too many ZIP entries: 23 (limit 10): refused');
  });

  it('refuses a compression ratio over the limit', () => {
    const bytes = docx(`<w:p><w:r><w:t>${'lol '.repeat(1_000_000)}</w:t></w:r></w:p>`);
    expect(refusal(() => inspectPackage(bytes, 'ratio.docx'))).toMatch(
      /^ratio\.docx:word\/document\.xml: declares .* a ratio of \d+:1 over the limit of 200:1/,
    );
  });

  it('refuses a total declared size over the limit', () => {
    const limits = { ...DEFAULT_DOCX_LIMITS, maxTotalBytes: 1000 };
    expect(refusal(() => inspectPackage(docx('<w:p/>', { 'media/a.bin': 'x'.repeat(2000) }), 't.docx', limits))).toMatch(
      /^t\.docx: the entries declare .* over the limit/,
    );
  });

  it('stops inflating an entry that lies about its size', () => {
    const honest = docx(`<w:p><w:r><w:t>${'lol '.repeat(100_000)}</w:t></w:r></w:p>`);
    const lying = patchEntry(honest, 'word/document.xml', 'size', 1000);
    expect(refusal(() => inspectPackage(lying, 'liar.docx'))).toBe(
      'liar.docx:word/document.xml: inflates beyond its declared 1000 bytes: refused (zip bomb?)',
    );
  });

  it('refuses an entry that inflates even one byte past its declared size', () => {
    const body = `<w:p><w:r><w:t>${'lol '.repeat(100_000)}</w:t></w:r></w:p>`;
    const honest = docx(body);
    const size = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`).length;
    expect(() => inspectPackage(honest, 'honest.docx')).not.toThrow();
    expect(refusal(() => inspectPackage(patchEntry(honest, 'word/document.xml', 'size', size - 1), 'liar.docx'))).toBe(
      `liar.docx:word/document.xml: inflates beyond its declared ${size - 1} bytes: refused (zip bomb?)`,
    );
    expect(refusal(() => inspectPackage(patchEntry(honest, 'word/document.xml', 'size', 0), 'liar.docx'))).toBe(
      'liar.docx:word/document.xml: inflates beyond its declared 0 bytes: refused (zip bomb?)',
    );
  });

  it('refuses damaged entry data', () => {
    const bytes = docx('<w:p><w:r><w:t>hello</w:t></w:r></w:p>');
    const damaged = patchEntry(bytes, 'word/document.xml', 'crc', 0x12345678);
    expect(refusal(() => inspectPackage(damaged, 'bad.docx'))).toBe('bad.docx:word/document.xml: corrupt or truncated ZIP: CRC-32 mismatch');
  });

  it('refuses nesting deeper than the limit in any part that is read', () => {
    const limits = { ...DEFAULT_DOCX_LIMITS, maxDepth: 20 };
    const body = `${'<w:tbl><w:tr><w:tc>'.repeat(7)}<w:p/>${'</w:tc></w:tr></w:tbl><w:p/>'.repeat(7)}`;
    expect(refusal(() => inspectPackage(docx(body), 'deep.docx', limits))).toBe(
      'deep.docx:word/document.xml: XML nesting too deep (23 levels; limit 20)',
    );
  });

  it('refuses a DTD in a relationships part', () => {
    const rels = ROOT_RELS.replace('<Relationships', '<!DOCTYPE r [<!ENTITY a "b">]><Relationships');
    const bytes = zipSync({
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(rels),
      'word/document.xml': strToU8(`<w:document ${W}/>`),
    });
    expect(refusal(() => inspectPackage(bytes, 'dtd.docx'))).toBe('dtd.docx:_rels/.rels: XML with a DTD is refused (entity expansion) (line 1)');
  });
});

describe('scanXml', () => {
  it('passes well-formed XML with comments, CDATA, instructions and quoted markup', () => {
    const xml = '<?xml version="1.0"?>\n<!-- a <b> comment & -->\n<a x="1 > 0" y=\'&amp;&#10;&#x41;\'><b/><![CDATA[<&>]]>&lt;text&gt;</a>\n';
    expect(scanXml(xml, 10)).toBeUndefined();
  });

  it('reports the first problem with its line', () => {
    expect(scanXml('<a>\n<b></a>', 10)).toEqual({ kind: 'malformed', line: 2, reason: '</a> closes <b>' });
    expect(scanXml('<a>&nbsp;</a>', 10)).toEqual({ kind: 'malformed', line: 1, reason: 'undefined entity &nbsp;' });
    expect(scanXml('<a></a><b/>', 10)).toEqual({ kind: 'malformed', line: 1, reason: 'a second root element <b>' });
    expect(scanXml('<a><b>', 10)).toEqual({ kind: 'malformed', line: 1, reason: '<b> is never closed' });
    expect(scanXml('', 10)).toEqual({ kind: 'malformed', line: 1, reason: 'no root element' });
    expect(scanXml('<!DOCTYPE a>\n<a/>', 10)).toEqual({ kind: 'dtd', line: 1 });
  });

  it('counts the whole depth, past the limit, without recursion', () => {
    const depth = 200_000;
    expect(scanXml(`${'<x>'.repeat(depth)}${'</x>'.repeat(depth)}`, 1000)).toEqual({ kind: 'depth', depth });
  });
});
