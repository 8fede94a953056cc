/**
 * Stage 1 of the HTML reader: the hast tree (rehype-parse) → `SourceLine`s and footnotes, the
 * stage the DOCX reader makes from mammoth's document, for the one assembler.
 *
 * A line is the text a block element holds directly (`p`, `h1`–`h6`, `li`, `td`, `caption`,
 * `div`, …: what a browser starts on a line of its own); a `br` ends a line too. Hints come from
 * what the element says it is: `h1`–`h6` a heading of that level, `li` a list item one level per
 * enclosing `ul`/`ol`, `td`/`th` a table cell by grid row and column (`th` or `thead` rows are
 * the header; without either, the first row is, as the DOCX reader takes it), `caption` the
 * table caption. A class that names an ITU paragraph style (LibreOffice writes a Word style as
 * its class, `enumlev1`, `Table_5f_title` for `Table_title`) gives that style's hint through the
 * DOCX reader's style map; a hint from an element outranks its ancestors', a cell's outranks all.
 *
 * White space is read as a browser shows it: runs of spaces and line breaks are one space and
 * none at a line's start, except inside `pre` or an element styled `white-space: pre…` (tsag's
 * own HTML marks so the texts whose spaces matter). LibreOffice writes a tab as `&#160; ` four
 * times: two or more of those pairs are read as the tab they stand for.
 *
 * Dropped: what a browser does not show as text (`head`, `script`, `style`, `template`,
 * embedded objects, form controls, `hidden` and `aria-hidden` elements, `display: none`), site
 * navigation (`nav`, `role="navigation"`/`"search"`), images; link targets (the visible text
 * stays). Nothing is fetched or run: this only reads the tree.
 */
import type { Element, ElementContent, Root } from 'hast';
import type { Footnote, Inline } from '../../model/document.js';
import { HTML_TEXT_CLASS } from '../../model/html-meta.js';
import { plainText, trimEndInlines } from '../../model/inline.js';
import type { LineHint, SourceLine } from '../assemble/lines.js';
import { paragraphHint, styleMeaning } from '../docx/styles.js';
import type { NoteIndex } from './notes.js';

