/**
 * Redline lines → `docx` elements, through the DOCX writer's own builders (paragraph styles,
 * runs with tabs and links, Table 1's layout), so that an unchanged line is written exactly
 * as writeDocx writes it. A changed line differs only in its runs and marks:
 *
 * - an inserted segment is a `w:ins` run, a deleted one a `w:del` run holding `w:delText`;
 * - an added paragraph's mark is inserted (`w:pPr/w:rPr/w:ins`), a removed one's deleted;
 * - an added row of Table 1 is `w:trPr/w:ins`, a removed one `w:trPr/w:del`;
 * - a footnote reference inside an inserted or deleted segment is in a `w:ins`/`w:del` run.
 *
 * Every change has one author and one fixed date; ids are counted here and renumbered in
 * document order when the package is normalised (src/writers/docx/package.ts).
 */
import { Bookmark, DeletedTextRun, FootnoteReference, FootnoteReferenceRun, InsertedTextRun, TableRow } from 'docx';
import type { IParagraphRunOptions, ParagraphChild } from 'docx';
import { paragraph, questionTableElement, tableCell, type BlockContext, type BodyElement } from '../../writers/docx/blocks.js';
import { linkedTextRuns, plainRun, textRuns, type RunMaker } from '../../writers/docx/inlines.js';
import { FIXED_DATE } from '../../writers/docx/package.js';
import { STYLE } from '../../writers/docx/styles.js';
import type { Line, ParagraphLine, RowLine } from './lines.js';
import type { Op, Piece, Segment } from './segments.js';

/** The author of every tracked change. */
export const REDLINE_AUTHOR = 'tsag';
/** The date of every tracked change: the writer's fixed date, never the clock. */
export const REDLINE_DATE = FIXED_DATE;

export interface RenderContext {
  block: BlockContext;
  /** Word's footnote number for a reference of either edition. */
  footnoteNumber: (piece: Extract<Piece, { kind: 'footnote' }>) => number;
  revisions: Revisions;
}

/** Tracked-change attributes: one author, one date, ids in the order the changes are built. */
export class Revisions {
  private id = 0;

  next(): { id: number; author: string; date: string } {
    return { id: ++this.id, author: REDLINE_AUTHOR, date: REDLINE_DATE };
  }

  runMaker(op: Op): RunMaker {
    switch (op) {
      case 'equal':
        return plainRun;
      case 'insert':
        return (options) => new InsertedTextRun({ ...options, ...this.next() });
      case 'delete':
        return (options) => new DeletedTextRun({ ...options, ...this.next() });
    }
  }

  /** The paragraph mark's (or row's) revision, if it has one. */
  mark(op: Op): IParagraphRunOptions | undefined {
    if (op === 'insert') return { insertion: this.next() };
    if (op === 'delete') return { deletion: this.next() };
    return undefined;
  }
}

export function lineElements(lines: readonly Line[], context: RenderContext): BodyElement[] {
  return lines.map((line) => (line.type === 'paragraph' ? paragraphElement(line, context) : tableElement(line.rows, context)));
}

function paragraphElement(line: ParagraphLine, context: RenderContext): BodyElement {
  const runs = segmentRuns(line.segments, line.links, context);
  const children = line.bookmark === undefined ? runs : [new Bookmark({ id: line.bookmark, children: runs })];
  return paragraph(line.style, children, context.block, context.revisions.mark(line.mark));
}

function tableElement(rows: readonly RowLine[], context: RenderContext): BodyElement {
  return questionTableElement(
    rows.map((row) => {
      const mark = context.revisions.mark(row.mark);
      const style = row.header ? STYLE.tableHead : STYLE.tableText;
      return new TableRow({
        ...(row.header ? { tableHeader: true } : {}),
        cantSplit: true,
        ...mark,
        children: row.cells.map((cell, i) => tableCell(segmentRuns(cell, true, context), style, i, context.block)),
      });
    }),
  );
}

/** The runs of segments: text as the writer writes it (tabs, links when `links`), references as footnote runs. */
export function segmentRuns(segments: readonly Segment[], links: boolean, context: RenderContext): ParagraphChild[] {
  return segments.flatMap((segment) =>
    segment.pieces.flatMap((piece): ParagraphChild[] => {
      const run = context.revisions.runMaker(segment.op);
      if (piece.kind === 'text') return links ? linkedTextRuns(piece.value, run) : textRuns(piece.value, undefined, run);
      return [footnoteRun(segment.op, context.footnoteNumber(piece), context)];
    }),
  );
}

function footnoteRun(op: Op, number: number, context: RenderContext): ParagraphChild {
  if (op === 'equal') return new FootnoteReferenceRun(number);
  const options = { style: 'FootnoteReference', children: [new FootnoteReference(number)], ...context.revisions.next() };
  return op === 'insert' ? new InsertedTextRun(options) : new DeletedTextRun(options);
}
