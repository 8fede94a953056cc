import type { Inline, NumberedHeading, SectionRole } from '../../model/document.js';
import { plainText } from '../../model/inline.js';
import type { LanguageTable } from '../../model/languages.js';
import type { SourceLine } from './lines.js';

/**
 * What one source line is, judged alone: the first step of `assemble()`. What a line means
 * in context (a continuation note, a relationship label) is decided later, by its neighbours.
 *
 * The format's hint wins where it says something the text cannot (a table cell, a caption, a
 * list level); otherwise the text decides. ITU headings carry their number as literal text
 * before a tab (`A.1<TAB>目的`), so the tab is required unless the source says "heading",
 * in which case any whitespace will do.
 */

export interface QuestionHead {
  letter: string;
  number: string;
  studyGroup: number;
  title: string;
}

export type LineKind =
  | { kind: 'documentHeading'; heading: NumberedHeading }
  | ({ kind: 'questionHeading' } & QuestionHead)
  /** `role`: set where the layout, not the heading's words, says what the section is (a web lead-in). */
  | { kind: 'sectionHeading'; letter: string; number: string; heading: string; role?: SectionRole }
  | { kind: 'caption'; text: string }
  | { kind: 'cell'; row: number; column: number; header: boolean }
  | { kind: 'listItem'; level: number; content: Inline[] }
  | { kind: 'paragraph' };

export type Token = LineKind & { line: SourceLine; text: string };

const WS = '[\\t ]+';
const TAB = '\\t+';
const questionPrefix = (sep: string) => new RegExp(`^\\s*(?<letter>[A-Z]+)${sep}(?<rest>\\S.*)$`, 'u');
const sectionPrefix = (sep: string) => new RegExp(`^\\s*(?<letter>[A-Z]+)\\.(?<n>\\d+)${sep}(?<heading>\\S.*)$`, 'u');
const documentPrefix = (sep: string) => new RegExp(`^\\s*(?<number>\\d+)${sep}(?<title>\\S.*)$`, 'u');
const STRICT = { question: questionPrefix(TAB), section: sectionPrefix(TAB), document: documentPrefix(TAB) };
const LENIENT = { question: questionPrefix(WS), section: sectionPrefix(WS), document: documentPrefix(WS) };

export function classifyLine(line: SourceLine, table: LanguageTable, text = plainText(line.content)): Token {
  // The fresh kind object takes the two fields itself: a spread into a new object of one of
  // seven shapes cost most of the time of reading 200 000 lines.
  const token = kindOf(line, text, table) as Token;
  token.line = line;
  token.text = text;
  return token;
}

/**
 * How many of the lines `classifyLine` makes Question headings with `table`, without
 * classifying them: language detection counts them for every table (`texts[i]` is the plain
 * text of `lines[i]`). Both ask `questionHeadingOf`.
 */
export function countQuestionHeadings(lines: readonly SourceLine[], texts: readonly string[], table: LanguageTable): number {
  let count = 0;
  lines.forEach((line, i) => {
    if (questionHeadingOf(line, texts[i] ?? '', table)) count++;
  });
  return count;
}

/** Whether any of the lines is a Question heading with `table` (countQuestionHeadings > 0, stopping at the first). */
export function hasQuestionHeading(lines: readonly SourceLine[], texts: readonly string[], table: LanguageTable): boolean {
  return lines.some((line, i) => questionHeadingOf(line, texts[i] ?? '', table) !== undefined);
}

/**
 * The Question heading a line is, or undefined: never a table cell, caption or list item the
 * source marks as such; any whitespace after the letter when the source says "heading".
 */
function questionHeadingOf(line: SourceLine, text: string, table: LanguageTable): QuestionHead | undefined {
  const kind = line.hint?.kind;
  if (kind === 'tableCell' || kind === 'caption' || kind === 'listItem') return undefined;
  return matchQuestionHeading(text, table, kind === 'heading');
}

