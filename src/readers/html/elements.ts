/**
 * What an HTML element is to the reader (./lines.ts): a block that starts a line, content a
 * browser does not show, a hint (heading, list item, caption, an ITU style named by a class),
 * a layout table, an empty list item. Tables of names, and small tests on one element.
 */
import type { Element } from 'hast';
import { HTML_TEXT_CLASS } from '../../model/html-meta.js';
import type { LineHint } from '../assemble/lines.js';
import { paragraphHint, styleMeaning } from '../docx/styles.js';

/** Elements a browser starts on a line of their own (HTML's rendering section, "display: block" and the like). */
export const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'ol',
  'p',
  'plaintext',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'xmp',
]);

/** Elements whose content is never shown as text, or is the site's and not the document's. */
export const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'select',
  'button',
  'input',
  'textarea',
  'nav',
  'map',
  'area',
  'img',
  'picture',
  'meter',
  'progress',
]);
const SKIPPED_ROLES = new Set(['navigation', 'search']);
export const PRE = new Set(['pre', 'listing', 'plaintext', 'xmp']);
const HEADING = /^h([1-6])$/u;
/** What a data table's cell never holds: a cell that does is page layout. */
const LAYOUT_CONTENT = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'nav', 'form', 'header', 'footer', 'main', 'article']);

/**
 * A table that lays out a page rather than holding data (sites of the 2000s put their menus and
 * text in table cells): marked so (`role="presentation"`/`"none"`), or holding a table, a
 * heading, a list or a form in a cell, or more than four paragraphs in one cell. Its cells are
 * read as the blocks they are; a data table's as cells. (Browsers' accessibility trees tell
 * layout from data tables by such signs too.)
 */
export function isLayoutTable(table: Element): boolean {
  const role = table.properties['role'];
  if (role === 'presentation' || role === 'none') return true;
  const stack: Element[] = [table];
  while (stack.length > 0) {
    for (const child of (stack.pop() as Element).children) {
      if (child.type !== 'element') continue;
      if (LAYOUT_CONTENT.has(child.tagName)) return true;
      if (child.tagName === 'td' || child.tagName === 'th') {
        if (child.children.filter((c) => c.type === 'element' && BLOCKS.has(c.tagName)).length > 4) return true;
        stack.push(child);
      } else if (child.tagName !== 'caption') stack.push(child);
    }
  }
  return false;
}

/**
 * Whether an item holds no text before its first sub-list (or at all): an item of its own, with
 * no text. An item that holds a heading is no item but a heading's numbering (LibreOffice puts
 * outline-numbered headings in nested lists).
 */
export function isEmptyItem(item: Element): boolean {
  let before = true;
  for (const child of item.children) {
    if (child.type === 'text' && before && child.value.trim() !== '') return false;
    if (child.type !== 'element') continue;
    if (child.tagName === 'ul' || child.tagName === 'ol') before = false;
    const found = find(child);
    if (found.heading || (before && found.text)) return false;
  }
  return true;
}

/** Whether an element holds text, and whether it holds a heading. */
function find(element: Element): { text: boolean; heading: boolean } {
  const found = { text: false, heading: HEADING.test(element.tagName) };
  const stack: Element[] = [element];
  while (!found.heading && stack.length > 0) {
    for (const child of (stack.pop() as Element).children) {
      if (child.type === 'text' && child.value.trim() !== '') found.text = true;
      else if (child.type === 'element' && !SKIPPED.has(child.tagName)) {
        if (HEADING.test(child.tagName)) found.heading = true;
        stack.push(child);
      }
    }
  }
  return found;
}

export function lineOf(element: Element): { line?: number } {
  const line = element.position?.start.line;
  return line === undefined ? {} : { line };
}

export function ownHint(element: Element, listDepth: number): LineHint | undefined {
  const name = element.tagName;
  const heading = HEADING.exec(name);
  if (heading) return { kind: 'heading', level: Number(heading[1]) };
  if (name === 'li') return { kind: 'listItem', level: Math.max(1, listDepth), bare: true };
  if (name === 'caption') return { kind: 'caption' };
  return classHint(element);
}

/** The hint of an ITU style named by a class (LibreOffice escapes `_` and spaces as `_5f_`, `_20_`). */
function classHint(element: Element): LineHint | undefined {
  const classes = element.properties['className'];
  if (!Array.isArray(classes)) return undefined;
  if (classes.includes(HTML_TEXT_CLASS)) return { kind: 'paragraph', plain: true };
  for (const name of classes) {
    const style = String(name).replace(/_([0-9a-f]{2})_/gu, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    const hint = paragraphHint(styleMeaning(style, undefined));
    if (hint) return hint;
  }
  return undefined;
}

export function isHidden(element: Element): boolean {
  const { properties } = element;
  if (SKIPPED.has(element.tagName) || properties['hidden'] === true) return true;
  if (properties['ariaHidden'] === 'true') return true;
  const role = properties['role'];
  if (typeof role === 'string' && SKIPPED_ROLES.has(role)) return true;
  const style = properties['style'];
  return typeof style === 'string' && /(?:^|;)\s*display\s*:\s*none\b/iu.test(style);
}

/** Word's HTML writes a tab as spaces in `<span style="mso-tab-count:1">`: a tab again. */
export function isWordTab(element: Element): boolean {
  const style = element.properties['style'];
  return element.tagName === 'span' && typeof style === 'string' && /(?:^|;)\s*mso-tab-count\s*:/iu.test(style);
}

export function preStyled(element: Element): boolean {
  const style = element.properties['style'];
  return typeof style === 'string' && /(?:^|;)\s*white-space\s*:\s*(?:pre|pre-wrap|break-spaces)\b/iu.test(style);
}

export function numberProperty(element: Element, name: string): number {
  const value = Number(element.properties[name] ?? 1);
  return Number.isFinite(value) ? value : 1;
}
