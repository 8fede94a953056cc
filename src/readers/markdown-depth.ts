/**
 * A linear screen of a Markdown text before remark sees it: how deeply its containers (block
 * quotes, list items) nest. micromark and the mdast utilities that follow it recurse once per
 * level, so a few thousand levels overflow the stack, and take time quadratic in the depth
 * (1 000 nested list levels: 45 s). tsag's own Markdown nests four deep at most.
 *
 * Per line: each `>` and each list marker (`-`, `*`, `+`, `1.`, `1)` before a space) at the start
 * of the line opens a level, and so does every two columns of indentation before them (a
 * nested list is indented by at least two). It is an upper bound, never an undercount.
 */

export const MAX_MARKDOWN_DEPTH = 100;

export interface MarkdownDepth {
  depth: number;
  /** 1-based line where `depth` is reached. */
  line: number;
}

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/u;

/** The deepest line of a Markdown text. */
export function markdownDepth(text: string): MarkdownDepth {
  let deepest: MarkdownDepth = { depth: 0, line: 0 };
  let line = 0;
  for (let start = 0; start <= text.length; ) {
    line++;
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    const depth = lineDepth(text, start, stop);
    if (depth > deepest.depth) deepest = { depth, line };
    start = stop + 1;
  }
  return deepest;
}

function lineDepth(text: string, start: number, stop: number): number {
  let depth = 0;
  /** Indentation before the first marker; spaces after one belong to it. */
  let columns = 0;
  let at = start;
  while (at < stop) {
    const ch = text[at];
    if (ch === ' ' || ch === '\t') {
      if (depth === 0) columns += ch === '\t' ? 4 : 1;
      at++;
    } else if (ch === '>') {
      depth++;
      at++;
    } else {
      const marker = LIST_MARKER.exec(text.slice(at, Math.min(stop, at + 11)))?.[0];
      if (marker === undefined) break;
      depth++;
      at += marker.length;
    }
  }
  return depth + Math.floor(columns / 2);
}

/**
 * micromark looks for a link label at every unescaped `[` and its search is quadratic in the
 * number of them within one paragraph (20 000 `[x] ` take 6 s, 100 000 over a minute). tsag
 * escapes every `[` of the text it writes, so its own Markdown has none of them.
 */
export const MAX_MARKDOWN_BRACKETS = 5_000;

/** The most unescaped `[` in one paragraph (a run of non-blank lines), and where it starts. */
export function markdownBrackets(text: string): { count: number; line: number } {
  let most = { count: 0, line: 0 };
  let count = 0;
  let paragraphLine = 1;
  let line = 1;
  let blank = true;
  for (let at = 0; at < text.length; at++) {
    const ch = text[at];
    if (ch === '\n') {
      if (blank) {
        count = 0;
        paragraphLine = line + 1;
      }
      line++;
      blank = true;
    } else if (ch === '\\') {
      at++; // an escaped character, `\[` included
      blank = false;
    } else {
      if (ch !== ' ' && ch !== '\t' && ch !== '\r') blank = false;
      if (ch === '[' && ++count > most.count) most = { count, line: paragraphLine };
    }
  }
  return most;
}
