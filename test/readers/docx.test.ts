/**
 * The DOCX reader. The acceptance test: 008C.docx and 008C.txt, two renditions of one
 * edition, give the same model but for `metadata.source`. Small packages built here (fflate
 * `zipSync` of XML strings) cover tracked changes, mammoth's messages and odd encodings.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { plainText } from '../../src/model/inline.js';
import { InputError } from '../../src/model/result.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readBody, type MammothDocument, type MammothElement } from '../../src/readers/docx/body.js';
import { imageNames, paragraphTexts, resolveTarget } from '../../src/readers/docx/parts.js';
import { STYLE_MAP, styleMeaning } from '../../src/readers/docx/styles.js';
import { readText } from '../../src/readers/text/index.js';
import { SHARED } from '../helpers/paths.js';

const DOCX = readFileSync(`${SHARED}input/008C.docx`);
const TXT = readFileSync(`${SHARED}input/008C.txt`);

function withoutSource(document: QuestionsDocument): unknown {
  const { source: _, ...metadata } = document.metadata;
  return { ...document, metadata };
}

describe('008C.docx', async () => {
  const read = await readDocx(DOCX, 'input/008C.docx');
  const model = read.value;

  it('gives the same model as 008C.txt, but for metadata.source', () => {
    const text = readText(TXT, 'input/008C.txt').value;
    expect(withoutSource(model)).toEqual(withoutSource(text));
  });

  it('has 7 Questions, 1 footnote and Table 1 with 7 rows', () => {
    expect(model.questions.map((q) => `${q.letter} ${q.number}`)).toEqual(['A 1/20', 'B 2/20', 'C 3/20', 'D 4/20', 'E 5/20', 'F 6/20', 'G 7/20']);
    expect(model.footnotes).toEqual([{ id: '1', text: '根据WTSA第2号决议（2016年，哈马马特）' }]);
    const table = model.frontMatter.blocks.find((block) => block.type === 'questionTable');
    expect(table?.type === 'questionTable' && table.caption).toBe('表1 – 第20研究组有效课题（已批准的见左侧）和先前课题（右栏）对比图');
    expect(table?.type === 'questionTable' && table.columns).toEqual(['新序号', '当前的课题标题', '状态', '原序号', '先前的课题标题']);
    expect(table?.type === 'questionTable' && table.rows.map((row) => row.newNumber)).toEqual([
      '1/20',
      '2/20',
      '3/20',
      '4/20',
      '5/20',
      '6/20',
      '7/20',
    ]);
  });

  it('reads the metadata from the package: footer, header image, source', () => {
    expect(model.metadata).toEqual({
      language: 'zh',
      source: { fileName: '008C.docx', format: 'docx', sha256: createHash('sha256').update(DOCX).digest('hex') },
      documentReference: '008C.DOCX',
      footer: { path: 'L:\\008C.DOCX', dates: ['27.01.21', '25.11.19'] },
      images: ['image1.png'],
    });
  });

  it('keeps no bookmark, and the hyperlinks as their text', () => {
    const json = JSON.stringify(model);
    for (const name of ['_Toc', 'lt_pId', '_GoBack', '_Hlk', 'bookmark']) expect(json).not.toContain(name);
    expect(model.questions[0]?.workProgrammeUrl).toBe('https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20');
  });

  it('has no warning: the style map knows every style of the document', () => {
    expect(read.warnings).toEqual([]);
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '</Relationships>';

function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
}

/** A minimal package around `body`; `document` replaces the bytes of word/document.xml. */
function docx(body: string, document?: Uint8Array): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(ROOT_RELS),
    'word/document.xml': document ?? strToU8(documentXml(body)),
  });
}

/** A paragraph of the given style; a TAB in the text becomes `w:tab`, as Word writes it. */
function p(style: string, text: string): string {
  const runs = text
    .split('\t')
    .map((part) => `<w:t xml:space="preserve">${part}</w:t>`)
    .join('<w:tab/>');
  return `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r>${runs}</w:r></w:p>`;
}

/** The smallest Questions text: two document headings, one Question, one section; then `section`. */
function questionsText(section: string): string {
  return (
    p('Heading1', '1\t引言') +
    p('Normal', '引言的内容。') +
    p('Heading1', '2\t课题的措辞') +
    p('Heading2', 'A\t第1/20号课题 – 物联网') +
    p('Heading3', 'A.1\t目的') +
    section
  );
}

