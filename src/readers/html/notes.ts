import type { Element, Root } from 'hast';

/**
 * Footnotes in HTML, found by how every writer links them rather than by any writer's class
 * names: a reference is a link to a fragment (`<a href="#fn1">`) whose target's block links
 * back to the reference (`href="#fnref1"`), or a link marked `role="doc-noteref"` (DPUB-ARIA).
 * - pandoc: `<a href="#fn1" id="fnref1" role="doc-noteref"><sup>1</sup></a>` →
 *   `<li id="fn1"><p>text <a href="#fnref1" role="doc-backlink">↩︎</a></p></li>`;
 * - LibreOffice: `<a href="#ftn1" id="body_ftn1">1</a>` →
 *   `<p class="Footnote"><span><a id="ftn1" href="#body_ftn1">1</a></span> text</p>`;
 * - Word: `<a href="#_ftn1" name="_ftnref1">[1]</a>` → `<p><a href="#_ftnref1" name="_ftn1">[1]</a> text</p>`;
 * - tsag's own HTML writes pandoc's form.
 * The note is the block that holds the target (the target itself when it is a block); its text
 * is read without the note's number and back links.
 */

/** Elements that are a note's block: the target itself when it is one, else its nearest. */
const NOTE_BLOCKS = new Set(['li', 'p', 'div', 'aside', 'section', 'dd', 'td', 'footer']);

export interface NoteIndex {
  /** The note id (the target's id) a reference element stands for. */
  references: Map<Element, string>;
  /** The note blocks, by note id, in the order their references come. */
  blocks: Map<string, Element>;
  /** Anchors inside note blocks that are not text: the number and the back links. */
  marks: Set<Element>;
}

export function findNotes(tree: Root): NoteIndex {
  const byId = new Map<string, Element>();
  const anchors: Element[] = [];
  const parents = new Map<Element, Element>();
  const order = new Map<Element, number>();
  walkElements(tree, (element, parent) => {
    order.set(element, order.size);
    if (parent) parents.set(element, parent);
    for (const key of ['id', 'name'] as const) {
      const value = element.properties[key];
      if (typeof value === 'string' && value !== '' && !byId.has(value)) byId.set(value, element);
    }
    if (element.tagName === 'a') anchors.push(element);
  });
  const index: NoteIndex = { references: new Map(), blocks: new Map(), marks: new Set() };
  // The links inside each block by the fragment they point to, found once per block: many
  // references to one big block cost one walk, and each looks up only its own names.
  const linksIn = new Map<Element, Map<string, Element[]>>();
  const linksOf = (block: Element): Map<string, Element[]> => {
    let links = linksIn.get(block);
    if (!links) {
      const found = new Map<string, Element[]>();
      walkElements(block, (element) => {
        const fragment = element.tagName === 'a' ? fragmentOf(element) : undefined;
        if (fragment === undefined) return;
        const same = found.get(fragment);
        if (same) same.push(element);
        else found.set(fragment, [element]);
      });
      linksIn.set(block, found);
      links = found;
    }
    return links;
  };
  for (const anchor of anchors) {
    const id = fragmentOf(anchor);
    const target = id === undefined ? undefined : byId.get(id);
    if (id === undefined || !target || target === anchor) continue;
    const block = noteBlock(target, parents);
    // A note comes after its reference (at the end of the page or of a section): the note's
    // back link, which points the other way, is no reference.
    if (block === undefined || (order.get(block) ?? 0) < (order.get(anchor) ?? 0) || isInside(anchor, block, parents)) continue;
    if (hasRole(anchor, 'doc-backlink')) continue;
    const backs = linksBack(linksOf(block), anchor, parents);
    if (backs.length === 0 && !hasRole(anchor, 'doc-noteref')) continue;
    index.references.set(anchor, id);
    if (!index.blocks.has(id)) index.blocks.set(id, block);
    for (const back of backs) index.marks.add(back);
    if (target.tagName === 'a') index.marks.add(target);
  }
  return index;
}

function fragmentOf(element: Element): string | undefined {
  const href = element.properties['href'];
  if (typeof href !== 'string' || !href.startsWith('#') || href.length < 2) return undefined;
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

function noteBlock(target: Element, parents: ReadonlyMap<Element, Element>): Element | undefined {
  for (let at: Element | undefined = target; at; at = parents.get(at)) if (NOTE_BLOCKS.has(at.tagName)) return at;
  return undefined;
}

/** The links of a block (by fragment) that link to the reference: to its id or name, or its parent's or grandparent's. */
function linksBack(links: ReadonlyMap<string, Element[]>, reference: Element, parents: ReadonlyMap<Element, Element>): Element[] {
  const names = new Set<string>();
  const parent = parents.get(reference);
  const grandparent = parent && parents.get(parent);
  for (const element of [reference, parent, grandparent]) {
    if (!element) continue;
    for (const key of ['id', 'name'] as const) {
      const value = element.properties[key];
      if (typeof value === 'string' && value !== '') names.add(value);
    }
  }
  return [...names].flatMap((name) => links.get(name) ?? []);
}

function hasRole(element: Element, role: string): boolean {
  const value = element.properties['role'];
  return typeof value === 'string' && value.split(/\s+/u).includes(role);
}

function isInside(inner: Element, outer: Element, parents: ReadonlyMap<Element, Element>): boolean {
  for (let at: Element | undefined = inner; at; at = parents.get(at)) if (at === outer) return true;
  return false;
}

/** Every element under `node`, depth first, with its parent element; iterative (no recursion limit). */
export function walkElements(node: Root | Element, visit: (element: Element, parent: Element | undefined) => void): void {
  const stack: { node: Root | Element; parent: Element | undefined }[] = [{ node, parent: undefined }];
  while (stack.length > 0) {
    const { node: current, parent } = stack.pop() as { node: Root | Element; parent: Element | undefined };
    if (current.type === 'element') visit(current, parent);
    const inner = current.type === 'element' ? current : undefined;
    for (let i = current.children.length - 1; i >= 0; i--) {
      const child = current.children[i];
      if (child?.type === 'element') stack.push({ node: child, parent: inner });
    }
  }
}
