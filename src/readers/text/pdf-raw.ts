/**
 * The text of a PDF as `pdftotext` writes it without `-layout` (the "raw" reading order): no
 * indents and no columns, but blank lines between what the PDF holds as separate boxes. Turned
 * back into the text reader's lines, as `pdf-text.ts` does for the `-layout` text:
 *
 *   - a heading's number alone on a line, a blank line, its title (`A.1` / `` / `目的`);
 *   - list markers alone on a line, their texts in the next boxes: a text takes the last marker
 *     not yet used (`–` `–` then `酌情…：`, `•` `物联网…`, and `为在…` takes the first `–`);
 *     markers stacked one per line take the lines of the next box one each (`–`×6, `3GPP`…);
 *   - Table 1's cells one box each, in reading order: the header is the boxes after the
 *     caption up to the first that holds only digits and punctuation (`1/20`), and each row is as
 *     many boxes as the header, while its first is such a number;
 *   - the footnote at a page's bottom: its number alone, a blank line, its text.
 * Lines within a paragraph are joined when the line before was full (see `pdf-text.ts`).
 */
import {
  CAPTIONS,
  MARKERS as MARKER_LIST,
  columnTitle,
  type Words,
  continuationNote,
  isSectionTitle,
  displayWidth,
  endsClause,
  isFull,
  isLabel,
  join as joinWith,
  linkNotes,
  noteMark,
  rightMargin,
} from './pdf-lines.js';

const MARKERS = new Set(MARKER_LIST);
const HEADING_NUMBER = /^(?:\d{1,2}|[A-Z]{1,2}|[A-Z]{1,2}\.\d{1,2})$/u;
const NOTE_NUMBER = /^\d{1,3}$/u;
/** A table cell that holds only digits and punctuation: a row's number (`1/20`). */
/** The rule before the end matter (`______________`): a line of its own. */
const RULE = /^_{5,}$/u;
const ROW_KEY = /^[\p{N}\p{P}]+$/u;

/** A line of the body: its text and what stood before it. */
interface Line {
  text: string;
  /** A blank line, or a page break that is not inside a paragraph, before it. */
  blank: boolean;
  /** A page break before it. */
  page: boolean;
}

/** The pages of a raw PDF text, furniture and page-bottom footnotes taken out, as the reader's lines. */
export function rawToLines(pages: readonly (readonly string[])[], furniture: ReadonlySet<string>, words?: Words): string[] {
  const join = (before: string, after: string) => joinWith(before, after, words);
  const lines: Line[] = [];
  const notes = new Map<string, string>();
  for (const page of pages) {
    const body = page.map((line) => line.trim()).filter((line) => !furniture.has(line.replace(/\s+/gu, ' ')));
    while (body.length > 0 && body[body.length - 1] === '') body.pop();
    // Several notes: taken from the last one up.
    while (takeRawNote(body, notes, join)) while (body.length > 0 && body[body.length - 1] === '') body.pop();
    // A page break is no blank line: a paragraph may go on across it (`continuesPage`).
    let blank = lines.length === 0;
    let first = true;
    for (const text of body) {
      if (text === '') {
        blank = true;
        continue;
      }
      lines.push({ text, blank, page: first && lines.length > 0 });
      blank = false;
      first = false;
    }
  }
  return linkNotes(toRawParagraphs(lines, join), notes);
}

/**
 * `1` / `` / `根据 WTSA 第 2 号决议…` at the bottom of a page, when the page holds its mark. Or the
 * page's last box alone, its number standing higher up in the stack of list markers (`–` `–`
 * `1`), where pdftotext puts what stands at the left margin: Latin pages. Or the number and its
 * text on the last box's one line (`1 المصدر: …`).
 */
function takeRawNote(body: string[], notes: Map<string, string>, join: Join): boolean {
  const blank = body.lastIndexOf('');
  // The number and its text on one line (`1 المصدر: …`), the page's last box.
  const one = blank > 0 && blank === body.length - 2 ? /^(\d{1,3}) (\S.*)$/u.exec(body[blank + 1] ?? '') : null;
  if (one && noteMark(one[1] ?? '').test(body.slice(0, blank).join('\n'))) {
    notes.set(one[1] ?? '', one[2] ?? '');
    body.splice(blank);
    return true;
  }
  if (blank < 2) return false;
  const text = body.slice(blank + 1);
  let at = blank - 1;
  if (!(NOTE_NUMBER.test(body[at] ?? '') && body[at - 1] === '')) {
    at = body.findLastIndex((line, k) => k < blank && NOTE_NUMBER.test(line) && MARKERS.has(body[k - 1] ?? ''));
  }
  const number = body[at] ?? '';
  if (at < 0 || text.length === 0 || !noteMark(number).test(body.slice(0, at).join('\n'))) return false;
  notes.set(number, text.reduce(join));
  body.splice(blank);
  // The number, with the blank line before it when it stood alone between blank lines.
  body.splice(at === blank - 1 ? at - 1 : at, at === blank - 1 ? 2 : 1);
  return true;
}