describe('hand-made packages', () => {
  it('reads tracked changes as accepted, with a warning', async () => {
    const changed =
      '<w:p><w:r><w:t xml:space="preserve">kept </w:t></w:r>' +
      '<w:ins w:id="1" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins>' +
      '<w:del w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del></w:p>';
    const read = await readDocx(docx(questionsText(changed)), 'changes.docx');
    const section = read.value.questions[0]?.sections[0];
    expect(section?.blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', value: 'kept inserted' }] }]);
    expect(read.warnings.filter((w) => w.code === 'docx.trackedChanges')).toHaveLength(1);
  });

  it('reports a paragraph style the style map does not know, placed at the main part', async () => {
    const read = await readDocx(docx(questionsText(p('FancyStyle', '一段。'))), 'styles.docx');
    const unknown = read.warnings.filter((w) => w.code === 'docx.unknownStyle');
    expect(unknown.map((w) => w.message.includes('FancyStyle'))).toEqual([true]);
    expect(unknown[0]?.where).toEqual({ file: 'styles.docx', section: 'word/document.xml' });
  });

  it('reports each unknown paragraph style once, in table cells too, in reading order; known ones not at all', async () => {
    const cellOf = (body: string) => `<w:tc>${body}</w:tc>`;
    const table = `<w:tbl><w:tr>${cellOf(p('CellStyle', '甲'))}${cellOf(p('CellStyle', '乙'))}</w:tr></w:tbl>`;
    const body = p('FancyStyle', '一段。') + p('FancyStyle', '二段。') + p('Heading4', '标题') + table;
    const read = await readDocx(docx(questionsText(body)), 'styles.docx');
    const unknown = read.warnings.filter((w) => w.code === 'docx.unknownStyle').map((w) => /id (\w+)/u.exec(w.message)?.[1]);
    expect(unknown).toEqual(['FancyStyle', 'CellStyle']);
    // Said once, by tsag: not again in mammoth's words.
    expect(read.warnings.filter((w) => w.code === 'docx.mammoth' && w.message.includes('Unrecognised'))).toEqual([]);
  });

  it('reads a main part written in UTF-16', async () => {
    const xml = documentXml(questionsText(p('Normal', '目的的内容。')));
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    const read = await readDocx(docx('', utf16), 'utf16.docx');
    expect(read.value.questions[0]?.sections[0]?.blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', value: '目的的内容。' }] }]);
  });

  it('turns what mammoth throws into one line that names the part', async () => {
    const odd = '<w:p><w:r><w:t><x>text in an element</x></w:t></w:r></w:p>';
    try {
      await readDocx(docx(questionsText(odd)), 'odd.docx');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).describe()).toMatch(/^odd\.docx:word\/document\.xml: [^\n]+$/);
    }
  });

  it('refuses a main part that is not a Word document', async () => {
    const bytes = zipSync({ '_rels/.rels': strToU8(ROOT_RELS), 'word/document.xml': strToU8('<a:theme xmlns:a="urn:x"/>') });
    await expect(readDocx(bytes, 'theme.docx')).rejects.toThrow('not a Word document: the main part is <a:theme>, not <w:document>');
  });
});

describe('the style map', () => {
  it('finds a style by name or id, ignoring case, spaces and underscores', () => {
    expect(styleMeaning('enumlev1', 'Enumlev1')).toEqual({ kind: 'listItem', level: 1 });
    expect(styleMeaning(null, 'Heading2')).toEqual({ kind: 'heading', level: 2 });
    expect(styleMeaning('Table_title', 'Tabletitle')).toEqual({ kind: 'caption' });
    expect(styleMeaning('table text', null)).toEqual({ kind: 'tableText' });
    expect(styleMeaning('Fancy Text', 'a9')).toBeUndefined();
  });

  it('covers the ITU styles of 008C', () => {
    for (const name of [
      'Heading 1',
      'Heading 2',
      'Heading 3',
      'Call',
      'Questionhistory',
      'enumlev1',
      'enumlev2',
      'Table_title',
      'Table_head',
      'Table_text',
    ]) {
      expect(STYLE_MAP).toHaveProperty([name]);
    }
  });
});

const run = (...children: MammothElement[]): MammothElement => ({ type: 'run', children });
const text = (value: string): MammothElement => ({ type: 'text', value });
const para = (children: MammothElement[], styleName: string | null = null): MammothElement => ({
  type: 'paragraph',
  styleName,
  styleId: null,
  children,
});
const cell = (value: string, span: Partial<MammothElement> = {}): MammothElement => ({
  type: 'tableCell',
  colSpan: 1,
  rowSpan: 1,
  ...span,
  children: value === '' ? [] : [para([run(text(value))])],
});

function mammothDocument(children: MammothElement[], notes: Record<string, MammothElement[]> = {}): MammothDocument {
  return {
    type: 'document',
    children,
    notes: { resolve: ({ noteType, noteId }) => (notes[`${noteType}-${noteId}`] ? { body: notes[`${noteType}-${noteId}`] ?? [] } : null) },
  };
}