function kindOf(line: SourceLine, text: string, table: LanguageTable): LineKind {
  const hint = line.hint;
  if (hint?.kind === 'tableCell') return { kind: 'cell', row: hint.row, column: hint.column, header: hint.header };
  if (hint?.kind === 'caption') return { kind: 'caption', text: text.trim() };
  if (hint?.kind === 'listItem') return hintedListItem(line, text, table, hint.level);
  if (hint?.kind === 'paragraph' && hint.plain) return { kind: 'paragraph' };
  const question = questionHeadingOf(line, text, table);
  if (question) return { kind: 'questionHeading', ...question };
  const isHeading = hint?.kind === 'heading';
  const heading = headingOf(text, isHeading);
  if (heading) return heading;
  if (isHeading && hint.level === 1) return { kind: 'documentHeading', heading: { number: '', title: text.trim() } };
  if (isHeading) return { kind: 'paragraph' };
  if (table.tableCaption.test(text.trim())) return { kind: 'caption', text: text.trim() };
  const item = listItem(line.content, text, table);
  return item;
}

/** A section or document heading (a Question heading is found before). */
function headingOf(text: string, lenient: boolean): LineKind | undefined {
  const patterns = lenient ? LENIENT : STRICT;
  const section = patterns.section.exec(text)?.groups;
  if (section) {
    const letter = section['letter'] ?? '';
    return { kind: 'sectionHeading', letter, number: `${letter}.${section['n'] ?? ''}`, heading: section['heading'] ?? '' };
  }
  const document = patterns.document.exec(text)?.groups;
  if (document) return { kind: 'documentHeading', heading: { number: document['number'] ?? '', title: document['title'] ?? '' } };
  return undefined;
}

/** `A<TAB>第1/20号课题 – 标题` → its parts, through the language's Question heading pattern. */
export function matchQuestionHeading(text: string, table: LanguageTable, lenient = false): QuestionHead | undefined {
  const prefix = (lenient ? LENIENT : STRICT).question.exec(text)?.groups;
  if (!prefix) return undefined;
  const groups = table.questionHeading.exec(prefix['rest'] ?? '')?.groups;
  const number = groups?.['number'];
  if (!groups || number === undefined) return undefined;
  const studyGroup = Number(number.split('/')[1]);
  if (!Number.isInteger(studyGroup)) return undefined;
  return { letter: prefix['letter'] ?? '', number, studyGroup, title: (groups['title'] ?? '').trim() };
}

/** A list item the source marks as one: its marker stripped, unless the source has none in the text (`bare`). */
export function hintedListItem(line: SourceLine, text: string, table: LanguageTable, level: number): LineKind {
  const bare = line.hint?.kind === 'listItem' && line.hint.bare === true;
  return bare ? { kind: 'listItem', level, content: line.content } : listItem(line.content, text, table, level);
}

/**
 * A list item when the text starts with a list marker of the table followed by whitespace;
 * the marker's position in `listMarkers` is the level. A hinted level wins over the marker.
 */
export function listItem(content: Inline[], text: string, table: LanguageTable, hintedLevel?: number): LineKind {
  const marker = listMarkerAt(text, table, hintedLevel !== undefined);
  if (!marker && hintedLevel === undefined) return { kind: 'paragraph' };
  return { kind: 'listItem', level: hintedLevel ?? marker?.level ?? 1, content: dropTextPrefix(content, marker?.length ?? 0) };
}

/**
 * The list marker of the table that starts `text` (after any indent), followed by a space (a
 * no-break space too: LibreOffice's HTML writes the marker's tab so), a TAB or a line break (or nothing, where `alone` allows a marker with no text): its level (its
 * place in `listMarkers`, from 1) and how many characters it takes with the whitespace around it.
 */
export function listMarkerAt(text: string, table: LanguageTable, alone = false): { level: number; length: number } | undefined {
  const trimmed = text.trimStart();
  const index = table.listMarkers.findIndex((marker) => {
    const after = trimmed.charAt(marker.length);
    return trimmed.startsWith(marker) && (after === '\t' || after === ' ' || after === '\u00a0' || after === '\n' || (after === '' && alone));
  });
  if (index < 0) return undefined;
  const rest = trimmed.slice((table.listMarkers[index] ?? '').length);
  return { level: index + 1, length: text.length - rest.trimStart().length };
}

/** Removes the first `count` characters of text from inline content (references have no length). */
export function dropTextPrefix(content: readonly Inline[], count: number): Inline[] {
  let left = count;
  const out: Inline[] = [];
  for (const inline of content) {
    if (left > 0 && inline.type === 'text') {
      const cut = Math.min(left, inline.value.length);
      left -= cut;
      if (cut < inline.value.length) out.push({ type: 'text', value: inline.value.slice(cut) });
    } else out.push(inline);
  }
  return out;
}
