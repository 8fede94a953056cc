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
import type { Footnote } from '../../model/document.js';
import { plainText, trimEndInlines } from '../../model/inline.js';
import type { LineHint, SourceLine } from '../assemble/lines.js';
import { BLOCKS, isEmptyItem, isHidden, isLayoutTable, isWordTab, lineOf, numberProperty, ownHint, PRE, preStyled } from './elements.js';
import type { NoteIndex } from './notes.js';
import { collapse, type Piece } from './whitespace.js';

const RULE = /^\s*_{5,}\s*$/u;

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

/** `parts`: the page's header and footer (./page.ts), which hold no line of the body. */
export function htmlLines(tree: Root, notes: NoteIndex, parts: readonly Element[], file: string): HtmlLines {
  const reader = new LineReader(notes, file, parts);
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
  /** After a `br` in the block being read: what follows keeps only a cell's hint, as in the DOCX reader. */
  private afterBreak = false;
  private readonly skipped: Set<Element>;

  constructor(
    private readonly notes: NoteIndex,
    private readonly file: string,
    parts: readonly Element[] = [],
  ) {
    this.skipped = new Set([...notes.blocks.values(), ...notes.marks, ...parts]);
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
      this.pendingHint = this.afterBreak && context.hint?.kind !== 'tableCell' ? undefined : context.hint;
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
      this.afterBreak = true;
      return;
    }
    if (isWordTab(element)) {
      this.push({ type: 'text', value: '\t', pre: true }, context, element.position?.start.line);
      return;
    }
    const pre = context.pre || PRE.has(name) || preStyled(element);
    if (!BLOCKS.has(name)) {
      this.children(element.children, { ...context, pre });
      return;
    }
    this.flush();
    this.afterBreak = false;
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
    this.afterBreak = false;
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
