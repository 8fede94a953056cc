import { sectionRole, type LanguageTable } from '../../model/languages.js';
import type { WebLayout } from '../../model/languages/table.js';
import { warning, type Warning } from '../../model/result.js';
import type { Token } from './classify.js';
import type { SourceLine } from './lines.js';
import { BodyReader, isFurnitureText, patterns, sameLabel, token } from './web-body.js';

/**
 * The layouts of a Question copied from ITU's web pages (`../shared/real/`): the tolerant
 * classifier that `assemble()` asks only when a text has no Question heading of the document
 * form (`A<TAB>Question 1/20 – …`), so that nothing a stricter reading reads changes.
 *
 * What varies is data in the language table's `web` layout; this module reads it:
 * - page furniture (site navigation, language bars, breadcrumbs, search, "Committed to
 *   connecting the world") → dropped, each with a `noise.furniture` warning;
 * - the Question heading with or without its letter, a TAB or spaces, an en dash, a hyphen
 *   or no dash before the title (`Question 12/12 – Title`, `Question 9-3/2 Title`), or split
 *   over two lines (`Question 7/20`, then the title); a bare `Question N/NN` right above the
 *   full heading is the page's title (furniture);
 * - a page that gives only the title: the line above a continuation note that names a
 *   Question; read with the number left empty (`question.numberMissing`);
 * - section headings without numbers or with them (`Motivation`, `3 Tasks`, `A.2 Question`)
 *   under any name the table knows; where the page prints none, the table's section lead-ins
 *   (`Tasks include…`) and the first relationship label start the sections, and the text
 *   above the first one is the motivation;
 * - relationship labels with no values, several on one line (`WSIS Action Lines: SDGs:`);
 * - list items with any web marker (`–`, `•`, `-`, `*`, `o`, `1.`, `a)`, `(a)`), indented or not;
 * - ITU-D Questions (`Question 9-3/2`): their numbered sections (`1 Statement of the
 *   situation`) are read as `other`, with a `question.itud` warning.
 * Not handled yet: nested web lists (every item is level 1), several Questions on one page
 * (a later heading is read only when it has a dash before its title).
 */

export interface WebRead {
  tokens: Token[];
  warnings: Warning[];
}

interface Head {
  index: number;
  letter: string;
  number: string;
  title: string;
  dash: boolean;
}

function headingAt(text: string, index: number, web: WebLayout, line: SourceLine | undefined): Head | undefined {
  if (!mayBeHeading(line)) return undefined;
  const groups = patterns(web).heading.exec(text)?.groups;
  if (!groups) return undefined;
  return {
    index,
    letter: groups['letter'] ?? '',
    number: groups['number'] ?? '',
    title: (groups['title'] ?? '').trim(),
    dash: groups['dash'] !== undefined,
  };
}

/**
 * The tokens of a web page's text with `table`, or undefined when the table's web layout finds
 * no Question in it. `texts[i]` is the plain text of `lines[i]`.
 */
export function classifyWeb(lines: readonly SourceLine[], texts: readonly string[], table: LanguageTable, file: string): WebRead | undefined {
  const web = table.web;
  if (!web) return undefined;
  const warnings: Warning[] = [];
  const kept: number[] = [];
  texts.forEach((text, i) => {
    const line = lines[i] as SourceLine;
    const trimmed = text.trim();
    if (line.hint?.kind !== 'tableCell' && isFurniture(trimmed, web)) {
      warnings.push(warning('noise.furniture', { ...line.where, file }, `page furniture dropped: ${trimmed}`));
    } else kept.push(i);
  });
  const dropped = new Set<number>();
  const start = questionStart(kept, lines, texts, table, web, file, warnings, dropped);
  if (!start) return undefined;
  const tokens: Token[] = [];
  for (const i of kept.slice(0, start.position)) {
    if (dropped.has(i)) continue;
    const text = (texts[i] ?? '').trim();
    if (isPageHeader(text)) warnings.push(warning('noise.furniture', { ...(lines[i] as SourceLine).where, file }, `page furniture dropped: ${text}`));
    else tokens.push(token({ kind: 'paragraph' }, lines[i] as SourceLine, texts[i] ?? ''));
  }
  const itud = isItud(
    start.head.number,
    kept.slice(start.position + start.consumed).map((i) => texts[i] ?? ''),
    web,
  );
  if (itud) {
    const where = { ...(lines[kept[start.position] ?? -1]?.where ?? {}), file };
    warnings.push(warning('question.itud', where, `an ITU-D Question (${start.head.number}): its sections are read as "other"`));
  }
  const body = new BodyReader(table, web, itud);
  let position = start.position;
  while (position < kept.length) {
    const i = kept[position] as number;
    const line = lines[i] as SourceLine;
    const text = texts[i] ?? '';
    const head = headingAt(text, i, web, line);
    if (position === start.position || (head?.dash && head.title !== '')) {
      const question = position === start.position ? start.head : (head as Head);
      position += question === start.head ? start.consumed : 1;
      tokens.push(questionToken(question, line));
      const noteIndex = kept[position];
      const note = noteIndex === undefined ? undefined : texts[noteIndex]?.trim();
      if (noteIndex !== undefined && note !== undefined && table.continuationNote.test(note)) {
        tokens.push(token({ kind: 'paragraph' }, lines[noteIndex] as SourceLine, texts[noteIndex] ?? ''));
        position++;
      }
      body.startQuestion();
      continue;
    }
    for (const t of body.read(line, text)) tokens.push(t);
    position++;
  }
  return { tokens, warnings };
}

