import { strFromU8, strToU8, unzipSync } from 'fflate';
import { zip } from '../../zip/write.js';
import { dropXmlChars } from '../characters.js';
import { escape } from './emit.js';
import { markRightToLeft } from './rtl.js';

/**
 * Makes a package written by the `docx` package deterministic (same model, same bytes), and
 * adds what `docx` cannot write. Packing one document twice and diffing every part shows what
 * varies from one run to the next:
 *
 * - `docProps/core.xml`: `dcterms:created` and `dcterms:modified` hold the current time;
 * - `*.rels` and the part they belong to: hyperlink relationships get random ids (`rId` + nanoid);
 * - `w:bookmarkStart`/`w:bookmarkEnd` ids come from a counter that lives as long as the process,
 *   so the second document written by one process numbers its bookmarks from where the first stopped;
 * - the ZIP: entry order follows `docx`'s internals, and every entry carries the current time
 *   (so the parts are zipped here, by ../../zip/write.ts).
 *
 * Everything else (styles, numbering, settings, theme) came out identical in every run.
 *
 * Characters that XML 1.0 forbids or discourages (../characters.ts) are dropped from every
 * XML part, whoever wrote it: the package is well-formed whatever text the model holds.
 *
 * Tracked changes (`w:ins`, `w:del`: the redline of a diff) get ids in order of appearance,
 * after the bookmarks' ids, since Word wants one id space for all annotations of a document.
 * A document without tracked changes is left as it was.
 */

/** The date written as created and modified, so that it never depends on the clock. */
export const FIXED_DATE = '2000-01-01T00:00:00Z';

const CONTENT_TYPES = '[Content_Types].xml';
/** The parts that hold paragraphs: the body, notes, headers and footers. */
const CONTENT_PART = /^word\/(?:document|footnotes|endnotes|header\d*|footer\d*)\.xml$/;
const CORE = 'docProps/core.xml';
const ZIP_LEVEL = 6;

export interface PackageProperties {
  /** `dc:language` (`zh-CN`). */
  language: string;
  /** Mark the paragraphs, runs and tables of the content parts right to left (./rtl.ts). */
  rightToLeft?: boolean;
}

export function normalizePackage(bytes: Uint8Array, properties: PackageProperties): Uint8Array {
  return normalizeParts(new Map(Object.entries(unzipSync(bytes))), properties);
}

/**
 * The same from the package's parts, before any zip (what `docx`'s compiler gives): the parts
 * are zipped once, here. A part may be text (zipped as UTF-8) or bytes. `parts` is changed.
 */
export function normalizeParts(parts: Map<string, string | Uint8Array>, properties: PackageProperties): Uint8Array {
  const text = (name: string): string | undefined => {
    const part = parts.get(name);
    return part === undefined ? undefined : typeof part === 'string' ? part : strFromU8(part);
  };
  const names = [...parts.keys()].sort(compare);

  // Whatever wrote a part (`docx`'s objects for the redline of a diff, its core properties), no
  // character XML 1.0 forbids reaches it: Word refuses a part that is not well-formed XML.
  for (const name of names.filter(isXmlPart)) {
    const xml = text(name) ?? '';
    const clean = dropXmlChars(xml);
    if (clean !== xml) parts.set(name, clean);
  }

  for (const name of names.filter((n) => n.endsWith('.rels'))) {
    const owner = relsOwner(name);
    const [rels, renamed] = renumberRelationships(text(name) ?? '');
    parts.set(name, rels);
    if (owner !== undefined && renamed.size > 0) parts.set(owner, replaceIds(text(owner) ?? '', renamed));
  }

  const bookmarks = new Map<string, string>();
  for (const name of names.filter((n) => n.startsWith('word/') && n.endsWith('.xml'))) {
    const xml = text(name) ?? '';
    if (xml.includes('<w:bookmark')) parts.set(name, renumberBookmarks(xml, bookmarks));
  }

  const revisions = { next: bookmarks.size };
  for (const name of names.filter((n) => n.startsWith('word/') && n.endsWith('.xml'))) {
    const xml = text(name) ?? '';
    if (REVISION.test(xml)) parts.set(name, renumberRevisions(xml, revisions));
  }

  if (properties.rightToLeft) {
    for (const name of names.filter((n) => CONTENT_PART.test(n))) parts.set(name, markRightToLeft(text(name) ?? ''));
  }

  const core = text(CORE);
  if (core !== undefined) parts.set(CORE, fixCoreProperties(core, properties));

  // `[Content_Types].xml` first, as Office writes it, then every part in a fixed order.
  const entries = [];
  for (const name of [CONTENT_TYPES, ...names.filter((n) => n !== CONTENT_TYPES)]) {
    const part = parts.get(name);
    if (part !== undefined) entries.push({ name, data: typeof part === 'string' ? strToU8(part) : part });
  }
  return zip(entries, ZIP_LEVEL);
}

