/**
 * Stage 1 of the DOCX reader: mammoth's document model (captured through `transformDocument`)
 * → `SourceLine`s and footnotes, the same stage the text reader produces from an extraction.
 *
 * One paragraph is one line, its style giving the hint (./styles.ts); a table cell's
 * paragraphs are lines with a `tableCell` hint (row and column counted the way a grid is laid
 * out, so cells spanning rows or columns keep the columns of the cells after them). Text is
 * kept as written, tabs included (`A.1<TAB>目的`); a line break inside a paragraph ends the
 * line, as it does in a text extraction. Hyperlinks give their visible text. Bookmarks, page
 * and column breaks are dropped silently; images, checkboxes and comments are dropped with a
 * warning. The `______` rule that ends an ITU text is end matter, not content.
 */
import type { WarningCode } from '../../model/codes.js';
import type { Footnote, Inline } from '../../model/document.js';
import { plainText, trimEndInlines } from '../../model/inline.js';
import { warning, type Place, type Warning } from '../../model/result.js';
import type { LineHint, SourceLine } from '../assemble/lines.js';
import { paragraphHint, styleMeaning } from './styles.js';

/** The part of mammoth's document model this reader uses (mammoth ships no types for it). */
export interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  styleId?: string | null;
  styleName?: string | null;
  numbering?: { level: string; isOrdered: boolean } | null;
  noteType?: string;
  noteId?: string;
  breakType?: string;
  isHeader?: boolean;
  colSpan?: number;
  rowSpan?: number;
}

export interface MammothNotes {
  resolve(reference: { noteType: string; noteId: string }): { body: MammothElement[] } | null;
}

export interface MammothDocument extends MammothElement {
  children: MammothElement[];
  notes: MammothNotes;
}

export interface BodyLines {
  lines: SourceLine[];
  footnotes: Footnote[];
  warnings: Warning[];
}

type Piece = Inline | { type: 'break' };

const RULE = /^\s*_{5,}\s*$/u;

/** What was dropped, counted, for one warning per kind. */
const DROPPED: Record<string, [code: WarningCode, what: string]> = {
  image: ['docx.image', 'image(s) in the body'],
  checkbox: ['docx.checkbox', 'checkbox(es)'],
  commentReference: ['docx.comment', 'comment(s)'],
  nestedTable: ['docx.nestedTable', 'nested table(s), read as text of the outer cell'],
};

class BodyReader {
  readonly lines: SourceLine[] = [];
  private readonly notes: Footnote[] = [];
  private readonly noteIds = new Set<string>();
  private readonly dropped = new Map<string, number>();
  private readonly unknown = new Set<string>();
  /** Inside a note: a reference there (a note in a note) is not followed. */
  private inNote = false;

  constructor(
    private readonly document: MammothDocument,
    private readonly where: Place,
  ) {}

  read(): BodyLines {
    this.blocks(this.document.children, undefined);
    const last = this.lines[this.lines.length - 1];
    if (last && last.hint?.kind !== 'tableCell' && RULE.test(plainText(last.content))) this.lines.pop();
    const warnings: Warning[] = [];
    for (const [kind, count] of this.dropped) {
      const [code, what] = DROPPED[kind] ?? ['docx.dropped', kind];
      warnings.push(warning(code, this.where, `dropped ${count} ${what}`));
    }
    for (const type of this.unknown) {
      warnings.push(warning('docx.unknownElement', this.where, `read only the text of mammoth element "${type}"`));
    }
    return { lines: this.lines, footnotes: this.notes, warnings };
  }

  private drop(kind: string): void {
    this.dropped.set(kind, (this.dropped.get(kind) ?? 0) + 1);
  }

  /** Block-level elements; `cell` is the hint of the table cell they stand in, if any. */
  private blocks(elements: readonly MammothElement[], cell: LineHint | undefined): void {
    for (const element of elements) {
      if (element.type === 'paragraph') this.paragraph(element, cell);
      else if (element.type === 'table') {
        if (cell) this.drop('nestedTable');
        this.table(element, cell);
      } else this.blocks(element.children ?? [], cell);
    }
  }

  private paragraph(paragraph: MammothElement, cell: LineHint | undefined): void {
    const meaning = styleMeaning(paragraph.styleName, paragraph.styleId);
    let hint = cell ?? paragraphHint(meaning);
    // Word's own numbering (w:numPr) makes a list item when the style says nothing more.
    if (!hint && paragraph.numbering) {
      hint = { kind: 'listItem', level: Number(paragraph.numbering.level) + 1 };
    }
    const pieces: Piece[] = [];
    this.inlines(paragraph.children ?? [], pieces);
    // A line break ends the line; what follows keeps only a cell's hint, as in an extraction.
    let content: Inline[] = [];
    let first = true;
    const flush = () => {
      const trimmed = trimEndInlines(content);
      const lineHint = first || hint?.kind === 'tableCell' ? hint : undefined;
      if (trimmed.length > 0) this.lines.push({ content: trimmed, ...(lineHint ? { hint: lineHint } : {}), where: this.where });
      content = [];
      first = false;
    };
    for (const piece of pieces) {
      if (piece.type === 'break') flush();
      else content.push(piece);
    }
    flush();
  }