/**
 * A line above a page's Question heading that is the page's header, not text: short (a menu
 * entry, the study group's name, a banner), and not ending a sentence. Whatever the site's
 * wording (`Skip Ribbon Commands`, `ITU-T Study Group 17 (Study Period 2022)`); a sentence or
 * paragraph there is kept, in the front matter, as text never is dropped on a guess.
 */
const PAGE_HEADER_LENGTH = 80;
function isPageHeader(text: string): boolean {
  return text.length <= PAGE_HEADER_LENGTH && !/[.。!?！？;；:：]$/u.test(text);
}

function questionToken(head: Head, line: SourceLine): Token {
  const studyGroup = head.number === '' ? 0 : Number(head.number.split('/')[1]);
  return token({ kind: 'questionHeading', letter: head.letter, number: head.number, studyGroup, title: head.title }, line, head.title);
}

interface Start {
  /** Position in `kept` of the Question heading (or the title of a page that gives only the title). */
  position: number;
  head: Head;
  /** How many kept lines the heading takes (2 when the title is on the next line). */
  consumed: number;
}

/**
 * Where the first Question starts: its heading in any web form, or a title above a
 * continuation note that names a Question.
 */
function questionStart(
  kept: readonly number[],
  lines: readonly SourceLine[],
  texts: readonly string[],
  table: LanguageTable,
  web: WebLayout,
  file: string,
  warnings: Warning[],
  dropped: Set<number>,
): Start | undefined {
  const text = (position: number) => texts[kept[position] ?? -1]?.trim() ?? '';
  const where = (position: number) => ({ ...(lines[kept[position] ?? -1]?.where ?? {}), file });
  for (let position = 0; position < kept.length; position++) {
    const head = headingAt(text(position), kept[position] as number, web, lines[kept[position] ?? -1]);
    if (!head) continue;
    if (head.title !== '') return { position, head, consumed: 1 };
    const next = headingAt(text(position + 1), kept[position + 1] ?? -1, web, lines[kept[position + 1] ?? -1]);
    if (next && next.number === head.number) {
      // The page's own title above the heading: `Question 12/12`, then `Question 12/12 – Title`.
      warnings.push(warning('noise.furniture', where(position), `page title dropped: ${text(position)}`));
      dropped.add(kept[position] as number);
      continue;
    }
    const title = text(position + 1);
    const isTitle = title !== '' && !table.continuationNote.test(title) && sectionRole(table, title) === undefined;
    if (isTitle) return { position, head: { ...head, title }, consumed: 2 };
    warnings.push(warning('question.titleMissing', where(position), `Question ${head.number} has no title`));
    return { position, head, consumed: 1 };
  }
  for (let position = 0; position + 1 < kept.length; position++) {
    if (!web.namedNote.test(text(position + 1)) || text(position) === '' || !mayBeHeading(lines[kept[position] ?? -1])) continue;
    const named = /\d+\/\d+/u.exec(text(position + 1))?.[0];
    const message = `the page gives only the title: the Question's number is left empty${named ? ` (its note names ${named})` : ''}`;
    warnings.push(warning('question.numberMissing', where(position), message));
    const head: Head = { index: kept[position] as number, letter: '', number: '', title: text(position), dash: false };
    return { position, head, consumed: 1 };
  }
  return undefined;
}

/**
 * An ITU-D Question: its number has a revision (`9-3/2`), or its text has the numbered
 * sections of ITU-D (`1 Statement of the situation`).
 */
function isItud(number: string, body: readonly string[], web: WebLayout): boolean {
  if (/-\d+\//u.test(number)) return true;
  return body.some((text) => {
    const groups = patterns(web).sectionNumber.exec(text.trim())?.groups;
    const heading = groups?.['heading'];
    return heading !== undefined && /^\d+$/u.test(groups?.['number'] ?? '') && web.itudSections.some((name) => sameLabel(name, heading));
  });
}

/** A table cell, caption or list item (as the source marks them) is never a heading. */
export function mayBeHeading(line: SourceLine | undefined): boolean {
  const kind = line?.hint?.kind;
  return kind !== 'tableCell' && kind !== 'caption' && kind !== 'listItem';
}

function isFurniture(text: string, web: WebLayout): boolean {
  if (text === '') return false;
  return isFurnitureText(text, web) || web.furnitureLines.some((re) => re.test(text));
}
