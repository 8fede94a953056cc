import type { Inline, SectionRole } from '../model/document.js';
import { relationshipRole, sectionRole, type LanguageTable } from '../model/languages.js';
import { DASH, type WebLayout } from '../model/languages/table.js';
import { warning, type Warning } from '../model/result.js';
import { dropTextPrefix, type Token } from './classify.js';
import type { SourceLine } from './lines.js';

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

type Kind = Token extends infer T ? (T extends Token ? Omit<T, 'line' | 'text'> : never) : never;

/** `kind` is always a fresh object literal: it takes the two fields itself (as in classifyLine). */
function token(kind: Kind, line: SourceLine, text: string): Token {
  const made = kind as Token;
  made.line = line;
  made.text = text;
  return made;
}

/** A line of text only, derived from a source line (a piece of a line that held two things). */
function piece(line: SourceLine, value: string): SourceLine {
  return { content: [{ type: 'text', value }], where: line.where };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

interface Patterns {
  furniture: RegExp;
  heading: RegExp;
  sectionNumber: RegExp;
}

const PATTERNS = new WeakMap<WebLayout, Patterns>();

function patterns(web: WebLayout): Patterns {
  let found = PATTERNS.get(web);
  if (!found) {
    const phrase = `(?:${web.furniture.join('|')})`;
    found = {
      furniture: new RegExp(`^[\\s|:>»·]*${phrase}(?:[\\s|:>»·]+${phrase})*[\\s|:>»·]*$`, 'iu'),
      // `A<TAB>Question 1/20 – Title`, `Question 12/12 – Title`, `Question 9-3/2 Title`, `Question 7/20`.
      heading: new RegExp(
        `^\\s*(?:(?<letter>[A-Z]{1,2})\\s+)?${web.questionHead}(?:(?<dash>\\s*${DASH}(?=\\s)|\\s*:)\\s*|\\s+|$)(?<title>.*)$`,
        'iu',
      ),
      // `Motivation`, `A.1 Motivation`, `1 Motivation`, `1. Motivation`, `1) Motivation`.
      sectionNumber: /^\s*(?<number>(?:[A-Z]\.)?\d{1,2}(?:\.\d{1,2})*[.)]?)\s+(?<heading>\S.*)$/u,
    };
    PATTERNS.set(web, found);
  }
  return found;
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
  for (const i of kept.slice(0, start.position)) if (!dropped.has(i)) tokens.push(token({ kind: 'paragraph' }, lines[i] as SourceLine, texts[i] ?? ''));
  const body = new BodyReader(table, web, start.itud);
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
  itud: boolean;
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
    const itud = /-\d+\//u.test(head.number);
    if (itud) warnings.push(warning('question.itud', where(position), `an ITU-D Question (${head.number}): its sections are read as "other"`));
    if (head.title !== '') return { position, head, consumed: 1, itud };
    const next = headingAt(text(position + 1), kept[position + 1] ?? -1, web, lines[kept[position + 1] ?? -1]);
    if (next && next.number === head.number) {
      // The page's own title above the heading: `Question 12/12`, then `Question 12/12 – Title`.
      warnings.push(warning('noise.furniture', where(position), `page title dropped: ${text(position)}`));
      dropped.add(kept[position] as number);
      continue;
    }
    const title = text(position + 1);
    if (title !== '' && !table.continuationNote.test(title)) return { position, head: { ...head, title }, consumed: 2, itud };
    warnings.push(warning('question.titleMissing', where(position), `Question ${head.number} has no title`));
    return { position, head, consumed: 1, itud };
  }
  for (let position = 0; position + 1 < kept.length; position++) {
    if (!web.namedNote.test(text(position + 1)) || text(position) === '' || !mayBeHeading(lines[kept[position] ?? -1])) continue;
    const named = /\d+\/\d+/u.exec(text(position + 1))?.[0];
    const message = `the page gives only the title: the Question's number is left empty${named ? ` (its note names ${named})` : ''}`;
    warnings.push(warning('question.numberMissing', where(position), message));
    const head: Head = { index: kept[position] as number, letter: '', number: '', title: text(position), dash: false };
    return { position, head, consumed: 1, itud: false };
  }
  return undefined;
}

