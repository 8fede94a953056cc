/**
 * The XML parts tsag reads itself (relationships, header, footer, the main part's root and its
 * tracked changes) are read by namespace and local name, never by prefix or pattern. Two
 * defects of the regular expressions that read them before: a footer paragraph holding a text
 * box read as `L:\008C.DOCXPage 1` (the paragraph cut at the box's `</w:p>`, the dates lost),
 * and a package that writes `x:` for the WordprocessingML namespace read as empty.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { InputError } from '../../src/model/result.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { inspectPackage } from '../../src/readers/docx/guards.js';
import { paragraphTexts, partRelationships } from '../../src/readers/docx/parts.js';
import { simplifyContentXml } from '../../src/readers/docx/simplify.js';
import { CONTENT_TYPES, ROOT_RELS } from '../helpers/docx-parts.js';

const WML = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NAMESPACES = [
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
].join(' ');

/** WordprocessingML written with prefix `x` (`w`, `x`, …): `<~p>` → `<x:p>`, `</~p>` → `</x:p>`, `~val=` → `x:val=`. */
const prefixed = (prefix: string, xml: string): string => xml.replace(/~/gu, `${prefix}:`);

/** A text box, as Word 2010+ writes it: DrawingML in `mc:Choice`, VML in `mc:Fallback`. */
const TEXT_BOX =
  '<~r><mc:AlternateContent><mc:Choice Requires="wps"><~drawing><wps:txbx><~txbxContent>' +
  '<~p><~r><~t>Page 1</~t></~r></~p></~txbxContent></wps:txbx></~drawing></mc:Choice>' +
  '<mc:Fallback><~pict><v:textbox><~txbxContent><~p><~r><~t>Page 1</~t></~r></~p></~txbxContent></v:textbox></~pict></mc:Fallback>' +
  '</mc:AlternateContent></~r>';

/** 008C's footer line with a text box (the page number) after the path. */
const FOOTER = `<~ftr ${NAMESPACES}><~p><~r><~t>L:\\008C.DOCX</~t></~r>${TEXT_BOX}<~r><~tab/><~t>27.01.21</~t><~tab/><~t>25.11.19</~t></~r></~p></~ftr>`;

const para = (style: string, text: string): string =>
  `<~p><~pPr><~pStyle ~val="${style}"/></~pPr><~r>${text
    .split('\t')
    .map((part) => `<~t xml:space="preserve">${part}</~t>`)
    .join('<~tab/>')}</~r></~p>`;

const BODY =
  para('Heading1', '1\t引言') +
  para('Normal', '引言的内容。') +
  para('Heading1', '2\t课题的措辞') +
  para('Heading2', 'A\t第1/20号课题 – 物联网') +
  para('Heading3', 'A.1\t目的') +
  '<~p><~r><~t xml:space="preserve">kept </~t></~r><~ins ~id="1" ~author="a"><~r><~t>inserted</~t></~r></~ins>' +
  '<~del ~id="2" ~author="a"><~r><~delText>deleted</~delText></~r></~del></~p>';

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>' +
  '</Relationships>';

/** A package whose document and footer write WordprocessingML with `prefix`. */
function docx(prefix: string, namespace = WML, body = BODY): Uint8Array {
  const declare = `xmlns:${prefix}="${namespace}"`;
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>${prefixed(prefix, `<~document ${declare} ${NAMESPACES}><~body>${body}</~body></~document>`)}`,
    ),
    'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    'word/footer1.xml': strToU8(prefixed(prefix, FOOTER).replace(`<${prefix}:ftr `, `<${prefix}:ftr ${declare} `)),
  });
}

function withoutSource(document: QuestionsDocument): unknown {
  const { source: _, ...metadata } = document.metadata;
  return { ...document, metadata };
}

describe('a footer paragraph that holds a text box', () => {
  it('reads as its own text, the box a paragraph apart', () => {
    const footer = prefixed('w', FOOTER).replace('<w:ftr ', `<w:ftr xmlns:w="${WML}" `);
    expect(paragraphTexts(footer)).toEqual(['L:\\008C.DOCX\t27.01.21\t25.11.19', 'Page 1']);
  });

  it('gives the footer path and both dates', async () => {
    const read = await readDocx(docx('w'), 'box.docx');
    expect(read.value.metadata.footer).toEqual({ path: 'L:\\008C.DOCX', dates: ['27.01.21', '25.11.19'] });
    expect(read.value.metadata.documentReference).toBe('008C.DOCX');
  });
});

describe('WordprocessingML written with another prefix', () => {
  it.each(['x', 'wp14', 'W'])('reads a package written with %s: as the one written with w:', async (prefix) => {
    const expected = await readDocx(docx('w'), 'p.docx');
    const read = await readDocx(docx(prefix), 'p.docx');
    expect(expected.value.questions[0]?.sections[0]?.blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', value: 'kept inserted' }] }]);
    expect(withoutSource(read.value)).toEqual(withoutSource(expected.value));
    expect(read.warnings.map((w) => w.code)).toEqual(expected.warnings.map((w) => w.code));
    expect(read.warnings.filter((w) => w.code === 'docx.trackedChanges')).toHaveLength(1);
  });

  it('reads a footer written with x:', () => {
    const footer = prefixed('x', FOOTER).replace('<x:ftr ', `<x:ftr xmlns:x="${WML}" `);
    expect(paragraphTexts(footer)).toEqual(['L:\\008C.DOCX\t27.01.21\t25.11.19', 'Page 1']);
  });

  it('reads relationships by their namespace, or none, whatever the prefix', () => {
    const rel = 'Id="rId1" Type="t/footer" Target="footer1.xml"';
    const ns = 'http://schemas.openxmlformats.org/package/2006/relationships';
    expect(partRelationships(`<r:Relationships xmlns:r="${ns}"><r:Relationship ${rel}/></r:Relationships>`, 'word').map((r) => r.target)).toEqual([
      'word/footer1.xml',
    ]);
    expect(partRelationships(`<Relationships><Relationship ${rel}/></Relationships>`, 'word').map((r) => r.target)).toEqual(['word/footer1.xml']);
    expect(partRelationships(`<Relationships xmlns="urn:other"><Relationship ${rel}/></Relationships>`, 'word')).toEqual([]);
  });

  it('finds no tracked change in an element of another namespace named w:ins, nor in text', async () => {
    const body = `${BODY.slice(0, BODY.indexOf('<~p><~r><~t xml:space="preserve">kept'))}<~p><~r><~t>kept w:ins></~t></~r><w:ins xmlns:w="urn:other"/></~p>`;
    const read = await readDocx(docx('w', WML, body), 'p.docx');
    expect(read.value.questions[0]?.sections[0]?.blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', value: 'kept w:ins>' }] }]);
    expect(read.warnings.filter((w) => w.code === 'docx.trackedChanges')).toEqual([]);
  });

  it('refuses, before mammoth, a main part whose root is a document of another namespace', () => {
    expect(() => inspectPackage(docx('w', 'urn:not-word'), 'other.docx')).toThrow(InputError);
    expect(() => inspectPackage(docx('x'), 'x.docx')).not.toThrow();
  });

  it('leaves a part where w: is not WordprocessingML as it is when simplifying', () => {
    const xml = '<w:document xmlns:w="urn:other"><w:p><w:r><w:t>a</w:t></w:r><w:r><w:t>b</w:t></w:r><w:proofErr/></w:p></w:document>';
    expect(simplifyContentXml(xml)).toBe(xml);
  });
});
