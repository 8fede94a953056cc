/**
 * The package of a tsag DOCX: `docx` writes the parts that do not depend on the document
 * (styles, numbering, settings, theme, font table, app and custom properties, content types,
 * the package's relationships), tsag writes the ones that do, whole: `word/document.xml`,
 * `word/footnotes.xml`, `word/endnotes.xml`, `word/footer1.xml`, `docProps/core.xml`, and a
 * part's relationships when it has hyperlinks.
 *
 * `docx`'s parts come from its public `Packer.toBuffer` of an empty document in the language's
 * styles, built once per language and footer (`template`), unzipped with fflate. Its
 * relationships are read with an XML parser (@xmldom/xmldom): which id the footer has, and what
 * a part's relationship list holds before tsag adds its hyperlinks. Nothing `docx` wrote is
 * edited as text.
 *
 * Deterministic: same model, same bytes. The template holds nothing that varies from run to run
 * once its `docProps/core.xml` (the clock's dates) is replaced; tsag's parts use fixed ids and
 * dates; the ZIP is written by ../../zip/write.ts (`[Content_Types].xml` first, the other entries
 * sorted, fixed entry times).
 */
import { DOMParser } from '@xmldom/xmldom';
import { Document, Footer, Packer } from 'docx';
import { strFromU8, strToU8, unzipSync } from 'fflate';
import type { WordSettings } from '../../model/languages.js';
import { zip } from '../../zip/write.js';
import { FIXED_DATE, escapeXml, type PartWriter } from './emit.js';
import { documentStyles } from './styles.js';

export { FIXED_DATE } from './emit.js';

const CONTENT_TYPES = '[Content_Types].xml';
const DOCUMENT = 'word/document.xml';
const FOOTNOTES = 'word/footnotes.xml';
const ENDNOTES = 'word/endnotes.xml';
const CORE = 'docProps/core.xml';
const ZIP_LEVEL = 6;
const RELATIONSHIP_TYPES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const RELATIONSHIPS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

// A4 with ITU's margins (twips): 9638 of text width, the width of Table 1.
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: 1418, right: 1134, bottom: 1134, left: 1134, header: 567, footer: 567, gutter: 0 };
const TAB_STOP = 794;

/** What fills a document: the parts tsag writes, each as written by a `PartWriter`. */
export interface DocxContent {
  /** `dc:title`; none when empty. */
  title: string;
  word: WordSettings;
  body: PartWriter;
  footnotes: PartWriter;
  footer?: PartWriter;
}

/** The package of `content`, zipped. */
export async function packDocx(content: DocxContent): Promise<Uint8Array> {
  const template = await packageTemplate(content.word, content.footer !== undefined);
  const parts = new Map(template.parts);
  const rtl = content.word.rtl;
  const text = (name: string, xml: string) => parts.set(name, strToU8(xml));

  const relationships = (part: string, writer: PartWriter): string[] => {
    const name = relsPath(part);
    const listed = template.relationships.get(name) ?? [];
    const [xml, ids] = withHyperlinks(listed, writer.hyperlinks);
    if (xml !== undefined) text(name, xml);
    return ids;
  };
  const sectionFooter = content.footer === undefined ? undefined : template.footer;
  text(
    DOCUMENT,
    `${XML_STANDALONE}<w:document mc:Ignorable="w14 w15 wp14" ${NAMESPACES} ${DOCUMENT_NAMESPACES}><w:body>` +
      content.body.xml(relationships(DOCUMENT, content.body)) +
      sectionProperties(sectionFooter?.id) +
      '</w:body></w:document>',
  );
  text(
    FOOTNOTES,
    `${XML_STANDALONE}<w:footnotes ${NAMESPACES} mc:Ignorable="w14 w15 wp14">${separatorNotes('footnote', rtl)}` +
      `${content.footnotes.xml(relationships(FOOTNOTES, content.footnotes))}</w:footnotes>`,
  );
  text(ENDNOTES, `${XML}<w:endnotes ${NAMESPACES} mc:Ignorable="w14 w15 wp14">${separatorNotes('endnote', rtl)}</w:endnotes>`);
  if (content.footer !== undefined) {
    if (sectionFooter === undefined) throw new Error('the DOCX template has no footer');
    const part = `word/${sectionFooter.target}`;
    text(part, `${XML}<w:ftr ${NAMESPACES}>${content.footer.xml(relationships(part, content.footer))}</w:ftr>`);
  }
  text(CORE, coreProperties(content.title, content.word.language));

  // `[Content_Types].xml` first, as Office writes it, then every part in a fixed order.
  const names = [...parts.keys()].filter((name) => name !== CONTENT_TYPES).sort(compare);
  const entries = [];
  for (const name of [CONTENT_TYPES, ...names]) {
    const data = parts.get(name);
    if (data !== undefined) entries.push({ name, data });
  }
  return zip(entries, ZIP_LEVEL);
}

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const XML_STANDALONE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
/** The namespaces of every WordprocessingML part tsag writes (as `docx` declares them). */
const NAMESPACES = [
  'wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"',
  'mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'o="urn:schemas-microsoft-com:office:office"',
  'r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
  'm="http://schemas.openxmlformats.org/officeDocument/2006/math"',
  'v="urn:schemas-microsoft-com:vml"',
  'wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"',
  'wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'w10="urn:schemas-microsoft-com:office:word"',
  'w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'w14="http://schemas.microsoft.com/office/word/2010/wordml"',
  'w15="http://schemas.microsoft.com/office/word/2012/wordml"',
  'wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"',
  'wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk"',
  'wne="http://schemas.microsoft.com/office/word/2006/wordml"',
  'wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
]
  .map((declaration) => `xmlns:${declaration}`)
  .join(' ');