/** Two pieces of a paragraph joined, as the document's words show (`join` of `pdf-lines.ts`). */
type Join = (before: string, after: string) => string;

function toRawParagraphs(lines: readonly Line[], join: Join): string[] {
  const out: string[] = [];
  const margin = rightMargin(
    lines.map((line) => line.text),
    true,
  );
  /** Markers not yet given their text, the last one first to take one. */
  const markers: Marker[] = [];
  let open: { text: string; last: string; item: boolean } | undefined;
  /** Headings' numbers whose titles come after the markers below them, with the index of their first marker. */
  const headings: { number: string; from: number }[] = [];
  /** Markers that earlier boxes' items took before they came (see `placeItems`). */
  let owed = 0;
  const close = () => {
    if (open) out.push(open.text);
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.text;
    const next = lines[i + 1];
    if (MARKERS.has(text)) {
      close();
      // Markers one per line with no blank between are a stack whose texts come one per line.
      const previous = lines[i - 1];
      const stacked = !line.blank && previous !== undefined && MARKERS.has(previous.text);
      const below = markers[markers.length - 1];
      if (stacked && below) below.stacked = true;
      markers.push({ marker: text, stacked });
      continue;
    }
    if (CAPTIONS.some((caption) => caption.test(text))) {
      close();
      // A long caption wraps: its next line goes on with it while the line before was full.
      let caption = text;
      let last = text;
      while (i + 1 < lines.length && !(lines[i + 1] as Line).blank && isFull(displayWidth(last), last, (lines[i + 1] as Line).text, margin)) {
        last = (lines[++i] as Line).text;
        caption = join(caption, last);
      }
      out.push(caption);
      i = rawTable(lines, i + 1, out, join) - 1;
      continue;
    }
    // A number alone may be an item's text (`–` / `11`): a heading only with a blank line after it
    // and no marker waiting. A letter or `A.1` alone is a heading, its title on the next line.
    const digits = /^\d+$/u.test(text);
    if (HEADING_NUMBER.test(text) && next && !digits && MARKERS.has(next.text)) {
      close();
      headings.push({ number: text, from: markers.length });
      continue;
    }
    if (HEADING_NUMBER.test(text) && next && (digits ? next.blank && markers.length === 0 : true)) {
      // The title may stand before its number (a right-to-left page: `مقدمة` `1`), a short box of
      // one line, when what follows the number is a paragraph (its first line full).
      const before = lines[i - 1];
      const after = lines[i + 2];
      const titleFirst =
        before?.blank &&
        line.blank &&
        open?.text === before.text &&
        after !== undefined &&
        !after.blank &&
        isFull(displayWidth(next.text), next.text, after.text, margin);
      if (titleFirst) {
        open = undefined;
        out.push(`${text}\t${before.text}`);
        continue;
      }
      close();
      let title = next.text;
      let k = i + 2;
      let last = next.text;
      for (; k < lines.length; k++) {
        const more = lines[k] as Line;
        // The title starts after the number and at least two spaces' gap, which this text does not show.
        const indent = displayWidth(text) + 2;
        if (more.blank || continuationNote(more.text) || isLabel(more.text) || !isFull(indent + displayWidth(last), last, more.text, margin)) break;
        title = join(title, more.text);
        last = more.text;
      }
      out.push(`${text}\t${title}`);
      i = k - 1;
      continue;
    }
    if (RULE.test(text)) {
      close();
      out.push(text);
      continue;
    }
    const starts = line.blank || (line.page && !continuesPage(open, text, margin));
    if (markers.length > 0 && (starts || !open?.item)) {
      close();
      // The box's lines (up to a blank line, a page break, a marker or a heading), as paragraphs.
      let k = i;
      while (k < lines.length && (k === i || !(lines[k] as Line).blank) && !(k > i && (lines[k] as Line).page) && !boxEnds((lines[k] as Line).text))
        k++;
      const box = lines.slice(i, k).map((boxed) => boxed.text);
      const paragraphs: Paragraph[] = [];
      if (headings.length > 0) {
        // Headings' numbers stood before their markers (`A.3` `–` `–` then `Tasks`; `B.2` `–` `–`
        // `B.3` `–` `–` then one box for both): the first title opens the box, each further one
        // is the next section heading a language table knows; each heading's markers take the
        // items of its part of the box. Markers waiting from before the first heading take the
        // items before its title, which is then a section heading too (`–` `–` `A.3` `–` `–`).
        const queue = headings.splice(0);
        const pre = markers.splice(0, queue[0]?.from ?? 0);
        const groups = queue.map((heading, h) =>
          markers.slice(heading.from - pre.length, (queue[h + 1]?.from ?? markers.length + pre.length) - pre.length),
        );
        markers.length = 0;
        const titles = pre.length > 0 ? [] : [0];
        while (titles.length < queue.length) {
          const after = titles[titles.length - 1] ?? -1;
          const at = box.findIndex((boxed, n) => n > after && isSectionTitle(boxed));
          if (at < 0) break;
          titles.push(at);
        }
        if (pre.length > 0) {
          const placed = placeItems(box.slice(0, titles[0] ?? box.length), pre, margin, join);
          paragraphs.push(...placed.paragraphs);
          owed += placed.short;
        }
        titles.forEach((at, h) => {
          paragraphs.push({ text: `${queue[h]?.number ?? ''}\t${box[at] ?? ''}`, last: box[at] ?? '', kind: 'label' });
          const part = box.slice(at + 1, titles[h + 1] ?? box.length);
          const placed = placeItems(part, groups[h] ?? [], margin, join);
          paragraphs.push(...placed.paragraphs);
          owed += placed.short;
        });
        // Headings whose titles the box did not show keep their numbers; their markers wait.
        for (const [h, heading] of queue.entries()) {
          if (h < titles.length) continue;
          paragraphs.push({ text: heading.number, last: heading.number, kind: 'label' });
          markers.push(...(groups[h] ?? []));
        }
      } else {
        const placed = placeItems(box, markers, margin, join);
        paragraphs.push(...placed.paragraphs);
        owed += placed.short;
      }
      // Markers left over while an earlier box's items are owed theirs: written out of place
      // (after the next heading), those items have had them.
      const spare = Math.min(owed, markers.length);
      markers.splice(0, spare);
      owed -= spare;
      const last = paragraphs.pop();
      out.push(...paragraphs.map((paragraph) => paragraph.text));
      if (last) open = { text: last.text, last: last.last, item: last.kind !== 'text' && last.kind !== 'label' };
      i = k - 1;
      continue;
    }
    if (open && !starts && (open.item || isFull(displayWidth(open.last), open.last, text, margin))) {
      if (!(open.item && isLabel(text))) {
        open.text = join(open.text, text);
        open.last = text;
        continue;
      }
    }
    close();
    open = { text, last: text, item: false };
  }
  close();
  return out;
}

