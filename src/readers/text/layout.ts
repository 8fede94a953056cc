import type { Footnote } from '../../model/document.js';
import { gridTableAt, type GridTable } from './grid-table.js';
import { append } from '../../model/arrays.js';
import { joinSoftBreaks, wrapsOnlyAtSpaces, type SoftBreaks } from './soft-breaks.js';

/**
 * The layout of a text before its lines are cleaned (./index.ts): Tika's extraction, one
 * paragraph a line, passes through as it is. A text whose paragraphs are separated by blank
 * lines (pandoc's plain text, mammoth's raw text) is read by blocks instead:
 *   - the lines of a block are one paragraph wrapped at the page width: joined, as Markdown
 *     soft breaks are (./soft-breaks.ts: a space, or nothing between CJK characters unless the
 *     wrapping tool breaks only at spaces);
 *   - a block that is a numbered heading with a space where Tika writes a TAB (`A.1 目的`,
 *     `A 第1/20号课题 – …`, `1 引言`) is marked as a heading, which lets the classifier take any
 *     whitespace after the number;
 *   - pandoc's grid tables (./grid-table.ts) become cells, a row's cells together and rows
 *     separated by a blank line, as Tika's TAB cells are.
 *   - footnotes as pandoc writes them: `[1]` at the reference, and at the end of the text,
 *     after a closing `______` rule or not, `[1] text` (withEndNotes): the rule and the notes
 *     leave the text, each note goes with the line of its first reference, and the reference
 *     becomes the `[footnoteRef:1]` that stage 1 reads.
 * Blocks holding a TAB cell line are left as they are.
 */

export interface LayoutLine {
  /** 1-based number of the (first) source line. */
  number: number;
  text: string;
  /** A table cell (without Tika's TAB). */
  cell?: boolean;
  /** A heading, and its level from its number (`1` → 1, `A` → 2, `A.1` → 3). */
  heading?: number;
  /** Footnote texts referenced from this line. */
  notes?: Footnote[];
}

/** Blocks per text line at least this: a blank-line layout (a paragraph wraps to 5 lines on average at most). */
const BLOCK_SHARE = 0.2;
/** A few lines tell no layout. */
const MIN_BLOCKS = 5;
/** A heading is short and no sentence: longer blocks, or blocks ending as a sentence, are paragraphs. */
const MAX_HEADING_LENGTH = 200;
const NUMBERED = /^\s*(?<number>\d+|[A-Z]{1,3}(?:\.\d+)*)[ \u00a0]+\S/u;
/** The number of a numbered heading and the spaces after it. */
const NUMBER_SPACE = /^(\s*(?:\d+|[A-Z]{1,3}(?:\.\d+)*))[ \u00a0]+/u;
const SENTENCE_END = /[。.;；:：,，]$/u;

type Item = { table: GridTable; number: number } | { block: number[] } | { blank: number };

export function layoutLines(lines: readonly string[]): LayoutLine[] {
  if (!blankLineLayout(lines)) return lines.map((text, i) => ({ number: i + 1, text }));
  const items: Item[] = [];
  let block: number[] = [];
  const flush = () => {
    if (block.length > 0) items.push({ block });
    block = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    const table = text.trim() === '' ? undefined : tableStartingAt(lines, i);
    if (table) {
      flush();
      items.push({ table, number: i + 1 });
      i = table.end - 1;
    } else if (text.trim() === '') {
      flush();
      items.push({ blank: i });
    } else block.push(i);
  }
  flush();
  const paragraphs = items.flatMap((item) => ('block' in item ? [item.block.map((i) => lines[i] ?? '')] : []));
  const breaks: SoftBreaks = wrapsOnlyAtSpaces(paragraphs) ? 'space' : 'cjk';
  const out: LayoutLine[] = [];
  for (const item of items) {
    if ('table' in item) append(out, tableLines(item.table, item.number, breaks));
    else if ('block' in item) append(out, blockLines(lines, item.block, breaks));
    else out.push({ number: item.blank + 1, text: lines[item.blank] ?? '' });
  }
  return withEndNotes(out);
}

const RULE = /^\s*_{5,}\s*$/u;
const MARK = /\[(\d+)\]/gu;

/** For each `[N]` in paragraphs (not cells or headings), the index of the first line holding it: one pass. */
function firstMarks(body: readonly LayoutLine[]): Map<string, number> {
  const first = new Map<string, number>();
  body.forEach((line, index) => {
    if (line.cell || line.heading !== undefined || !line.text.includes('[')) return;
    for (const match of line.text.matchAll(MARK)) if (!first.has(match[1] ?? '')) first.set(match[1] ?? '', index);
  });
  return first;
}

/** `[1] text`: a note on a line (or block) of its own, as pandoc and tsag's text writer print it. */
export const NOTE_LINE = /^\[(?<id>\d+)\]\s+(?<text>.*)$/su;

interface EndNote {
  /** Index of the note's first line in the laid-out lines. */
  at: number;
  id: string;
  /** Its paragraphs, joined by line breaks as the DOCX reader joins a note's paragraphs. */
  text: string;
}

