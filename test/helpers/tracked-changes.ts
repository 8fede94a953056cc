/**
 * Accept All and Reject All on a DOCX, done on the XML as Word does them, so that a test can
 * read either view with any reader (mammoth reads tracked changes as accepted; these prove both
 * views without relying on that). Made for the packages tsag writes: well-formed parts without
 * comments or CDATA, tracked changes only as `w:ins`/`w:del` on runs, paragraph marks and rows.
 *
 * Reject All: inserted runs go; deleted runs stay as plain runs (`w:delText` → `w:t`); a
 * paragraph whose mark was inserted gives its remaining content to the next paragraph (or goes,
 * when nothing remains); a row inserted goes; deletion marks go. Accept All is the mirror.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

interface XmlElement {
  name: string;
  /** The attributes as written, with their leading space. */
  attributes: string;
  children: XmlNode[];
}

/** An element, or text as written (entities left escaped). */
type XmlNode = XmlElement | string;

/** The parts that can hold tracked changes. */
const PARTS = /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/;

export function acceptAll(bytes: Uint8Array): Uint8Array {
  return transformParts(bytes, (root) => resolve(root, 'w:del', 'w:ins'));
}

export function rejectAll(bytes: Uint8Array): Uint8Array {
  return transformParts(bytes, (root) => resolve(root, 'w:ins', 'w:del'));
}

/** The tracked changes of a part: `w:ins`/`w:del` elements (runs and marks), in order. */
export function revisionTags(xml: string): string[] {
  return [...xml.matchAll(/<w:(?:ins|del)\b[^>]*>/g)].map((m) => m[0]);
}

function transformParts(bytes: Uint8Array, transform: (root: XmlElement) => void): Uint8Array {
  const parts = unzipSync(bytes);
  for (const [name, data] of Object.entries(parts)) {
    if (!PARTS.test(name)) continue;
    const { prolog, root } = parse(strFromU8(data));
    transform(root);
    parts[name] = strToU8(prolog + serialize(root));
  }
  return zipSync(parts);
}

/**
 * Drops what `gone` marks (runs, rows, paragraph marks: a paragraph without its mark joins the
 * next one) and keeps what `kept` marks as plain content.
 */
function resolve(root: XmlElement, gone: 'w:ins' | 'w:del', kept: 'w:ins' | 'w:del'): void {
  walk(root, (element) => {
    element.children = element.children.flatMap((child): XmlNode[] => {
      if (typeof child === 'string' || isMark(element)) return [child];
      if (child.name === gone) return [];
      if (child.name === kept) return child.children.map(plainText);
      return [child];
    });
  });
  walk(root, (element) => {
    element.children = element.children.filter((child) => typeof child === 'string' || child.name !== 'w:tr' || !hasMark(child, 'w:trPr', gone));
    for (const child of element.children) if (typeof child !== 'string' && child.name === 'w:tr') dropMark(child, 'w:trPr', kept);
  });
  walk(root, (element) => joinParagraphs(element, gone, kept));
}

/** w:rPr and w:trPr hold marks, not content. */
function isMark(element: XmlElement): boolean {
  return element.name === 'w:rPr' || element.name === 'w:trPr';
}

/** `w:delText` → `w:t`: deleted text kept is text again. */
function plainText(node: XmlNode): XmlNode {
  if (typeof node === 'string') return node;
  return { ...node, name: node.name === 'w:delText' ? 'w:t' : node.name, children: node.children.map(plainText) };
}

function joinParagraphs(parent: XmlElement, gone: string, kept: string): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const paragraph = children[i];
    if (paragraph === undefined || typeof paragraph === 'string' || paragraph.name !== 'w:p') continue;
    const properties = child(paragraph, 'w:pPr');
    const runProperties = properties && child(properties, 'w:rPr');
    if (properties && runProperties) dropMark(properties, 'w:rPr', kept);
    if (!runProperties?.children.some((c) => typeof c !== 'string' && c.name === gone)) continue;
    const content = paragraph.children.filter((c) => c !== properties);
    children.splice(i, 1);
    i--;
    if (!content.some(hasText)) continue;
    const next = children.slice(i + 1).find((c): c is XmlElement => typeof c !== 'string' && c.name === 'w:p');
    if (!next) throw new Error('a paragraph without its mark has no next paragraph to join');
    const at = next.children.findIndex((c) => typeof c !== 'string' && c.name === 'w:pPr') + 1;
    next.children.splice(at, 0, ...content);
  }
}

function hasText(node: XmlNode): boolean {
  if (typeof node === 'string') return false;
  return ['w:t', 'w:delText', 'w:tab', 'w:br', 'w:footnoteReference'].includes(node.name) || node.children.some(hasText);
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

function hasMark(element: XmlElement, holder: string, mark: string): boolean {
  return child(element, holder)?.children.some((c) => typeof c !== 'string' && c.name === mark) ?? false;
}

/** Removes `mark` from `element`'s `holder` (and the holder, when that empties it). */
function dropMark(element: XmlElement, holder: string, mark: string): void {
  const properties = child(element, holder);
  if (!properties) return;
  properties.children = properties.children.filter((c) => typeof c === 'string' || c.name !== mark);
  if (properties.children.length === 0) element.children = element.children.filter((c) => c !== properties);
}

function walk(element: XmlElement, visit: (element: XmlElement) => void): void {
  visit(element);
  for (const c of element.children) if (typeof c !== 'string') walk(c, visit);
}

function parse(xml: string): { prolog: string; root: XmlElement } {
  const prolog = /^<\?xml[^>]*\?>\s*/.exec(xml)?.[0] ?? '';
  const top: XmlElement = { name: '', attributes: '', children: [] };
  const stack = [top];
  for (const token of xml.slice(prolog.length).matchAll(/<(\/?)([^\s/>]+)([^>]*?)(\/?)>|[^<]+/g)) {
    const current = stack[stack.length - 1] as XmlElement;
    if (token[2] === undefined) current.children.push(token[0]);
    else if (token[1] === '/') stack.pop();
    else {
      const element: XmlElement = { name: token[2], attributes: token[3] ?? '', children: [] };
      current.children.push(element);
      if (token[4] !== '/') stack.push(element);
    }
  }
  const root = top.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!root || stack.length !== 1) throw new Error('not a well-formed part');
  return { prolog, root };
}

function serialize(node: XmlNode): string {
  if (typeof node === 'string') return node;
  if (node.children.length === 0) return `<${node.name}${node.attributes}/>`;
  return `<${node.name}${node.attributes}>${node.children.map(serialize).join('')}</${node.name}>`;
}