/**
 * A box's paragraphs, its last texts given the markers waiting (taken from `waiting`, the last
 * markers first); texts before them are lead-ins (`Study items to be considered include…`),
 * labels are no items. After a lead-in (a text ending with a colon), every text of the box is an
 * item, as many markers waiting or not: pdftotext may write a marker after the next heading, out
 * of its place (`short` counts the markers missing: as many markers left over later are dropped).
 */
function placeItems(box: readonly string[], waiting: Marker[], margin: number, join: Join): { paragraphs: Paragraph[]; short: number } {
  const paragraphs = boxParagraphs(box, margin, join, waiting[waiting.length - 1]?.stacked ?? false);
  const texts = paragraphs.filter((paragraph) => paragraph.kind === 'text');
  const leadIn = texts.findIndex((paragraph) => /[:：]$/u.test(paragraph.last));
  const led = leadIn < 0 ? 0 : texts.length - leadIn - 1;
  const count = Math.max(led, Math.min(waiting.length, texts.length));
  const taken = waiting.splice(waiting.length - Math.min(waiting.length, count));
  const short = count - taken.length;
  const first = taken[0]?.marker ?? MARKER_LIST[0] ?? '';
  texts.slice(texts.length - count).forEach((paragraph, n) => {
    paragraph.text = `${n < short ? first : (taken[n - short]?.marker ?? first)}\t${paragraph.text}`;
    paragraph.kind = 'item';
  });
  return { paragraphs, short };
}

/** A list marker alone on its line, waiting for its text; stacked when right under another. */
interface Marker {
  marker: string;
  stacked: boolean;
}

/** A line that ends a box of item texts: a marker, or a heading's letter or `A.1` (a number alone may be an item). */
function boxEnds(text: string): boolean {
  return (
    MARKERS.has(text) || (HEADING_NUMBER.test(text) && !/^\d+$/u.test(text)) || RULE.test(text) || CAPTIONS.some((caption) => caption.test(text))
  );
}

