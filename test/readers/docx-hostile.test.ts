/**
 * Hostile DOCX shapes (issue 12), each generated here: the inputs that were quadratic in the
 * reader's regular expressions, that made mammoth exceed the memory budget, that threw an
 * internal error, and files in formats tsag does not read. Linearity is shown by running each
 * case once at a scale where a quadratic algorithm would take minutes, inside a generous
 * timeout; no test asserts a duration.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readLimits } from '../../src/cli/limits.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { inspectPackage } from '../../src/readers/docx/guards.js';
import { imageNames, paragraphTexts } from '../../src/readers/docx/parts.js';
import { simplifyContentXml } from '../../src/readers/docx/simplify.js';
import { scanXml } from '../../src/readers/docx/xml-scan.js';
import { detectFormat, foreignFormat, readDocument } from '../../src/readers/index.js';
import { rejectedInputError } from '../helpers/input-error.js';
import { CONTENT_TYPES, ROOT_RELS } from '../helpers/docx-parts.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const rels = (...relationships: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join('')}</Relationships>`;
const FOOTER_REL = `<Relationship Id="rId9" Type="${REL}/footer" Target="footer1.xml"/>`;
const footer = (inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><w:ftr ${W}>${inner}</w:ftr>`;

function p(style: string, text: string): string {
  const runs = text
    .split('\t')
    .map((part) => `<w:t xml:space="preserve">${part}</w:t>`)
    .join('<w:tab/>');
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r>${runs}</w:r></w:p>`;
}

/** The smallest Questions text, then `extra` in its first section. */
function questionsText(extra = ''): string {
  return (
    p('Heading1', '1\t引言') +
    p('Heading1', '2\t课题的措辞') +
    p('Heading2', 'A\t第1/20号课题 – 物联网') +
    p('Heading3', 'A.1\t目的') +
    p('Normal', '内容。') +
    extra
  );
}

/**
 * A package around `body`, stored (level 0): large generated parts then stay under the
 * compression ratio limit, which is not what these tests are about.
 */
function docx(body: string, extra: Record<string, string | Uint8Array> = {}, relationships: string[] = []): Uint8Array {
  const files: Zippable = {
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/_rels/document.xml.rels': strToU8(rels(...relationships)),
  };
  for (const [name, data] of Object.entries(extra)) files[name] = typeof data === 'string' ? strToU8(data) : data;
  return zipSync(files, { level: 0, mtime: new Date(1980, 0, 1) });
}

describe('linear on adversarial XML', () => {
  it('reads 170 000 empty paragraphs of a footer once', () => {
    const xml = footer(`${'<w:p/>'.repeat(170_000)}<w:p><w:r><w:t>L:\\A.DOCX</w:t><w:tab/><w:t>1.2.21</w:t></w:r></w:p>`);
    const texts = paragraphTexts(xml);
    expect(texts).toHaveLength(170_001);
    expect(texts.at(-1)).toBe('L:\\A.DOCX\t1.2.21');
  }, 60_000);

  it('reads 100 000 pictures and fallbacks that never close a pattern', () => {
    const ns = `${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`;
    const xml = `<w:hdr ${ns}>${'<mc:Fallback/><wp:anchor/>'.repeat(100_000)}</w:hdr>`;
    expect(imageNames(xml, 'word/header1.xml', undefined)).toEqual([]);
  }, 60_000);

  it('a whole package with such a footer reads, with the element limit raised', async () => {
    const bytes = docx(questionsText(), { 'word/footer1.xml': footer('<w:p/>'.repeat(170_000)) }, [FOOTER_REL]);
    const read = await readDocx(bytes, 'f.docx', { limits: { maxElements: 1_000_000 } });
    expect(read.value.questions).toHaveLength(1);
  }, 60_000);

  it('merges 40 000 runs whose properties end as </w:rPr >', () => {
    const xml = `<w:p>${'<w:r><w:rPr><w:b/></w:rPr ><w:t>a</w:t></w:r>'.repeat(40_000)}</w:p>`;
    expect(simplifyContentXml(xml)).toBe(`<w:p><w:r><w:t xml:space="preserve">${'a'.repeat(40_000)}</w:t></w:r></w:p>`);
  }, 60_000);

  it('leaves runs whose properties never end in this run as they were', () => {
    // Not well-formed: the pattern must fail at the next run, not search to the end of the part.
    const xml = `<w:p>${'<w:r><w:rPr><w:b/><w:t>a</w:t></w:r>'.repeat(40_000)}</w:p>`;
    expect(simplifyContentXml(xml)).toBe(xml);
  }, 60_000);

  it('drops revision ids from a tag with 200 000 trailing spaces', () => {
    expect(simplifyContentXml(`<w:p w:rsidR="1"${' '.repeat(200_000)}/>`)).toBe(`<w:p${' '.repeat(200_000)}/>`);
  }, 60_000);

  it('screens a part of 1.3 million elements', () => {
    expect(scanXml(`<w:body>${'<w:p/>'.repeat(1_300_000)}</w:body>`, 1000)).toBeUndefined();
  }, 60_000);
});

