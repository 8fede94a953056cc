/**
 * tsag's own text and Markdown of the fixture editions, written in the forms other tools and web
 * pages write: the builders of ./rewrap-forms.test.ts. Forms and furniture come from the
 * language tables.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { QuestionsDocument } from '../../src/model/document.js';
import { languageTable, type LanguageTable } from '../../src/model/languages.js';
import { matchQuestionHeading } from '../../src/readers/assemble/classify.js';
import { readText } from '../../src/readers/text/index.js';
import { fromRoot } from '../helpers/paths.js';
import { wrapAt } from '../helpers/wrap.js';

/** The fixture editions and their languages. */
const EDITIONS = [
  ['008C', 'zh'],
  ['lang-en', 'en'],
  ['lang-fr', 'fr'],
  ['lang-es', 'es'],
  ['lang-ru', 'ru'],
  ['lang-ar', 'ar'],
] as const;

/**
 * Widths from 30 to 120, as the Markdown re-wrap property has had. Narrower is ambiguous, not a
 * bug: at 10 columns a paragraph wraps to more than five lines on average, and a text of such
 * blocks is no longer told from an extraction of one paragraph a line with a few blank lines
 * (./src/readers/text-layout.ts, BLOCK_SHARE): it is read line by line (the Arabic edition then
 * has no Question heading, the Chinese one a paragraph a wrapped line). From 15 columns the text
 * reads back with TAB separators; a space after a heading's number wants a line to hold more.
 */
export const WIDTH = fc.integer({ min: 30, max: 120 });
/** The dashes a document's Question heading may have before its title, spaced or not. */
export const DASHES = [' – ', ' - ', ' — ', '–', ' -\u00a0'];
/** After a heading's number or letter. */
const SEPARATORS = ['\t', ' ', '  ', '\u00a0'];

const DASH_AT_END = /\s*[-\u2010-\u2015\u2212]\s*$/u;
const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|]/u;

export interface Edition {
  table: LanguageTable;
  text: string[];
  markdown: string;
}

export const editions: Edition[] = EDITIONS.map(([dir, code]) => ({
  table: languageTable(code),
  text: readFileSync(fromRoot(`fixtures/${dir}/expected.txt`), 'utf8')
    .replace(/\n$/u, '')
    .split('\n'),
  markdown: readFileSync(fromRoot(`fixtures/${dir}/expected.md`), 'utf8'),
}));