interface Paragraph {
  text: string;
  /** Its last line. */
  last: string;
  /** A label, a text with its marker inline (`• use cases…`), a text that may take a marker, one that took it. */
  kind: 'label' | 'inline' | 'text' | 'item';
}

/**
 * A box's lines as paragraphs: a label and a line with its marker inline stand apart; a line goes
 * on with the paragraph before when that one's last line ended no sentence or clause (`…是` /
 * `什么？`, `…включают, среди прочего,` / `следующие:`). Under a stack of markers, one line each
 * (`ETSI` `IEEE`), unless the line before was full and ended no sentence.
 */
function boxParagraphs(box: readonly string[], margin: number, join: Join, stacked: boolean): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  for (const line of box) {
    const before = paragraphs[paragraphs.length - 1];
    const inline = MARKER_LIST.find((marker) => line.startsWith(`${marker} `));
    if (isLabel(line)) paragraphs.push({ text: line, last: line, kind: 'label' });
    else if (inline) paragraphs.push({ text: `${inline}\t${line.slice(inline.length).trimStart()}`, last: line, kind: 'inline' });
    else if (
      before &&
      before.kind !== 'label' &&
      !endsClause(before.last) &&
      (!stacked || isFull(displayWidth(before.last), before.last, line, margin))
    ) {
      before.text = join(before.text, line);
      before.last = line;
    } else paragraphs.push({ text: line, last: line, kind: 'text' });
  }
  return paragraphs;
}

/** A page break inside a paragraph or item: the text goes on unless it is a label, or the paragraph's last line was short. */
function continuesPage(open: { last: string; item: boolean } | undefined, text: string, margin: number): boolean {
  if (!open) return false;
  if (open.item) return !isLabel(text) && !endsClause(open.last);
  return isFull(displayWidth(open.last), open.last, text, margin);
}

/** Table 1 as boxes in reading order, from the header's first box at `start`; returns the index after it. */
function rawTable(lines: readonly Line[], start: number, out: string[], join: Join): number {
  /** The box (lines up to a blank one) from line `i`, and the line after it; read only as far as needed. */
  const boxAt = (i: number): { text: string; end: number; title: boolean } | undefined => {
    if (i >= lines.length) return undefined;
    let k = i + 1;
    while (k < lines.length && !(lines[k] as Line).blank) k++;
    const pieces = lines.slice(i, k).map((line) => line.text);
    const title = columnTitle(pieces);
    return { text: title ?? pieces.reduce(join), end: k, title: title !== undefined };
  };
  const header: string[] = [];
  let box = boxAt(start);
  while (box && !ROW_KEY.test(box.text) && header.length < MAX_COLUMNS) {
    header.push(box.text);
    box = boxAt(box.end);
  }
  if (!box || header.length === 0 || !ROW_KEY.test(box.text)) return start;
  // Every row's number has the first row's shape (`1/20`, `2/20`; not the heading number `2` after the table).
  const shape = (text: string) => text.replace(/\p{N}+/gu, '0');
  const key = shape(box.text);
  const rows: string[][] = [];
  let end = start;
  while (box && shape(box.text) === key) {
    const row: string[] = [];
    let rowEnd = end;
    for (let at: typeof box | undefined = box; at && row.length < header.length; ) {
      row.push(at.text);
      rowEnd = at.end;
      if (row.length < header.length) at = boxAt(at.end);
    }
    // A row cut short is no row: its lines are read as they are.
    if (row.length < header.length) break;
    rows.push(row);
    end = rowEnd;
    box = boxAt(end);
  }
  // pdftotext may read a wide table in blocks of columns, each its header then its rows' cells
  // (`Статус` `Прежний №` … after the rows of the first two columns): a block goes on where the
  // next boxes are column titles a language table knows, and takes as many cells a row.
  const more: string[] = [];
  while (rows.length > 0 && box?.title) {
    more.push(box.text);
    box = boxAt(box.end);
  }
  if (more.length > 0) {
    const cells: string[] = [];
    let at = box;
    let after = end;
    while (at && cells.length < rows.length * more.length) {
      cells.push(at.text);
      after = at.end;
      at = boxAt(at.end);
    }
    if (cells.length === rows.length * more.length) {
      header.push(...more);
      rows.forEach((row, r) => {
        row.push(...cells.slice(r * more.length, (r + 1) * more.length));
      });
      end = after;
    }
  }
  // A header without a whole row is no table.
  if (rows.length > 0) out.push(...[header, ...rows].flatMap((row) => [...row.map((cell) => `\t${cell}`), '']));
  return end;
}

/** The most columns a Table 1 header has (it has five): beyond, the caption heads no table. */
const MAX_COLUMNS = 20;