/** A table cell, caption or list item (as the source marks them) is never a heading. */
function mayBeHeading(line: SourceLine | undefined): boolean {
  const kind = line?.hint?.kind;
  return kind !== 'tableCell' && kind !== 'caption' && kind !== 'listItem';
}

function isFurniture(text: string, web: WebLayout): boolean {
  if (text === '') return false;
  return patterns(web).furniture.test(text) || web.furnitureLines.some((re) => re.test(text));
}

/**
 * The lines of a Question after its heading and note: sections start at headings, at lead-ins
 * and at the first relationship label; the text before the first is the motivation.
 */
class BodyReader {
  private role: SectionRole | undefined;

  constructor(
    private readonly table: LanguageTable,
    private readonly web: WebLayout,
    private readonly itud: boolean,
  ) {}

  startQuestion(): void {
    this.role = undefined;
  }

  read(line: SourceLine, text: string): Token[] {
    const trimmed = text.trim();
    const out: Token[] = [];
    const section = this.sectionHeading(trimmed);
    if (section) {
      this.role = section.role;
      return [token({ kind: 'sectionHeading', letter: '', number: section.number, heading: section.heading, role: section.role }, line, trimmed)];
    }
    if (!this.itud) {
      const labels = this.labels(trimmed);
      if (labels) {
        this.open('relationships', line, out);
        for (const label of labels.labels) out.push(token({ kind: 'paragraph' }, piece(line, label), label));
        if (labels.rest !== '') out.push(token({ kind: 'listItem', level: 1, content: [{ type: 'text', value: labels.rest }] }, line, labels.rest));
        return out;
      }
      const runTogether = this.leadInAndHeading(trimmed);
      if (runTogether) {
        this.open(runTogether.leadInRole, line, out);
        out.push(token({ kind: 'paragraph' }, piece(line, runTogether.leadIn), runTogether.leadIn));
        this.role = runTogether.role;
        out.push(token({ kind: 'sectionHeading', letter: '', number: '', heading: runTogether.heading, role: runTogether.role }, line, runTogether.heading));
        return out;
      }
      const leadIn = this.web.sectionLeadIns.find((entry) => entry.pattern.test(trimmed));
      if (leadIn) this.open(leadIn.role, line, out);
    }
    if (this.role === undefined && !this.itud) this.open('motivation', line, out);
    out.push(this.listOrParagraph(line, text));
    return out;
  }

  /** Opens a section of `role` without a heading, unless one of that role is open. */
  private open(role: SectionRole, line: SourceLine, out: Token[]): void {
    if (this.role === role) return;
    this.role = role;
    out.push(token({ kind: 'sectionHeading', letter: '', number: '', heading: '', role }, line, ''));
  }