/**
 * Pandoc's notes at the end of the text (`[1] text`, one block each), after a `______` rule or
 * not, moved to the line of their first `[1]`; then the rule, if there is one, goes too.
 * The notes are the trailing run of blocks that:
 *   - ends with a note, and starts with one whose `[id]` the text before the run holds, as it
 *     holds the `[id]` of every other note of the run;
 *   - numbers its notes one by one up (`[1]`, `[2]`, …), as notes are numbered;
 *   - holds no heading or table cell; a paragraph between two notes is the second paragraph of
 *     the first one (pandoc writes a note's paragraphs so, unindented). After the last note a
 *     paragraph cannot be told from the text that follows the notes (a footer): it ends the run
 *     before it, and then no run ends the text.
 * The run is the longest that holds; with nothing after the rule but such notes, all of them
 * are taken, as before. A note that nothing references before the run stays where it is, as text.
 */
function withEndNotes(lines: LayoutLine[]): LayoutLine[] {
  const notes = endNotes(lines);
  const first = notes[0];
  if (first === undefined) return lines;
  let end = first.at;
  while (end > 0 && (lines[end - 1]?.text.trim() ?? '') === '') end--;
  if (end > 0 && RULE.test(lines[end - 1]?.text ?? '')) end--;
  const body = lines.slice(0, end);
  const marks = firstMarks(body);
  for (const note of notes) {
    const at = marks.get(note.id);
    const line = at === undefined ? undefined : body[at];
    if (at === undefined || !line) return lines;
    // Copied once, then added to: many notes on one line stay linear.
    const copy = line === lines[at] ? { ...line, notes: [...(line.notes ?? [])] } : line;
    copy.text = copy.text.replace(`[${note.id}]`, `[footnoteRef:${note.id}]`);
    copy.notes?.push({ id: note.id, text: note.text });
    body[at] = copy;
  }
  return body;
}

/** The trailing run of notes (see withEndNotes), in order; empty when there is none. */
function endNotes(lines: readonly LayoutLine[]): EndNote[] {
  const marks = firstMarks(lines);
  const found: EndNote[] = [];
  /** The last of the first references of the notes found: the run may start only after it. */
  let lastMark = -1;
  /** Paragraphs read backwards since the last note found: the second paragraphs of the note before them. */
  let paragraphs: string[] = [];
  for (let at = lines.length - 1; at >= 0; at--) {
    const line = lines[at];
    const text = line?.text.trim() ?? '';
    if (!line || text === '') continue;
    if (line.cell || line.heading !== undefined || RULE.test(text)) break;
    const note = NOTE_LINE.exec(text)?.groups;
    if (note === undefined) {
      if (found.length === 0) break;
      paragraphs.push(text);
      continue;
    }
    const id = note['id'] ?? '';
    const next = found[found.length - 1];
    if (next !== undefined && Number(id) + 1 !== Number(next.id)) break;
    // Every note of the run referenced before it: else neither this note nor any before it starts the run.
    lastMark = Math.max(lastMark, marks.get(id) ?? at);
    if (lastMark >= at) break;
    found.push({ at, id, text: [(note['text'] ?? '').trim(), ...paragraphs.reverse()].join('\n') });
    paragraphs = [];
  }
  return found.reverse();
}

/**
 * Paragraphs separated by blank lines: the text lines fall into many blocks (a paragraph each,
 * however many lines it wraps to). Tika's layout has blank lines only around tables and a few
 * breaks, so its few blocks are long. TAB cell lines are not counted.
 */
function blankLineLayout(lines: readonly string[]): boolean {
  let text = 0;
  let blocks = 0;
  let inBlock = false;
  for (const line of lines) {
    const isText = line.trim() !== '' && !line.startsWith('\t');
    if (isText) text++;
    if (isText && !inBlock) blocks++;
    inBlock = isText;
  }
  return blocks >= MIN_BLOCKS && blocks >= text * BLOCK_SHARE;
}

/** A grid table whose first line (top border or header) is `lines[at]`. */
function tableStartingAt(lines: readonly string[], at: number): GridTable | undefined {
  // The column line is within the next few lines of the start (a header of up to 8 lines).
  for (let k = at; k < Math.min(lines.length, at + 10); k++) {
    const table = gridTableAt(lines, k);
    if (table?.start === at) return table;
    if (k > at && lines[k]?.trim() === '') return undefined;
  }
  return undefined;
}

function tableLines(table: GridTable, number: number, breaks: SoftBreaks): LayoutLine[] {
  const out: LayoutLine[] = [];
  for (const row of [table.header, ...table.rows]) {
    for (const text of row) out.push({ number, text: joinSoftBreaks(text, breaks), cell: true });
    out.push({ number, text: '' });
  }
  return out;
}

function blockLines(lines: readonly string[], block: readonly number[], breaks: SoftBreaks): LayoutLine[] {
  const first = block[0] ?? 0;
  const texts = block.map((i) => lines[i] ?? '');
  if (texts.some((text) => text.startsWith('\t'))) return block.map((i) => ({ number: i + 1, text: lines[i] ?? '' }));
  const text = joinSoftBreaks(texts.join('\n'), breaks);
  const heading = headingLevel(text);
  // The classifier reads a heading's number and title apart at a space or a TAB: a no-break
  // space after the number (which Word puts there) is one too.
  if (heading !== undefined) return [{ number: first + 1, text: text.replace(NUMBER_SPACE, '$1 '), heading }];
  return [{ number: first + 1, text }];
}

function headingLevel(text: string): number | undefined {
  const number = NUMBERED.exec(text)?.groups?.['number'];
  if (number === undefined || text.length > MAX_HEADING_LENGTH || SENTENCE_END.test(text.trimEnd())) return undefined;
  if (/^\d/u.test(number)) return 1;
  return 2 + (number.split('.').length - 1);
}