/** The main document's further namespaces (drawing and later Word extensions). */
const DOCUMENT_NAMESPACES = [
  'cx="http://schemas.microsoft.com/office/drawing/2014/chartex"',
  'cx1="http://schemas.microsoft.com/office/drawing/2015/9/8/chartex"',
  'cx2="http://schemas.microsoft.com/office/drawing/2015/10/21/chartex"',
  'cx3="http://schemas.microsoft.com/office/drawing/2016/5/9/chartex"',
  'cx4="http://schemas.microsoft.com/office/drawing/2016/5/10/chartex"',
  'cx5="http://schemas.microsoft.com/office/drawing/2016/5/11/chartex"',
  'cx6="http://schemas.microsoft.com/office/drawing/2016/5/12/chartex"',
  'cx7="http://schemas.microsoft.com/office/drawing/2016/5/13/chartex"',
  'cx8="http://schemas.microsoft.com/office/drawing/2016/5/14/chartex"',
  'aink="http://schemas.microsoft.com/office/drawing/2016/ink"',
  'am3d="http://schemas.microsoft.com/office/drawing/2017/model3d"',
  'w16cex="http://schemas.microsoft.com/office/word/2018/wordml/cex"',
  'w16cid="http://schemas.microsoft.com/office/word/2016/wordml/cid"',
  'w16="http://schemas.microsoft.com/office/word/2018/wordml"',
  'w16sdtdh="http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash"',
  'w16se="http://schemas.microsoft.com/office/word/2015/wordml/symex"',
]
  .map((declaration) => `xmlns:${declaration}`)
  .join(' ');

/** The page: A4, ITU's margins, the footer when there is one. */
function sectionProperties(footerId: string | undefined): string {
  const margins = Object.entries(MARGIN)
    .map(([side, value]) => `w:${side}="${value}"`)
    .join(' ');
  return (
    '<w:sectPr>' +
    (footerId === undefined ? '' : `<w:footerReference w:type="default" r:id="${escapeXml(footerId)}"/>`) +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/><w:pgMar ${margins}/>` +
    '<w:pgNumType/><w:docGrid w:linePitch="360"/></w:sectPr>'
  );
}

/**
 * The separator notes Word draws the line above the notes with (ids -1 and 0), which every
 * notes part must hold; right to left in a right-to-left document, so that the line starts at
 * the right as the notes do.
 */
function separatorNotes(kind: 'footnote' | 'endnote', rtl: boolean): string {
  const reference = kind === 'footnote' ? 'FootnoteReference' : 'EndnoteReference';
  const note = (type: 'separator' | 'continuationSeparator', id: number) =>
    `<w:${kind} w:type="${type}" w:id="${id}"><w:p><w:pPr>${rtl ? '<w:bidi/>' : ''}<w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:r><w:rPr><w:rStyle w:val="${reference}"/>${rtl ? '<w:rtl/>' : ''}</w:rPr><w:${kind}Ref/></w:r>` +
    `<w:r>${rtl ? '<w:rPr><w:rtl/></w:rPr>' : ''}<w:${type}/></w:r></w:p></w:${kind}>`;
  return note('separator', -1) + note('continuationSeparator', 0);
}

/** The package properties: title, tsag as author, fixed dates (never the clock), `dc:language`. */
function coreProperties(title: string, language: string): string {
  return (
    `${XML_STANDALONE}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    (title === '' ? '' : `<dc:title>${escapeXml(title)}</dc:title>`) +
    '<dc:creator>tsag</dc:creator><cp:lastModifiedBy>tsag</cp:lastModifiedBy><cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified>` +
    `<dc:language>${escapeXml(language)}</dc:language></cp:coreProperties>`
  );
}

