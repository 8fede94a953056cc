import type { Inline, SectionRole } from '../../model/document.js';
import { relationshipRole, sectionRole, type LanguageTable } from '../../model/languages.js';
import { DASH, type WebLayout } from '../../model/languages/table.js';
import { dropTextPrefix, hintedListItem, type Token } from './classify.js';
import type { SourceLine } from './lines.js';

/**
 * The pieces of the web-layout classifier (./web.ts) that read one line of a Question's body:
 * section headings (numbered or not, ITU-D's), lead-ins, relationship labels, list items.
 */

type Kind = Token extends infer T ? (T extends Token ? Omit<T, 'line' | 'text'> : never) : never;

/** `kind` is always a fresh object literal: it takes the two fields itself (as in classifyLine). */
export function token(kind: Kind, line: SourceLine, text: string): Token {
  const made = kind as Token;
  made.line = line;
  made.text = text;
  return made;
}

/** A line of text only, derived from a source line (a piece of a line that held two things). */
function piece(line: SourceLine, value: string): SourceLine {
  return { content: [{ type: 'text', value }], where: line.where };
}

/** An en dash, em dash, figure dash, horizontal bar or minus: never part of a word, unlike a hyphen. */
const SET_DASH = '[\\u2012\\u2013\\u2014\\u2015\\u2212]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

interface Patterns {
  /** Each furniture phrase, sticky: tried at one position at a time (see `isFurnitureText`). */
  furniture: RegExp[];
  heading: RegExp;
  sectionNumber: RegExp;
}

const PATTERNS = new WeakMap<WebLayout, Patterns>();

export function patterns(web: WebLayout): Patterns {
  let found = PATTERNS.get(web);
  if (!found) {
    found = {
      furniture: web.furniture.map((phrase) => new RegExp(phrase, 'iuy')),
      // `A<TAB>Question 1/20 – Title`, `Question 12/12 – Title`, `Question 1/22–Title` (an en or em
      // dash may touch the title; a hyphen needs a space after it), `Question 9-3/2 Title`, `Question 7/20`.
      heading: new RegExp(
        `^\\s*(?:(?<letter>[A-Z]{1,2})\\s+)?${web.questionHead}(?:(?<dash>\\s*${DASH}(?=\\s)|\\s*${SET_DASH}(?=\\S)|\\s*:)\\s*|\\s+|$)(?<title>.*)$`,
        'iu',
      ),
      // `Motivation`, `A.1 Motivation`, `1 Motivation`, `1. Motivation`, `1) Motivation`.
      sectionNumber: /^\s*(?<number>(?:[A-Z]\.)?\d{1,2}(?:\.\d{1,2})*[.)]?)\s+(?<heading>\S.*)$/u,
    };
    PATTERNS.set(web, found);
  }
  return found;
}

// Between furniture phrases: `|`, breadcrumb marks, and dashes (`Top - Feedback - Contact Us`).
const SEPARATOR = /[\s|:>»·/\-–]/u;

function skipSeparators(text: string, from: number): number {
  let at = from;
  while (at < text.length && SEPARATOR.test(text.charAt(at))) at++;
  return at;
}

/**
 * Is the text made only of furniture phrases and separators? Found position by position (each
 * reached once), not by one regular expression of repeated alternatives: phrases that overlap
 * (`© ITU`, `© ITU All Rights Reserved`, `All Rights Reserved`) made that one backtrack
 * exponentially on a long line that fails at its end.
 */
export function isFurnitureText(text: string, web: WebLayout): boolean {
  const phrases = patterns(web).furniture;
  const reached = new Uint8Array(text.length + 1);
  const first = skipSeparators(text, 0);
  if (first === text.length) return false;
  reached[first] = 1;
  for (let at = first; at < text.length; at++) {
    if (reached[at] !== 1) continue;
    for (const phrase of phrases) {
      phrase.lastIndex = at;
      const match = phrase.exec(text);
      if (!match || match[0].length === 0) continue;
      const end = at + match[0].length;
      const next = skipSeparators(text, end);
      if (next === text.length) return true;
      if (next > end) reached[next] = 1;
    }
  }
  return false;
}

/**
 * The lines of a Question after its heading and note: sections start at headings, at lead-ins
 * and at the first relationship label; the text before the first is the motivation.
 */
export class BodyReader {
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
        out.push(
          token({ kind: 'sectionHeading', letter: '', number: '', heading: runTogether.heading, role: runTogether.role }, line, runTogether.heading),
        );
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
    // Sticky, from where the last label ended: a line of 100 000 labels is one pass, not a slice per label.
    one.lastIndex = 0;
    let end = 0;
    for (let match = one.exec(text); match && match[0].length > 0; match = one.exec(text)) {
      found.push(match[1] ?? '');
      end = one.lastIndex;
    }
    const rest = text.slice(end);
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

  /** A list item where the source marks one (Markdown, Word: the hint's level) or the text starts with a marker. */
  private listOrParagraph(line: SourceLine, text: string): Token {
    if (line.hint?.kind === 'listItem') return token(hintedListItem(line, text, this.table, line.hint.level), line, text);
    if (line.hint?.kind === 'paragraph' && line.hint.plain) return token({ kind: 'paragraph' }, line, text);
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
    const colons = [table.labelColon, ...table.labelColonVariants].filter((c) => c !== '').map(escapeRegExp);
    const labels = Object.keys(table.relationshipRoles)
      .sort((a, b) => b.length - a.length)
      .map((l) => escapeRegExp(l).replace(/\s+/gu, '\\s+'));
    found = new RegExp(`(${labels.join('|')})\\s*(?:${colons.join('|')})\\s*`, 'iuy');
    LABELS.set(table, found);
  }
  return found;
}

export function sameLabel(a: string, b: string): boolean {
  const key = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
  return key(a) === key(b);
}