describe('readBody', () => {
  const where = { file: 'f.docx' };

  it('lays out cells as a grid: spans keep the columns of the cells after them', () => {
    const table: MammothElement = {
      type: 'table',
      children: [
        { type: 'tableRow', isHeader: true, children: [cell('a', { rowSpan: 2 }), cell('b', { colSpan: 2 }), cell('c')] },
        { type: 'tableRow', isHeader: false, children: [cell('d'), cell(''), cell('e')] },
      ],
    };
    const lines = readBody(mammothDocument([table]), where).lines;
    expect(lines.map((line) => [plainText(line.content), line.hint])).toEqual([
      ['a', { kind: 'tableCell', row: 0, column: 0, header: true }],
      ['b', { kind: 'tableCell', row: 0, column: 1, header: true }],
      ['c', { kind: 'tableCell', row: 0, column: 3, header: true }],
      ['d', { kind: 'tableCell', row: 1, column: 1, header: false }],
      ['e', { kind: 'tableCell', row: 1, column: 3, header: false }],
    ]);
  });

  it('takes the first row as the header when no row is marked', () => {
    const table: MammothElement = {
      type: 'table',
      children: [
        { type: 'tableRow', children: [cell('h')] },
        { type: 'tableRow', children: [cell('v')] },
      ],
    };
    expect(readBody(mammothDocument([table]), where).lines.map((line) => line.hint)).toEqual([
      { kind: 'tableCell', row: 0, column: 0, header: true },
      { kind: 'tableCell', row: 1, column: 0, header: false },
    ]);
  });

  it('splits a paragraph at a line break, skips bookmarks, keeps tabs and link text', () => {
    const paragraph = para(
      [
        { type: 'bookmarkStart' },
        run(text('–'), { type: 'tab' }, text('one')),
        { type: 'hyperlink', children: [run(text(' link'))] },
        run({ type: 'break', breakType: 'line' }, text('two  ')),
        run({ type: 'break', breakType: 'page' }),
      ],
      'enumlev1',
    );
    const lines = readBody(mammothDocument([paragraph]), where).lines;
    expect(lines).toEqual([
      { content: [{ type: 'text', value: '–\tone link' }], hint: { kind: 'listItem', level: 1 }, where },
      { content: [{ type: 'text', value: 'two' }], where },
    ]);
  });

  it('reads footnotes by reference, without the tab after the mark', () => {
    const note = [para([run(), run({ type: 'tab' }, text(' ')), run(text('the note  '))], 'Footnote Text')];
    const body = [para([run(text('text')), run({ type: 'noteReference', noteType: 'footnote', noteId: '2' })])];
    const read = readBody(mammothDocument(body, { 'footnote-2': note }), where);
    expect(read.lines[0]?.content).toEqual([
      { type: 'text', value: 'text' },
      { type: 'footnoteReference', id: '2' },
    ]);
    expect(read.footnotes).toEqual([{ id: '2', text: 'the note' }]);
  });

  it('drops the closing rule, and warns about what it drops', () => {
    const body = [para([run(text('content'), { type: 'image' })]), para([run(text('______________'))]), para([])];
    const read = readBody(mammothDocument(body), where);
    expect(read.lines.map((line) => plainText(line.content))).toEqual(['content']);
    expect(read.warnings).toEqual([{ code: 'docx.image', where, message: 'dropped 1 image(s) in the body' }]);
  });
});

describe('package parts', () => {
  it('resolves relationship targets against the source folder', () => {
    expect(resolveTarget('word', 'media/image1.png')).toBe('word/media/image1.png');
    expect(resolveTarget('word', '../customXml/item1.xml')).toBe('customXml/item1.xml');
    expect(resolveTarget('word', '/word/document.xml')).toBe('word/document.xml');
  });

  it('reads footer text with tabs, and image names once per picture', () => {
    expect(paragraphTexts(`<w:ftr ${W}><w:p><w:r><w:t>L:\\A.DOCX</w:t><w:tab/><w:t>1.2.21</w:t></w:r></w:p></w:ftr>`)).toEqual([
      'L:\\A.DOCX\t1.2.21',
    ]);
    const rels = '<Relationships><Relationship Id="rId1" Type="x/image" Target="media/image7.png"/></Relationships>';
    const named = '<wp:inline><wp:docPr id="1" name="Picture 1" descr="logo.png"/><a:blip r:embed="rId1"/></wp:inline>';
    const unnamed = '<wp:anchor><wp:docPr id="2" name="Picture 2"/><a:blip r:embed="rId1"/></wp:anchor>';
    const ns = [
      W,
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
      'xmlns:v="urn:schemas-microsoft-com:vml"',
    ].join(' ');
    const header = `<w:hdr ${ns}><mc:AlternateContent><mc:Choice>${named}</mc:Choice><mc:Fallback><v:imagedata r:id="rId1"/></mc:Fallback></mc:AlternateContent>${unnamed}</w:hdr>`;
    expect(imageNames(header, 'word/header1.xml', rels)).toEqual(['logo.png', 'image7.png']);
  });
});