/** The model without what says where it came from. */
export function content(doc: QuestionsDocument) {
  const { source: _source, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

/** A Question heading's text without its dash and title (`Question 1/20`), and the title. */
export function headingParts(text: string, table: LanguageTable): { letter: string; head: string; title: string } | undefined {
  const heading = matchQuestionHeading(text, table);
  if (!heading) return undefined;
  const rest = text.replace(/^\s*[A-Z]+\t+/u, '');
  const head = rest.slice(0, rest.lastIndexOf(heading.title)).replace(DASH_AT_END, '');
  return { letter: heading.letter, head, title: heading.title };
}

// ---------------------------------------------------------------------------------------------
// The text in the blank-line layout

export interface DocumentForm {
  width: number;
  separator: string;
  dash: string;
}

export const documentForm = fc.record({ width: WIDTH, separator: fc.constantFrom(...SEPARATORS), dash: fc.constantFrom(...DASHES) });

/** tsag's text as pandoc lays it out: a block a paragraph, wrapped; a table row a block of TAB cells. */
export function blankLineText(lines: readonly string[], table: LanguageTable, form: DocumentForm): string {
  const blocks: string[] = [];
  let row: string[] = [];
  const endRow = () => {
    if (row.length > 0) blocks.push(row.join('\n'));
    row = [];
  };
  for (const line of lines) {
    if (line.startsWith('\t')) {
      row.push(line);
      continue;
    }
    endRow();
    if (line === '') continue;
    const question = headingParts(line, table);
    const text = question
      ? `${question.letter}${form.separator}${question.head}${form.dash}${question.title}`
      : line.replace(/^([A-Z]+\.\d+|\d+)\t/u, `$1${form.separator}`);
    blocks.push(wrapAt(text, form.width).join('\n'));
  }
  endRow();
  return `${blocks.join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Each Question as a web page

/** Furniture lines of a table: its literal phrases, a language bar, breadcrumbs of its phrases. */
export function furnitureLines(table: LanguageTable): fc.Arbitrary<string> {
  const phrases = (table.web?.furniture ?? []).filter((phrase) => !REGEX_SYNTAX.test(phrase));
  const phrase = fc.constantFrom(...phrases);
  return fc.oneof(
    phrase,
    fc.array(phrase, { minLength: 2, maxLength: 4 }).map((bar) => bar.join(' | ')),
    fc
      .tuple(fc.array(phrase, { minLength: 2, maxLength: 3 }), fc.constantFrom(' : ', ' > ', ' » ', ' · ', ' / '))
      .map(([crumbs, separator]) => crumbs.join(separator)),
  );
}

/** The Questions of an edition's text, each its lines from its heading to the next (footnote texts left out). */
export function questionPages(edition: Edition): string[][] {
  const starts = edition.text.flatMap((line, i) => (headingParts(line, edition.table) ? [i] : []));
  return starts.map((start, k) =>
    edition.text.slice(start, starts[k + 1] ?? edition.text.length).filter((line) => line !== '' && !/^\[\d+\] /u.test(line)),
  );
}

export interface WebForm {
  letter: boolean;
  separator: string;
  dash: string;
  furniture: [number, string][];
}

export function webForm(table: LanguageTable, lines: number): fc.Arbitrary<WebForm> {
  return fc.record({
    letter: fc.boolean(),
    separator: fc.constantFrom(' ', '  '),
    // Any dash, or none; a hyphen only with a space after it (`Question 1/20-Title` is no web heading).
    dash: fc.constantFrom(...DASHES, ' '),
    furniture: fc.array(fc.tuple(fc.nat(lines), furnitureLines(table)), { maxLength: 6 }),
  });
}

/** A Question page with its heading in `form` and furniture lines inserted before the lines they name. */
export function webPage(page: readonly string[], table: LanguageTable, form: WebForm): string {
  const question = headingParts(page[0] ?? '', table);
  if (!question) throw new Error('a page starts with its Question heading');
  const heading = `${form.letter ? `${question.letter}${form.separator}` : ''}${question.head}${form.dash}${question.title}`;
  const out: string[] = [];
  [heading, ...page.slice(1), ''].forEach((line, index) => {
    for (const [before, furniture] of form.furniture) if (before === index) out.push(furniture);
    if (line !== '') out.push(line);
  });
  return `${out.join('\n')}\n`;
}

/** A page's model, the letter left out: a web page's heading may or may not give it. */
export function pageModel(text: string) {
  const doc = content(readText(Buffer.from(text), 'page.txt').value);
  return { ...doc, questions: doc.questions.map((question) => ({ ...question, letter: '' })) };
}

// ---------------------------------------------------------------------------------------------
// The Markdown

/** tsag's Markdown, its paragraphs and list items wrapped, its Question headings with `dash`. */
export function rewrappedMarkdown(md: string, table: LanguageTable, width: number, dash: string): string {
  let frontMatter = false;
  return md
    .split('\n')
    .map((line) => {
      if (line === '---') frontMatter = !frontMatter;
      const heading = /^(#+ )(.*)$/u.exec(line);
      const question = heading ? headingParts((heading[2] ?? '').replace(/^([A-Z]+) /u, '$1\t'), table) : undefined;
      if (heading && question) return `${heading[1]}${question.letter} ${question.head}${dash}${question.title}`;
      if (frontMatter || /^(#|\||---|\[\^|\s*$)/u.test(line)) return line;
      const marker = /^\s*(?:[-*]\s+)?/u.exec(line)?.[0] ?? '';
      const indent = ' '.repeat(marker.length);
      return wrapAt(line.slice(marker.length), width)
        .map((part, i) => (i === 0 ? marker : indent) + part)
        .join('\n');
    })
    .join('\n');
}
