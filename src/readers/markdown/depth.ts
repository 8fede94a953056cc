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

/**
 * micromark tries an inline construct at each character that may open one, and an opener that
 * never closes (`<!--`, `<?`, `<!X`, `<http:` with a space, a backtick run, `]`, `*`, `~`, `_`,
 * a GFM `www.` or `@` literal) is scanned to the end of its paragraph before it is given up:
 * the time is about (openers × paragraph length), quadratic in a paragraph of openers (100 000
 * unclosed `<!--`: over a minute). A text is refused when the sum of that product over its
 * paragraphs passes this budget, about two seconds of the worst construct measured (25 ns a
 * step). tsag's own Markdown escapes those characters, bar the `<` of its autolinks: the
 * 360-page edition (x20) costs 3·10^6.
 */
export const MAX_MARKDOWN_INLINE_COST = 80_000_000;

const OPENERS = new Set(['<', ']', '`', '*', '_', '~', '@']);

export interface InlineCost {
  /** Σ openers × length over the paragraphs. */
  cost: number;
  /** 1-based first line of the paragraph that costs the most. */
  line: number;
  /** Its openers and length. */
  openers: number;
  length: number;
}

/** The inline parsing cost of a Markdown text, in one pass (paragraphs as in `markdownBrackets`). */
export function markdownInlineCost(text: string): InlineCost {
  const result: InlineCost = { cost: 0, line: 0, openers: 0, length: 0 };
  let worst = -1;
  let openers = 0;
  let start = 0;
  let paragraphLine = 1;
  let line = 1;
  let lineBlank = true;
  const close = (end: number) => {
    const cost = openers * (end - start);
    result.cost += cost;
    if (cost > worst) {
      worst = cost;
      Object.assign(result, { line: paragraphLine, openers, length: end - start });
    }
    openers = 0;
  };
  for (let at = 0; at <= text.length; at++) {
    const ch = text[at];
    if (ch === '\n' || ch === undefined) {
      if (lineBlank || ch === undefined) {
        close(at);
        start = at + 1;
        paragraphLine = line + 1;
      }
      line++;
      lineBlank = true;
    } else if (ch === '\\') {
      at++; // an escaped character opens nothing
      lineBlank = false;
    } else {
      if (ch !== ' ' && ch !== '\t' && ch !== '\r') lineBlank = false;
      if (OPENERS.has(ch) || (ch === 'w' && text.startsWith('www.', at))) openers++;
    }
  }
  return result;
}

/**
 * The largest Markdown read unless `--max-text-size` says otherwise. micromark moves every
 * event of the document so far at each list that closes and each lazy line
 * (micromark-util-edit-map, from initialize/document.js), so its time grows with the square of
 * the document: tsag's own Markdown of 008C repeated to 0.5 MB is read in 2.5 s and 180 MB,
 * to 4 MB in 32 s and 1.5 GB. The 360-page edition (x20) writes 0.67 MB.
 */
export const DEFAULT_MAX_MARKDOWN_BYTES = 1024 * 1024;

/**
 * micromark holds some 5 KB of events per line (20 000 lines of paragraphs: 220 MB), and each
 * time a container closes (a list item, a block quote) it moves every event of the document
 * so far (micromark-util-edit-map from initialize/document.js): time grows with container
 * lines × lines. 20 000 lines of nested list items (4·10^8) take 20 s; tsag's own Markdown
 * of the 360-page edition (008C x20: 12 200 lines, 5 500 of them list items, 6.7·10^7) builds
 * in 4 s and 280 MB, all four outputs written.
 */
export const MAX_MARKDOWN_LINES = 30_000;
export const MAX_MARKDOWN_CONTAINER_COST = 100_000_000;

/** Lines, and lines that open a container (a list marker or `>` at their start), in one pass. */
export function markdownShape(text: string): { lines: number; containerLines: number } {
  let lines = 0;
  let containerLines = 0;
  for (let start = 0; start <= text.length; ) {
    lines++;
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (lineDepth(text, start, stop) > 0 && opensContainer(text, start, stop)) containerLines++;
    start = stop + 1;
  }
  return { lines, containerLines };
}

/** Indentation alone is no container: the first non-blank character is a marker or `>`. */
function opensContainer(text: string, start: number, stop: number): boolean {
  let at = start;
  while (at < stop && (text[at] === ' ' || text[at] === '\t')) at++;
  return at < stop && (text[at] === '>' || LIST_MARKER.test(text.slice(at, Math.min(stop, at + 11))));
}
