import type { Inline } from '../../model/document.js';

/**
 * White space as a browser shows it: outside `pre`, runs of spaces, tabs and line breaks are one
 * space, and none at a line's start or after a space.
 */
/** LibreOffice's XHTML export writes a tab as `&#160; ` four times. */
const LO_TAB = /\u00a0 (?:\u00a0 )+/gu;

export type Piece = { type: 'text'; value: string; pre: boolean } | { type: 'footnoteReference'; id: string };

/** The pieces of a line as inlines, white space collapsed outside `pre` as a browser does. */
export function collapse(pieces: readonly Piece[]): Inline[] {
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