/** Elements a browser starts on a line of their own (HTML's rendering section, "display: block" and the like). */
const BLOCKS = new Set([
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
const SKIPPED = new Set([
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
const PRE = new Set(['pre', 'listing', 'plaintext', 'xmp']);
const HEADING = /^h([1-6])$/u;
const RULE = /^\s*_{5,}\s*$/u;
/** LibreOffice's XHTML export writes a tab as `&#160; ` four times. */
const LO_TAB = /\u00a0 (?:\u00a0 )+/gu;

type Piece = { type: 'text'; value: string; pre: boolean } | { type: 'footnoteReference'; id: string };

interface Context {
  /** The hint of the innermost element that gives one. */
  hint: LineHint | undefined;
  /** Inside a table cell: its hint, which every line in it keeps. */
  cell: LineHint | undefined;
  listDepth: number;
  pre: boolean;
}

export interface HtmlLines {
  lines: SourceLine[];
  footnotes: Footnote[];
}

export function htmlLines(tree: Root, notes: NoteIndex, file: string): HtmlLines {
  const reader = new LineReader(notes, file);
  const start: Context = { hint: undefined, cell: undefined, listDepth: 0, pre: false };
  reader.children(tree.children as ElementContent[], start);
  reader.flush();
  const { lines } = reader;
  const last = lines[lines.length - 1];
  if (last && last.hint?.kind !== 'tableCell' && RULE.test(plainText(last.content))) lines.pop();
  const footnotes: Footnote[] = [];
  for (const [id, block] of notes.blocks) footnotes.push({ id, text: reader.noteText(block) });
  return { lines, footnotes };
}

class LineReader {
  readonly lines: SourceLine[] = [];
  private pieces: Piece[] = [];
  private pendingHint: LineHint | undefined;
  private pendingLine: number | undefined;
  private readonly skipped: Set<Element>;

  constructor(
    private readonly notes: NoteIndex,
    private readonly file: string,
  ) {
    this.skipped = new Set([...notes.blocks.values(), ...notes.marks]);
  }

  children(nodes: readonly ElementContent[], context: Context): void {
    for (const node of nodes) {
      if (node.type === 'text') this.text(node.value, context, node.position?.start.line);
      else if (node.type === 'element') this.element(node, context);
    }
  }

  private text(value: string, context: Context, line: number | undefined): void {
    if (this.pieces.length === 0 && !context.pre && value.trim() === '') return;
    this.push({ type: 'text', value, pre: context.pre }, context, line);
  }

  /** A piece of the line being read; the first one gives the line its hint and place. */
  private push(piece: Piece, context: Context, line: number | undefined): void {
    if (this.pieces.length === 0) {
      this.pendingHint = context.hint;
      this.pendingLine = line;
    }
    this.pieces.push(piece);
  }

  private element(element: Element, context: Context): void {
    if (this.skipped.has(element) || isHidden(element)) return;
    const note = this.notes.references.get(element);
    if (note !== undefined) {
      this.push({ type: 'footnoteReference', id: note }, context, element.position?.start.line);
      return;
    }
    const name = element.tagName;
    if (name === 'br') {
      this.flush();
      return;
    }
    const pre = context.pre || PRE.has(name) || preStyled(element);
    if (!BLOCKS.has(name)) {
      this.children(element.children, { ...context, pre });
      return;
    }
    this.flush();
    if (name === 'table' && !isLayoutTable(element)) this.table(element, context);
    else {
      const listDepth = name === 'ul' || name === 'ol' || name === 'menu' || name === 'dir' ? context.listDepth + 1 : context.listDepth;
      const hint = context.cell ?? ownHint(element, listDepth) ?? context.hint;
      // An item with no text of its own before its sub-list is still an item (`–` alone in Word).
      if (name === 'li' && hint?.kind === 'listItem' && isEmptyItem(element)) {
        this.lines.push({ content: [], hint, where: { file: this.file, ...lineOf(element) } });
      }
      this.children(element.children, { ...context, hint, listDepth, pre });
    }
    this.flush();
  }

  /** Cells by grid position: a cell takes the first column not covered by a row span from above. */
  private table(table: Element, context: Context): void {
    const captions: Element[] = [];
    const rows: { row: Element; head: boolean }[] = [];
    const collect = (element: Element, head: boolean) => {
      for (const child of element.children) {
        if (child.type !== 'element' || this.skipped.has(child)) continue;
        if (child.tagName === 'caption') captions.push(child);
        else if (child.tagName === 'tr') rows.push({ row: child, head });
        else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') collect(child, child.tagName === 'thead');
      }
    };
    collect(table, false);
    for (const caption of captions) {
      this.children(caption.children, { ...context, hint: context.cell ?? { kind: 'caption' }, pre: context.pre || preStyled(caption) });
      this.flush();
    }
    const cellsOf = (row: Element) => row.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th'));
    const marked = rows.map(({ row, head }) => head || cellsOf(row).some((cell) => cell.tagName === 'th'));
    const anyHeader = marked.some(Boolean);
    const coveredUntil: number[] = [];
    rows.forEach(({ row }, r) => {
      let column = 0;
      for (const cell of cellsOf(row)) {
        while ((coveredUntil[column] ?? -1) >= r) column++;
        const header = anyHeader ? (marked[r] ?? false) : r === 0;
        const hint: LineHint = context.cell ?? { kind: 'tableCell', row: r, column, header };
        this.children(cell.children, { ...context, hint, cell: hint, pre: context.pre || preStyled(cell) });
        this.flush();
        const span = Math.max(1, Math.min(1000, numberProperty(cell, 'colSpan')));
        const down = Math.max(1, Math.min(65534, numberProperty(cell, 'rowSpan')));
        for (let k = 0; k < span; k++) coveredUntil[column + k] = r + down - 1;
        column += span;
      }
    });
  }

  /** Ends the line being read, if it holds anything but white space. */
  flush(): void {
    const content = trimEndInlines(collapse(this.pieces));
    this.pieces = [];
    if (content.length === 0) return;
    const where = { file: this.file, ...(this.pendingLine !== undefined ? { line: this.pendingLine } : {}) };
    this.lines.push({ content, ...(this.pendingHint ? { hint: this.pendingHint } : {}), where });
    // What follows a line break in the same block keeps only a cell's hint, as in the DOCX reader.
    if (this.pendingHint?.kind !== 'tableCell') this.pendingHint = undefined;
  }

  /** A note's text: its blocks' lines joined by line breaks, without its number and back links. */
  noteText(block: Element): string {
    const reader = new LineReader({ references: new Map(), blocks: new Map(), marks: this.notes.marks }, this.file);
    reader.element(block, { hint: undefined, cell: undefined, listDepth: 0, pre: false });
    // As the DOCX reader's notes: the space after the note's number is no part of its text.
    return reader.lines
      .map((line) => plainText(line.content))
      .join('\n')
      .trim();
  }
}

/** What a data table's cell never holds: a cell that does is page layout. */
const LAYOUT_CONTENT = new Set(['table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'nav', 'form', 'header', 'footer', 'main', 'article']);

/**
 * A table that lays out a page rather than holding data (sites of the 2000s put their menus and
 * text in table cells): marked so (`role="presentation"`/`"none"`), or holding a table, a
 * heading, a list or a form in a cell, or more than four paragraphs in one cell. Its cells are
 * read as the blocks they are; a data table's as cells. (Browsers' accessibility trees tell
 * layout from data tables by such signs too.)
 */
function isLayoutTable(table: Element): boolean {
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
function isEmptyItem(item: Element): boolean {
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

function lineOf(element: Element): { line?: number } {
  const line = element.position?.start.line;
  return line === undefined ? {} : { line };
}

function ownHint(element: Element, listDepth: number): LineHint | undefined {
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

function isHidden(element: Element): boolean {
  const { properties } = element;
  if (SKIPPED.has(element.tagName) || properties['hidden'] === true) return true;
  if (properties['ariaHidden'] === 'true') return true;
  const role = properties['role'];
  if (typeof role === 'string' && SKIPPED_ROLES.has(role)) return true;
  const style = properties['style'];
  return typeof style === 'string' && /(?:^|;)\s*display\s*:\s*none\b/iu.test(style);
}

function preStyled(element: Element): boolean {
  const style = element.properties['style'];
  return typeof style === 'string' && /(?:^|;)\s*white-space\s*:\s*(?:pre|pre-wrap|break-spaces)\b/iu.test(style);
}

function numberProperty(element: Element, name: string): number {
  const value = Number(element.properties[name] ?? 1);
  return Number.isFinite(value) ? value : 1;
}

/** The pieces of a line as inlines, white space collapsed outside `pre` as a browser does. */
function collapse(pieces: readonly Piece[]): Inline[] {
  const out: Inline[] = [];
  let text = '';
  // At a line's start, and after a space, collapsible white space shows as nothing.
  let afterSpace = true;
  for (const piece of pieces) {
    if (piece.type === 'footnoteReference') {
      if (text !== '') out.push({ type: 'text', value: text });
      text = '';
      out.push(piece);
      afterSpace = false;
      continue;
    }
    if (piece.pre) {
      text += piece.value;
      afterSpace = /\s$/u.test(piece.value);
      continue;
    }
    piece.value.split(LO_TAB).forEach((segment, index) => {
      if (index > 0) {
        text += '\t';
        afterSpace = true;
      }
      for (const part of segment.split(/([ \t\n\r\f]+)/u)) {
        if (part === '') continue;
        if (/^[ \t\n\r\f]/u.test(part)) {
          if (!afterSpace) text += ' ';
          afterSpace = true;
        } else {
          text += part;
          afterSpace = false;
        }
      }
    });
  }
  if (text !== '') out.push({ type: 'text', value: text });
  return out;
}