  private sectionHeading(text: string): { number: string; heading: string; role: SectionRole } | undefined {
    const numbered = patterns(this.web).sectionNumber.exec(text)?.groups;
    const candidates: [string, string][] = [['', text]];
    if (numbered) candidates.push([(numbered['number'] ?? '').replace(/[.)]$/u, ''), numbered['heading'] ?? '']);
    for (const [number, heading] of candidates) {
      if (this.itud) {
        if (number !== '' && !number.includes('.') && this.web.itudSections.some((name) => sameLabel(name, heading))) {
          return { number, heading, role: 'other' };
        }
        continue;
      }
      const role = sectionRole(this.table, heading);
      if (role) return { number, heading, role };
    }
    return undefined;
  }

  /** `WSIS Action Lines: Sustainable Development Goals: C2, C5` → the labels and what follows them. */
  private labels(text: string): { labels: string[]; rest: string } | undefined {
    const one = labelPattern(this.table);
    const found: string[] = [];
    let rest = text;
    for (let match = one.exec(rest); match; match = one.exec(rest)) {
      found.push(match[1] ?? '');
      rest = rest.slice(match[0].length);
    }
    if (found.length === 0 || found.some((label) => relationshipRole(this.table, label) === undefined)) return undefined;
    return { labels: found.map((label) => `${label}${this.table.labelColon}`), rest: rest.trim() };
  }

  /** `Study items to be considered include, but are not limited to: Tasks`: a stripped list between a lead-in and the next heading. */
  private leadInAndHeading(text: string): { leadIn: string; leadInRole: SectionRole; heading: string; role: SectionRole } | undefined {
    const colon = text.lastIndexOf(this.table.labelColon);
    if (colon < 0) return undefined;
    const leadIn = text.slice(0, colon + this.table.labelColon.length).trim();
    const heading = text.slice(colon + this.table.labelColon.length).trim();
    const role = heading === '' ? undefined : sectionRole(this.table, heading);
    const entry = this.web.sectionLeadIns.find((e) => e.pattern.test(leadIn));
    if (!role || !entry) return undefined;
    return { leadIn, leadInRole: entry.role, heading, role };
  }

  private listOrParagraph(line: SourceLine, text: string): Token {
    const marker = this.web.listMarker.exec(text);
    if (!marker) return token({ kind: 'paragraph' }, line, text);
    const content: Inline[] = dropTextPrefix(line.content, marker[0].length);
    return token({ kind: 'listItem', level: 1, content }, line, text);
  }
}

const LABELS = new WeakMap<LanguageTable, RegExp>();

/** A relationship label of the table and its colon at the start of a text, longest label first. */
function labelPattern(table: LanguageTable): RegExp {
  let found = LABELS.get(table);
  if (!found) {
    const colons = [table.labelColon, ...table.labelColonVariants].filter((c) => c !== '').map(escape);
    const labels = Object.keys(table.relationshipRoles)
      .sort((a, b) => b.length - a.length)
      .map((l) => escape(l).replace(/\s+/gu, '\\s+'));
    found = new RegExp(`^(${labels.join('|')})\\s*(?:${colons.join('|')})\\s*`, 'iu');
    LABELS.set(table, found);
  }
  return found;
}

function sameLabel(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return key(a) === key(b);
}

/**
 * The first line that looks like a Question heading or names a Question, when no table reads
 * a Question in the text: the "not a Questions text" error quotes it and says what is missing,
 * rather than claiming there is no `Question N/NN` at all.
 */
export function unreadQuestionLine(
  lines: readonly SourceLine[],
  texts: readonly string[],
  tables: readonly LanguageTable[],
): { where: string; message: string } | undefined {
  for (let i = 0; i < texts.length; i++) {
    const text = (texts[i] ?? '').trim();
    if (!mayBeHeading(lines[i])) continue;
    for (const table of tables) {
      const web = table.web;
      if (web === undefined) continue;
      const line = lines[i]?.where.line;
      const where = line === undefined ? '' : `${line}`;
      const quoted = `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`;
      const form = table.questionHeadingForm;
      const numbered = new RegExp(`^(?:[A-Z]{1,2}\\s+)?${web.questionHead}`, 'iu').test(text);
      if (numbered) {
        return { where, message: `${quoted} starts like a Question heading, but its title is not set off by a dash or a space (${form} – title)` };
      }
      if (web.questionLike.test(text)) {
        return { where, message: `${quoted} looks like a Question heading but has no number of the form ${form} (the study group after a slash)` };
      }
      const named = new RegExp(web.questionHead, 'iu').exec(text)?.[0];
      if (named) {
        return { where, message: `${quoted} names ${named}, but no line is its heading (${form} – title) nor a title above a continuation note` };
      }
    }
  }
  return undefined;
}