describe('memory bounded: the element budget', () => {
  it('refuses 1.3 million empty paragraphs before mammoth runs, in one line', async () => {
    const bytes = docx(questionsText('<w:p/>'.repeat(1_300_000)));
    const error = await rejectedInputError(() => readDocx(bytes, 'many.docx'));
    expect(error.describe()).toMatch(/^many\.docx: .*90,000.*--max-elements.*\(document too large\)$/);
  }, 60_000);

  it('counts every part: footnotes, styles and footers too', async () => {
    const notes = Array.from({ length: 200 }, (_, i) => `<w:footnote w:id="${i + 1}"><w:p><w:r><w:t>n</w:t></w:r></w:p></w:footnote>`);
    const bytes = docx(questionsText(), { 'word/footnotes.xml': `<w:footnotes ${W}>${notes.join('')}</w:footnotes>` }, [
      `<Relationship Id="rId7" Type="${REL}/footnotes" Target="footnotes.xml"/>`,
    ]);
    await expect(readDocx(bytes, 'notes.docx')).resolves.toBeDefined();
    const error = await rejectedInputError(() => readDocx(bytes, 'notes.docx', { limits: { maxElements: 500 } }));
    expect(error.message).toContain('500');
  });

  it('counts the parts as mammoth gets them: merged runs count once', async () => {
    const runs = '<w:r><w:rPr><w:b/></w:rPr><w:t>a</w:t></w:r>'.repeat(300);
    await expect(readDocx(docx(questionsText(`<w:p>${runs}</w:p>`)), 'runs.docx', { limits: { maxElements: 300 } })).resolves.toBeDefined();
  });

  it('is set by --max-elements', () => {
    expect(readLimits({ 'max-elements': '200000' })).toEqual({ docxLimits: { maxElements: 200_000 } });
  });
});