function isXmlPart(name: string): boolean {
  return name.endsWith('.xml') || name.endsWith('.rels');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `word/_rels/document.xml.rels` belongs to `word/document.xml`; `_rels/.rels` to the package. */
function relsOwner(name: string): string | undefined {
  const match = /^(.*?)_rels\/(.+)\.rels$/.exec(name);
  return match && match[2] !== '' ? `${match[1]}${match[2]}` : undefined;
}

/**
 * Gives every relationship id that is not `rId<number>` the next free `rId<number>`, in the
 * order the relationships are listed (the order `docx` met them in the document).
 */
export function renumberRelationships(rels: string): [string, Map<string, string>] {
  const ids = [...rels.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1] ?? '');
  let next = Math.max(0, ...ids.map((id) => (/^rId\d+$/.test(id) ? Number(id.slice(3)) : 0))) + 1;
  const renamed = new Map<string, string>();
  for (const id of ids) if (!/^rId\d+$/.test(id) && !renamed.has(id)) renamed.set(id, `rId${next++}`);
  return [replaceIds(rels, renamed), renamed];
}

/** Replaces whole quoted attribute values: the random ids never occur as anything else. */
function replaceIds(xml: string, renamed: ReadonlyMap<string, string>): string {
  if (renamed.size === 0) return xml;
  // One pass that stops only at the renamed ids: a callback for every attribute of the document
  // took more time than the rest of the normalisation together.
  const ids = [...renamed.keys()].map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return xml.replace(new RegExp(`="(${ids.join('|')})"`, 'g'), (_, id: string) => `="${renamed.get(id) ?? id}"`);
}

/** Numbers bookmarks 0, 1, 2… in order of first appearance, shared across parts via `seen`. */
export function renumberBookmarks(xml: string, seen: Map<string, string>): string {
  return xml.replace(/<w:bookmark(Start|End)\b[^>]*>/g, (tag) =>
    tag.replace(/\bw:id="([^"]*)"/, (_, id: string) => {
      let n = seen.get(id);
      if (n === undefined) seen.set(id, (n = String(seen.size)));
      return `w:id="${n}"`;
    }),
  );
}

// `<w:ins ` and `<w:del `, never `w:instrText` or `w:delText`.
const REVISION = /<w:(?:ins|del)\b/;

/** Numbers tracked changes `counter.next`, `counter.next + 1`… in order of appearance. */
export function renumberRevisions(xml: string, counter: { next: number }): string {
  return xml.replace(/<w:(?:ins|del)\b[^>]*>/g, (tag) => tag.replace(/\bw:id="[^"]*"/, () => `w:id="${counter.next++}"`));
}

/** Fixed dates instead of the clock, and `dc:language`, which `docx` has no option for. */
export function fixCoreProperties(core: string, properties: PackageProperties): string {
  let out = core.replace(
    /(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g,
    (_, open: string, _name: string, close: string) => `${open}${FIXED_DATE}${close}`,
  );
  if (!out.includes('<dc:language>')) {
    const language = `<dc:language>${escape(properties.language)}</dc:language>`;
    out = out.replace('</cp:coreProperties>', `${language}</cp:coreProperties>`);
  }
  return out;
}