  private inlines(elements: readonly MammothElement[], out: Piece[]): void {
    for (const element of elements) {
      switch (element.type) {
        case 'text':
          out.push({ type: 'text', value: element.value ?? '' });
          break;
        case 'tab':
          out.push({ type: 'text', value: '\t' });
          break;
        case 'break':
          if (element.breakType === 'line') out.push({ type: 'break' });
          break;
        case 'noteReference': {
          if (this.inNote) break;
          const id = this.note(element);
          if (id !== undefined) out.push({ type: 'footnoteReference', id });
          break;
        }
        case 'bookmarkStart':
          break;
        case 'image':
        case 'checkbox':
        case 'commentReference':
          this.drop(element.type);
          break;
        case 'run':
        case 'hyperlink':
          this.inlines(element.children ?? [], out);
          break;
        default:
          this.unknown.add(element.type);
          this.inlines(element.children ?? [], out);
      }
    }
  }

  /**
   * A footnote or endnote reference → the id its note gets in `SourceLines.footnotes` (the
   * assembler renumbers notes by first reference). Endnotes are read as footnotes.
   */
  private note(reference: MammothElement): string | undefined {
    const noteType = reference.noteType ?? 'footnote';
    const noteId = reference.noteId ?? '';
    const id = noteType === 'footnote' ? noteId : `${noteType}-${noteId}`;
    if (!this.noteIds.has(id)) {
      this.noteIds.add(id);
      const note = this.document.notes.resolve({ noteType, noteId });
      if (note) {
        this.inNote = true;
        this.notes.push({ id, text: this.noteText(note.body) });
        this.inNote = false;
      }
    }
    return id;
  }

  /** The text of a note: its paragraphs joined by line breaks, the mark's tab and spaces trimmed. */
  private noteText(body: readonly MammothElement[]): string {
    const paragraphs: string[] = [];
    const collect = (elements: readonly MammothElement[]) => {
      for (const element of elements) {
        if (element.type !== 'paragraph') {
          collect(element.children ?? []);
          continue;
        }
        const pieces: Piece[] = [];
        this.inlines(element.children ?? [], pieces);
        paragraphs.push(pieces.map((p) => (p.type === 'text' ? p.value : p.type === 'break' ? '\n' : '')).join(''));
      }
    };
    collect(body);
    return paragraphs.join('\n').trim();
  }

  /**
   * Rows and columns as a grid: a cell takes the first column not covered by a cell spanning
   * down from an earlier row (mammoth drops the covered cells), and spans `colSpan` columns.
   * Without a header row (`w:tblHeader`) or a `Table_head` paragraph, the first row is the
   * header, as the text reader takes it.
   */
  private table(table: MammothElement, outer: LineHint | undefined): void {
    const rows = (table.children ?? []).filter((row) => row.type === 'tableRow');
    const marked = rows.map((row) => row.isHeader === true || (row.children ?? []).some((cell) => hasHeaderStyle(cell)));
    const anyHeader = marked.some(Boolean);
    const coveredUntil: number[] = [];
    rows.forEach((row, r) => {
      let column = 0;
      for (const cell of row.children ?? []) {
        if (cell.type !== 'tableCell') continue;
        while ((coveredUntil[column] ?? -1) >= r) column++;
        const header = anyHeader ? (marked[r] ?? false) : r === 0;
        const hint: LineHint = outer ?? { kind: 'tableCell', row: r, column, header };
        this.blocks(cell.children ?? [], hint);
        const span = Math.max(1, cell.colSpan ?? 1);
        for (let k = 0; k < span; k++) coveredUntil[column + k] = r + Math.max(1, cell.rowSpan ?? 1) - 1;
        column += span;
      }
    });
  }
}

function hasHeaderStyle(cell: MammothElement): boolean {
  return (cell.children ?? []).some((child) => child.type === 'paragraph' && styleMeaning(child.styleName, child.styleId)?.kind === 'tableHeader');
}

/** Stage 1: the mammoth document → lines, footnotes and warnings. */
export function readBody(document: MammothDocument, where: Place): BodyLines {
  return new BodyReader(document, where).read();
}

/**
 * The paragraph styles that tsag's style map (./styles.ts) does not know, once each, in reading
 * order: the body through paragraphs, runs, hyperlinks and tables, then the notes it refers to.
 * Their paragraphs are read by their text alone; a numbered paragraph (a Word list) is a list
 * item whatever its style, so it is not counted.
 */
export function unknownParagraphStyles(document: MammothDocument): { name: string | undefined; id: string }[] {
  const found = new Map<string, { name: string | undefined; id: string }>();
  const references: MammothElement[] = [];
  const walk = (elements: readonly (MammothElement | null | undefined)[], inNote: boolean): void => {
    for (const element of elements) {
      if (!element) continue;
      if (element.type === 'noteReference') {
        if (!inNote) references.push(element);
        continue;
      }
      const id = element.styleId;
      if (element.type === 'paragraph' && id && !element.numbering && !found.has(id) && styleMeaning(element.styleName, id) === undefined) {
        found.set(id, { name: element.styleName ?? undefined, id });
      }
      if (WALKED.has(element.type)) walk(element.children ?? [], inNote);
    }
  };
  walk(document.children, false);
  for (const reference of references) {
    const note = document.notes.resolve({ noteType: reference.noteType ?? 'footnote', noteId: reference.noteId ?? '' });
    if (note) walk(note.body, true);
  }
  return [...found.values()];
}

/** The elements whose children hold paragraphs. */
const WALKED = new Set(['paragraph', 'run', 'hyperlink', 'table', 'tableRow', 'tableCell']);
