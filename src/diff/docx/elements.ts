/**
 * Redline lines → WordprocessingML, through the DOCX writer's own `PartWriter`
 * (src/writers/docx/emit.ts: paragraph styles, runs with tabs and links, Table 1's layout,
 * right to left), so that an unchanged line is written exactly as writeDocx writes it. A
 * changed line differs only in its runs and marks:
 *
 * - an inserted segment is a `w:ins` run, a deleted one a `w:del` run holding `w:delText`;
 * - an added paragraph's mark is inserted (`w:pPr/w:rPr/w:ins`), a removed one's deleted;
 * - an added row of Table 1 is `w:trPr/w:ins`, a removed one `w:trPr/w:del`;
 * - a footnote reference inside an inserted or deleted segment is in a `w:ins`/`w:del` run.
 *
 * Every change has one author and one fixed date; ids count in document order (`DocumentIds`).
 */
import type { PartWriter, Revision } from '../../writers/docx/emit.js';
import type { Line, ParagraphLine, RowLine } from './lines.js';
import type { Op, Piece, Segment } from './segments.js';

/** Word's footnote number for a reference of either edition. */
export type FootnoteNumber = (piece: Extract<Piece, { kind: 'footnote' }>) => number;

export function revision(op: Op): Revision | undefined {
  return op === 'equal' ? undefined : op;
}

export function writeLines(w: PartWriter, lines: readonly Line[], footnoteNumber: FootnoteNumber): void {
  for (const line of lines) {
    if (line.type === 'paragraph') writeParagraph(w, line, footnoteNumber);
    else writeTable(w, line.rows, footnoteNumber);
  }
}

function writeParagraph(w: PartWriter, line: ParagraphLine, footnoteNumber: FootnoteNumber): void {
  const mark = revision(line.mark);
  w.paragraph(
    line.style,
    () => {
      const runs = () => writeSegments(w, line.segments, line.links, footnoteNumber);
      if (line.bookmark === undefined) runs();
      else w.bookmark(line.bookmark, runs);
    },
    mark,
  );
}

function writeTable(w: PartWriter, rows: readonly RowLine[], footnoteNumber: FootnoteNumber): void {
  w.table(
    rows.map((row) => {
      const mark = revision(row.mark);
      return {
        header: row.header,
        ...(mark === undefined ? {} : { mark }),
        cell: (i: number) => writeSegments(w, row.cells[i] ?? [], true, footnoteNumber),
      };
    }),
  );
}

/** The runs of segments: text as the writer writes it (tabs, links when `links`), references as footnote runs. */
export function writeSegments(w: PartWriter, segments: readonly Segment[], links: boolean, footnoteNumber: FootnoteNumber): void {
  for (const segment of segments) {
    const change = revision(segment.op);
    for (const piece of segment.pieces) {
      if (piece.kind === 'footnote') w.footnoteReference(footnoteNumber(piece), change);
      else if (links) w.linkedText(piece.value, change);
      else w.textRun(piece.value, undefined, change);
    }
  }
}
