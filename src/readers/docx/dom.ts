/**
 * The XML parts this reader reads itself (relationships, headers, footers) through a real,
 * namespace-aware parser: @xmldom/xmldom, the parser mammoth uses. Regular expressions over XML
 * were quadratic on hostile input (170 000 `<w:p/>` in a footer took over a minute); a parser
 * reads any part once, in linear time. Every part has passed the screen (./xml-scan.ts) first:
 * no DTD, bounded depth and element count, character references in range.
 *
 * The walk is iterative, so a deep part costs no stack.
 */
import { DOMParser } from '@xmldom/xmldom';

export const NS = {
  /** WordprocessingML, transitional and strict (ISO/IEC 29500). */
  w: ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'],
  r: ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'],
  wp: ['http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing'],
  mc: ['http://schemas.openxmlformats.org/markup-compatibility/2006'],
  v: ['urn:schemas-microsoft-com:vml'],
} as const;

export type Namespace = keyof typeof NS;

/** The root element of a part, or the parser's first error (one line) when it cannot read it. */
export function parseXml(text: string): { root: Element } | { error: string } {
  let error: string | undefined;
  const record = (message: string): void => {
    error ??= (message.split('\n')[0] ?? '').replace(/^\[xmldom \w+\]\s*/u, '');
  };
  let root: Element | null = null;
  try {
    const document = new DOMParser({ errorHandler: { warning: () => undefined, error: record, fatalError: record } }).parseFromString(
      text,
      'text/xml',
    );
    root = document.documentElement;
  } catch (thrown) {
    record(thrown instanceof Error ? thrown.message : String(thrown));
  }
  if (error !== undefined) return { error };
  if (!root) return { error: 'no root element' };
  return { root };
}

/** `element` is `ns:name` (any prefix, any of the namespace's URIs). */
export function isElement(node: Node, ns: Namespace, name: string): node is Element {
  return node.nodeType === 1 && (node as Element).localName === name && (NS[ns] as readonly string[]).includes((node as Element).namespaceURI ?? '');
}

/** An attribute by namespace and local name ('' when absent). */
export function attributeNS(element: Element, ns: Namespace, name: string): string {
  for (const uri of NS[ns]) {
    const value = element.getAttributeNS(uri, name);
    if (value) return value;
  }
  return '';
}

/**
 * The elements under `root` in document order, without descending into an element for which
 * `skip` says so (that element itself is not visited either). Iterative: no recursion.
 */
export function* descendants(root: Node, skip: (element: Element) => boolean = () => false): Generator<Element> {
  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    const element = node.nodeType === 1 ? (node as Element) : undefined;
    const enter = element !== undefined && !skip(element);
    if (element && enter) yield element;
    if (enter && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    if (!node || node === root) return;
    node = node.nextSibling;
  }
}

/** The elements under `root` with this local name, any namespace (relationships parts are read leniently). */
export function elementsByLocalName(root: Node, name: string): Element[] {
  const out: Element[] = [];
  for (const element of descendants(root)) if (element.localName === name) out.push(element);
  return out;
}
