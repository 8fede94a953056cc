/**
 * The package parts this reader reads itself, through the parser of ./dom.ts: relationships
 * (OPC, ECMA-376 Part 2, 9.3), and the page header and footer, which mammoth does not read.
 * Every part here has passed the XML screen in ./guards.ts first. A part the parser cannot
 * read gives nothing here; the screen has already refused what mammoth could not read.
 */
import { baseName } from '../metadata.js';
import { attributeNS, descendants, elementsInNamespaceOrNone, isElement, parseXml } from './dom.js';
import { append } from '../../model/arrays.js';

export const MAIN_DOCUMENT_FALLBACK = 'word/document.xml';

const REL_TYPE = {
  header: '/header',
  footer: '/footer',
  image: '/image',
} as const;

/** The parts mammoth reads beside the main part, by relationship type (docx-reader.js). */
const MAMMOTH_PART_TYPES = ['styles', 'numbering', 'footnotes', 'endnotes', 'comments'] as const;

export interface Relationship {
  id: string;
  type: string;
  /** The target resolved to a part name (`word/header1.xml`); the raw URL when external. */
  target: string;
  external: boolean;
}

/** Resolves a relationship target against the folder of its source part; `..` is honoured. */
export function resolveTarget(base: string, target: string): string {
  const segments = target.startsWith('/') ? [] : base.split('/').filter(Boolean);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}

function folderOf(part: string): string {
  return part.includes('/') ? part.slice(0, part.lastIndexOf('/')) : '';
}

/** `word/document.xml` → `word/_rels/document.xml.rels`. */
export function relsPathOf(part: string): string {
  const folder = folderOf(part);
  const base = part.slice(part.lastIndexOf('/') + 1);
  return `${folder ? `${folder}/` : ''}_rels/${base}.rels`;
}

/**
 * The relationships of a `.rels` part whose source lives in `sourceFolder`: `Relationship`
 * elements of the OPC namespace, any prefix, or of no namespace (hand-made packages omit it).
 */
export function partRelationships(rels: string, sourceFolder: string): Relationship[] {
  const parsed = parseXml(rels);
  if ('error' in parsed) return [];
  return elementsInNamespaceOrNone(parsed.root, 'rels', 'Relationship').map((element) => {
    const external = element.getAttribute('TargetMode') === 'External';
    const raw = element.getAttribute('Target') ?? '';
    return {
      id: element.getAttribute('Id') ?? '',
      type: element.getAttribute('Type') ?? '',
      target: external ? raw : resolveTarget(sourceFolder, raw),
      external,
    };
  });
}

/** The relationships of `part`, given the text of its rels part. */
export function relationshipsOf(part: string, rels: string | undefined): Relationship[] {
  return rels === undefined ? [] : partRelationships(rels, folderOf(part));
}

/** The parts mammoth will look for beside the main part: by relationship, else `word/<name>.xml`. */
export function mammothParts(mainPart: string, mainRels: string | undefined): string[] {
  const rels = relationshipsOf(mainPart, mainRels);
  const out: string[] = [];
  for (const name of MAMMOTH_PART_TYPES) {
    const targets = rels.filter((rel) => !rel.external && rel.type.endsWith(`/${name}`)).map((rel) => rel.target);
    append(out, targets).push(`word/${name}.xml`);
  }
  for (const rel of rels) {
    if (!rel.external && (rel.type.endsWith(REL_TYPE.header) || rel.type.endsWith(REL_TYPE.footer))) {
      out.push(rel.target);
    }
  }
  return [...new Set(out)];
}

/** The header and footer parts of the main part, in relationship order. */
export function headerFooterParts(mainPart: string, mainRels: string | undefined): { headers: string[]; footers: string[] } {
  const rels = relationshipsOf(mainPart, mainRels).filter((rel) => !rel.external);
  return {
    headers: rels.filter((rel) => rel.type.endsWith(REL_TYPE.header)).map((rel) => rel.target),
    footers: rels.filter((rel) => rel.type.endsWith(REL_TYPE.footer)).map((rel) => rel.target),
  };
}

/** `mc:Fallback` repeats what its `mc:Choice` says (for older readers): read it once. */
const isFallback = (element: Element): boolean => isElement(element, 'mc', 'Fallback');

/**
 * The text of each paragraph of a header or footer part: `w:t` text, `w:tab` as a tab,
 * `w:br` and `w:cr` as a line break; deleted text and field codes left out (what Word shows,
 * not what it stores). A paragraph inside another (a text box) is a paragraph of its own.
 */
export function paragraphTexts(xml: string): string[] {
  const parsed = parseXml(xml);
  if ('error' in parsed) return [];
  const out: string[] = [];
  const isParagraph = (element: Element): boolean => isElement(element, 'w', 'p');
  for (const paragraph of descendants(parsed.root, isFallback)) {
    if (!isParagraph(paragraph)) continue;
    let text = '';
    for (const element of descendants(paragraph, (e) => isFallback(e) || isParagraph(e))) {
      if (isElement(element, 'w', 't')) text += element.textContent ?? '';
      else if (isElement(element, 'w', 'tab')) text += '\t';
      else if (isElement(element, 'w', 'br') || isElement(element, 'w', 'cr')) text += '\n';
    }
    out.push(text.trimEnd());
  }
  return out;
}

const IMAGE_FILE = /\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp)$/i;

/**
 * The images of a header or footer part, by file name: the name the document gives the picture
 * (`wp:docPr` `descr` or `name`) when it is a file name, else the media part's name. A picture
 * given twice (DrawingML in `mc:Choice`, VML in `mc:Fallback`) is counted once.
 */
export function imageNames(xml: string, part: string, rels: string | undefined): string[] {
  const parsed = parseXml(xml);
  if ('error' in parsed) return [];
  const targets = new Map(relationshipsOf(part, rels).map((rel) => [rel.id, rel.target]));
  const out: string[] = [];
  const isDrawing = (element: Element): boolean =>
    isElement(element, 'wp', 'inline') || isElement(element, 'wp', 'anchor') || isElement(element, 'v', 'imagedata');
  for (const drawing of descendants(parsed.root, isFallback)) {
    if (!isDrawing(drawing)) continue;
    const inside = [drawing, ...descendants(drawing)];
    const docPr = inside.find((element) => isElement(element, 'wp', 'docPr'));
    const given = [docPr?.getAttribute('descr'), docPr?.getAttribute('name')]
      .map((name) => baseName(name ?? ''))
      .find((name) => IMAGE_FILE.test(name));
    const id = inside.map((element) => attributeNS(element, 'r', 'embed') || attributeNS(element, 'r', 'id')).find(Boolean);
    const media = id === undefined ? undefined : targets.get(id);
    const name = given ?? (media ? baseName(media) : undefined);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