/** One `<Relationship>` of a part, as read from `docx`'s relationships or added by tsag. */
interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/**
 * A part's relationships with `hyperlinks` added, written whole, and the hyperlinks' ids; no XML
 * when there is no hyperlink (the part's relationships stay as `docx` wrote them). As Word lists
 * them: the part's own relationships, the hyperlinks, then the font table's, numbered after the
 * hyperlinks (`rId8` in an empty document, `rId15` after 7 hyperlinks); the hyperlinks take the
 * numbers after all of these.
 */
export function withHyperlinks(listed: readonly Relationship[], hyperlinks: readonly string[]): [string | undefined, string[]] {
  if (hyperlinks.length === 0) return [undefined, []];
  const number = (id: string) => (/^rId\d+$/.test(id) ? Number(id.slice(3)) : 0);
  const fontTable = listed.findIndex((relationship) => relationship.type === `${RELATIONSHIP_TYPES}/fontTable`);
  const before = fontTable < 0 ? listed : listed.slice(0, fontTable);
  const after = fontTable < 0 ? [] : listed.slice(fontTable).map((r, i) => (i === 0 ? { ...r, id: `rId${number(r.id) + hyperlinks.length}` } : r));
  let next = Math.max(0, ...[...before, ...after].map((r) => number(r.id))) + 1;
  const added = hyperlinks.map((target): Relationship => ({ id: `rId${next++}`, type: `${RELATIONSHIP_TYPES}/hyperlink`, target, external: true }));
  const xml =
    `${XML}<Relationships xmlns="${RELATIONSHIPS_NS}">` +
    [...before, ...added, ...after]
      .map(
        (r) =>
          `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('') +
    '</Relationships>';
  return [xml, added.map((r) => r.id)];
}

/** `word/_rels/document.xml.rels` for `word/document.xml`. */
function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What `docx` writes around the content, for one language, with or without a page footer. */
interface Template {
  parts: ReadonlyMap<string, Uint8Array>;
  /** The relationships of each `.rels` part, in order. */
  relationships: ReadonlyMap<string, Relationship[]>;
  /** The footer's relationship from the main document: its id and target (`footer1.xml`). */
  footer?: { id: string; target: string };
}

const templates = new WeakMap<WordSettings, Map<boolean, Promise<Template>>>();

function packageTemplate(word: WordSettings, withFooter: boolean): Promise<Template> {
  let byFooter = templates.get(word);
  if (byFooter === undefined) {
    byFooter = new Map();
    templates.set(word, byFooter);
  }
  let template = byFooter.get(withFooter);
  if (template === undefined) {
    template = buildTemplate(word, withFooter);
    byFooter.set(withFooter, template);
  }
  return template;
}

async function buildTemplate(word: WordSettings, withFooter: boolean): Promise<Template> {
  const document = new Document({
    creator: 'tsag',
    lastModifiedBy: 'tsag',
    revision: 1,
    defaultTabStop: TAB_STOP,
    styles: documentStyles(word),
    sections: [{ ...(withFooter ? { footers: { default: new Footer({ children: [] }) } } : {}), children: [] }],
  });
  // The parts tsag writes itself are not inflated.
  const written = new Set([DOCUMENT, FOOTNOTES, ENDNOTES, CORE]);
  const zipped = await Packer.toBuffer(document);
  const parts = new Map(Object.entries(unzipSync(zipped, { filter: (file) => !written.has(file.name) })));
  const relationships = new Map<string, Relationship[]>();
  for (const [name, data] of parts) if (name.endsWith('.rels')) relationships.set(name, readRelationships(strFromU8(data)));
  const footer = (relationships.get(relsPath(DOCUMENT)) ?? []).find((r) => r.type === `${RELATIONSHIP_TYPES}/footer`);
  return { parts, relationships, ...(footer === undefined ? {} : { footer: { id: footer.id, target: footer.target } }) };
}

function readRelationships(xml: string): Relationship[] {
  const elements = new DOMParser().parseFromString(xml, 'application/xml').getElementsByTagNameNS(RELATIONSHIPS_NS, 'Relationship');
  return Array.from({ length: elements.length }, (_, i) => {
    const element = elements.item(i);
    return {
      id: element?.getAttribute('Id') ?? '',
      type: element?.getAttribute('Type') ?? '',
      target: element?.getAttribute('Target') ?? '',
      external: element?.getAttribute('TargetMode') === 'External',
    };
  });
}
