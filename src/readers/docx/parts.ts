/**
 * The package parts this reader reads itself, with small pattern readers rather than a parser:
 * relationships (OPC, ECMA-376 Part 2, 9.3), and the page header and footer, which mammoth
 * does not read. Every part here has passed the XML screen in ./guards.ts first.
 */
import { baseName } from '../metadata.js';

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

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Replaces the predefined and numeric character references (the screen allowed no others). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return XML_ENTITIES[ref] ?? '';
  });
}

/** The attributes of one start tag, by qualified name. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    out.set(match[1] ?? '', decodeEntities(match[2] ?? match[3] ?? ''));
  }
  return out;
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

/** The relationships of a `.rels` part whose source lives in `sourceFolder`. */
export function partRelationships(rels: string, sourceFolder: string): Relationship[] {
  const out: Relationship[] = [];
  for (const match of rels.matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const attrs = attributes(match[1] ?? '');
    const external = attrs.get('TargetMode') === 'External';
    const raw = attrs.get('Target') ?? '';
    out.push({
      id: attrs.get('Id') ?? '',
      type: attrs.get('Type') ?? '',
      target: external ? raw : resolveTarget(sourceFolder, raw),
      external,
    });
  }
  return out;
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
    out.push(...targets, `word/${name}.xml`);
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

/**
 * The text of each paragraph of a header or footer part: `w:t` text, `w:tab` as a tab,
 * deleted text and field codes left out (what Word shows, not what it stores).
 */
export function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  for (const paragraph of xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    let text = '';
    const body = (paragraph[1] ?? '').replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, '');
    for (const token of body.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>|<w:(tab|br|cr)\b[^>]*\/>/g)) {
      if (token[2] === 'tab') text += '\t';
      else if (token[2]) text += '\n';
      else text += decodeEntities(token[1] ?? '');
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
  const targets = new Map(relationshipsOf(part, rels).map((rel) => [rel.id, rel.target]));
  const out: string[] = [];
  const body = xml.replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, '');
  const drawings = body.matchAll(/<wp:(?:inline|anchor)\b[\s\S]*?<\/wp:(?:inline|anchor)>|<v:imagedata\b[^>]*>/g);
  for (const drawing of drawings) {
    const text = drawing[0];
    const docPr = attributes(/<wp:docPr\b([^>]*)>/.exec(text)?.[1] ?? '');
    const given = [docPr.get('descr'), docPr.get('name')].map((n) => baseName(n ?? '')).find((n) => IMAGE_FILE.test(n));
    const id = /r:(?:embed|id)="([^"]*)"/.exec(text)?.[1];
    const media = id === undefined ? undefined : targets.get(id);
    const name = given ?? (media ? baseName(media) : undefined);
    if (name && !out.includes(name)) out.push(name);
  }
  return out;
}
