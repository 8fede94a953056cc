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
import { CAPTIONS, MARKERS as MARKER_LIST, type Words, continuationNote, displayWidth, firstWordWidth, isFull, isLabel, join as joinWith, linkNotes, noteMark, rightMargin } from './pdf-lines.js';

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

/** `1` / `` / `根据 WTSA 第 2 号决议…` at the bottom of a page, when the page holds its mark. */
function takeRawNote(body: string[], notes: Map<string, string>, join: Join): boolean {
  const blank = body.lastIndexOf('');
  if (blank < 2 || body[blank - 1] === undefined || !NOTE_NUMBER.test(body[blank - 1] ?? '')) return false;
  if (body[blank - 2] !== '') return false;
  const number = body[blank - 1] ?? '';
  const text = body.slice(blank + 1);
  if (text.length === 0 || !noteMark(number).test(body.slice(0, blank - 2).join('\n'))) return false;
  notes.set(number, text.reduce(join));
  body.splice(blank - 2);
  return true;
}

/** Two pieces of a paragraph joined, as the document's words show (`join` of `pdf-lines.ts`). */
type Join = (before: string, after: string) => string;

function toRawParagraphs(lines: readonly Line[], join: Join): string[] {
  const out: string[] = [];
  const margin = rightMargin(lines.map((line) => line.text));
  /** Markers not yet given their text, the last one first to take one. */
  const markers: { marker: string; stacked: boolean }[] = [];
  let open: { text: string; last: string; item: boolean } | undefined;
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
      out.push(text);
      i = rawTable(lines, i + 1, out, join) - 1;
      continue;
    }
    // A number alone may be an item's text (`–` / `11`): a heading only with a blank line after it
    // and no marker waiting. A letter or `A.1` alone is a heading, its title on the next line.
    const digits = /^\d+$/u.test(text);
    if (HEADING_NUMBER.test(text) && next && (digits ? next.blank && markers.length === 0 : true)) {
      close();
      let title = next.text;
      let k = i + 2;
      let last = next.text;
      for (; k < lines.length; k++) {
        const more = lines[k] as Line;
        // The title starts after the number and at least two spaces' gap, which this text does not show.
        const room = margin - 1 - displayWidth(text) - 2;
        if (more.blank || continuationNote(more.text) || isLabel(more.text) || displayWidth(last) + firstWordWidth(more.text) < room) break;
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
      // A label in the box of an item's text (`–` / `建议书：` `Y.4050/Y.2069`) stands before the item.
      if (isLabel(text)) {
        out.push(text);
        continue;
      }
      const top = markers[markers.length - 1];
      if (top?.stacked) {
        // A stack: this box's lines are its items, one each, first marker first.
        let count = 0;
        while (markers.length > count && markers[markers.length - 1 - count]?.stacked) count++;
        const stack = markers.splice(markers.length - count, count);
        let k = i;
        for (const { marker } of stack) {
          // A label set beside the stack (`其它机构：`) is no item: it goes before them.
          while (lines[k] && isLabel(lines[k]?.text ?? '') && !(k > i && lines[k]?.blank)) out.push(lines[k++]?.text ?? '');
          const item = lines[k];
          if (!item || (k > i && item.blank)) break;
          out.push(`${marker}\t${item.text}`);
          k++;
        }
        i = k - 1;
        continue;
      }
      markers.pop();
      open = { text: `${top?.marker ?? ''}\t${text}`, last: text, item: true };
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

/** A page break inside a paragraph or item: the text goes on unless it is a label, or the paragraph's last line was short. */
function continuesPage(open: { last: string; item: boolean } | undefined, text: string, margin: number): boolean {
  if (!open) return false;
  if (open.item) return !isLabel(text) && !/[。？！；]$/u.test(open.last);
  return isFull(displayWidth(open.last), open.last, text, margin);
}

/** Table 1 as boxes in reading order, from the header's first box at `start`; returns the index after it. */
function rawTable(lines: readonly Line[], start: number, out: string[], join: Join): number {
  /** The box (lines up to a blank one) from line `i`, and the line after it; read only as far as needed. */
  const boxAt = (i: number): { text: string; end: number } | undefined => {
    if (i >= lines.length) return undefined;
    let text = (lines[i] as Line).text;
    let k = i + 1;
    while (k < lines.length && !(lines[k] as Line).blank) text = join(text, (lines[k++] as Line).text);
    return { text, end: k };
  };
  const header: string[] = [];
  let box = boxAt(start);
  while (box && !ROW_KEY.test(box.text) && header.length < MAX_COLUMNS) {
    header.push(box.text);
    box = boxAt(box.end);
  }
  if (!box || header.length === 0 || !ROW_KEY.test(box.text)) return start;
  const table = [...header.map((cell) => `\t${cell}`), ''];
  // Every row's number has the first row's shape (`1/20`, `2/20`; not the heading number `2` after the table).
  const shape = (text: string) => text.replace(/\p{N}+/gu, '0');
  const key = shape(box.text);
  let end = start;
  while (box && shape(box.text) === key) {
    const row: string[] = [];
    let rowEnd = end;
    for (let at: { text: string; end: number } | undefined = box; at && row.length < header.length; ) {
      row.push(at.text);
      rowEnd = at.end;
      if (row.length < header.length) at = boxAt(at.end);
    }
    // A row cut short is no row: its lines are read as they are.
    if (row.length < header.length) break;
    table.push(...row.map((cell) => `\t${cell}`), '');
    end = rowEnd;
    box = boxAt(end);
  }
  // A header without a whole row is no table.
  if (end > start) out.push(...table);
  return end;
}

/** The most columns a Table 1 header has (it has five): beyond, the caption heads no table. */
const MAX_COLUMNS = 20;