describe('no internal error', () => {
  for (const [where, bytes] of [
    ['word/footer1.xml', docx(questionsText(), { 'word/footer1.xml': footer('<w:p><w:r><w:t>&#1114112;</w:t></w:r></w:p>') }, [FOOTER_REL])],
    ['word/_rels/document.xml.rels', docx(questionsText(), {}, [`<Relationship Id="rId9" Type="${REL}/footer" Target="f&#xD800;.xml"/>`])],
    ['word/document.xml', docx(questionsText(p('Normal', '&#0;')))],
  ] as const) {
    it(`refuses a character reference XML forbids in ${where}, naming the part`, async () => {
      const error = await rejectedInputError(() => readDocx(bytes, 'refs.docx'));
      expect(error.where).toBe(where);
      expect(error.message).toMatch(/^malformed XML: &#/);
    });
  }

  it("says mammoth cannot read what it throws on: 'Not implemented'", async () => {
    const bytes = docx(questionsText('<w:p><w:r><w:instrText>a<w:t>b</w:t></w:instrText></w:r></w:p>'));
    const error = await rejectedInputError(() => readDocx(bytes, 'field.docx'));
    expect(error.describe()).toMatch(/^field\.docx:word\/document\.xml: .*mammoth.*Not implemented$/);
  });

  it('says mammoth cannot read what it throws on: a numbering style link to no style', async () => {
    const numbered = '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>';
    const numbering =
      `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="Missing"/></w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
    const bytes = docx(questionsText(numbered), { 'word/numbering.xml': numbering, 'word/styles.xml': `<w:styles ${W}/>` }, [
      `<Relationship Id="rId5" Type="${REL}/numbering" Target="numbering.xml"/>`,
      `<Relationship Id="rId6" Type="${REL}/styles" Target="styles.xml"/>`,
    ]);
    const error = await rejectedInputError(() => readDocx(bytes, 'numbering.docx'));
    expect(error.describe()).toMatch(/^numbering\.docx:word\/document\.xml: .*mammoth.*numId/);
  });
});

describe('declared encodings', () => {
  // The Questions text as character references (the same in any encoding), then 中文 in GB18030 bytes.
  const ascii = (xml: string): string => xml.replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
  const gb18030 = (declaration: string): Uint8Array => {
    const head = strToU8(`<?xml version="1.0" encoding="${declaration}"?><w:document ${W}><w:body>${ascii(questionsText())}<w:p><w:r><w:t>`);
    const tail = strToU8('</w:t></w:r></w:p></w:body></w:document>');
    return new Uint8Array([...head, 0xd6, 0xd0, 0xce, 0xc4, ...tail]);
  };

  it('decodes a part declared GB18030 per its declaration, and gives mammoth UTF-8', async () => {
    const bytes = docx('', { 'word/document.xml': gb18030('GB18030') });
    const screened = inspectPackage(bytes, 'gb.docx');
    expect(screened.texts.get('word/document.xml')).toContain('中文');
    expect(new TextDecoder().decode(screened.parts.get('word/document.xml'))).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>.*中文/su);
    const read = await readDocx(bytes, 'gb.docx');
    expect(JSON.stringify(read.value)).toContain('中文');
  });

  it('refuses an encoding the decoder does not know', async () => {
    const error = await rejectedInputError(() => readDocx(docx('', { 'word/document.xml': gb18030('x-unknown-7') }), 'enc.docx'));
    expect(error.where).toBe('word/document.xml');
    expect(error.message).toContain('x-unknown-7');
  });
});

/** A compound file whose one directory entry (after the 512-byte header) is the stream `name`. */
function ole2(name: string): Uint8Array {
  const bytes = new Uint8Array(512 + 512);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const entry = 512 + 128; // the second entry; the first is the root storage
  for (let i = 0; i < name.length; i++) bytes[entry + 2 * i] = name.charCodeAt(i);
  bytes[entry + 0x40] = (name.length + 1) * 2;
  bytes[entry + 0x42] = 2;
  return bytes;
}

describe('formats tsag does not read (yet)', () => {
  const text = (value: string): Uint8Array => strToU8(value);
  const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') });
  const cases: [file: string, bytes: Uint8Array, names: RegExp][] = [
    ['q.rtf', text('{\\rtf1\\ansi Question 1/20}'), /RTF.*soffice/],
    ['q.odt', odt, /OpenDocument text \(ODT\).*soffice/],
    ['q.docx', odt, /ODT/],
    ['q.doc', ole2('WordDocument'), /legacy Word \.doc.*soffice/],
    ['q.docx', ole2('EncryptionInfo'), /^password-protected \(encrypted\) Word file: /],
    ['q.docx', ole2('Workbook'), /encrypted.*\.doc/],
  ];
  for (const [file, bytes, names] of cases) {
    it(`${file} (${names.source}) is named in one line`, async () => {
      const error = await rejectedInputError(() => readDocument(bytes, file));
      expect(error.file).toBe(file);
      expect(error.message).toMatch(names);
      expect(error.describe()).not.toContain('\n');
    });
  }

  it('leaves text, Markdown and JSON to their readers', () => {
    expect(foreignFormat('q.txt', text('第1/20号课题 – 物联网\n'))).toBeUndefined();
    expect(foreignFormat('q.md', text('<html>\n\n# Question 1/20'))).toBeUndefined();
    expect(foreignFormat('q.json', text('{"questions": []}'))).toBeUndefined();
    expect(foreignFormat('q.txt', text('An <html> tag in the middle'))).toBeUndefined();
    expect(detectFormat('q.md', text('# x'))).toBe('markdown');
    expect(detectFormat('q.json', text('{}'))).toBe('json');
    expect(detectFormat('q.txt', text('x'))).toBe('text');
  });

  it('knows HTML by its extension or its start, whatever its name', () => {
    expect(detectFormat('q.html', text('Question 1/20'))).toBe('html');
    expect(detectFormat('q.XHTML', text('<p>x</p>'))).toBe('html');
    expect(detectFormat('q', text('\uFEFF \n <!DOCTYPE html><html><body>Question 1/20</body></html>'))).toBe('html');
    expect(detectFormat('q.txt', text('<HTML lang="en"><body>x</body></HTML>'))).toBe('html');
    expect(detectFormat('q', text('<?xml version="1.0"?>\n<!-- a -->\n<!DOCTYPE html PUBLIC "x"><html>'))).toBe('html');
    expect(detectFormat('q.md', text('<html>\n\n# Question 1/20'))).toBe('markdown');
  });
});
