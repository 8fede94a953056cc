import { SCHEMA_VERSION, type NumberedHeading, type Part, type Question, type QuestionsDocument, type Section } from '../../model/document.js';
import { plainText } from '../../model/inline.js';
import { LANGUAGES, questionHeadingHints, sectionRole, type LanguageTable } from '../../model/languages.js';
import { InputError, warning, type Read, type Warning } from '../../model/result.js';
import { missingSectionWarnings } from '../../model/sections.js';
import { questionWorkProgrammeUrl } from '../../model/work-programme.js';
import { frontBlocks, ownValue, relationshipBlocks, sectionBlocks, warnAt, type AssemblyContext } from './blocks.js';
import { classifyLine, type Token } from './classify.js';
import { documentLanguage, languageEvidence } from './language.js';
import { classifyWeb } from './web.js';
import { unreadQuestionLine } from './web-errors.js';
import { renumberFootnotes } from './footnotes.js';
import type { SourceLines } from './lines.js';
import { append } from '../../model/arrays.js';

/**
 * The format-independent model builder: source lines (from the text reader, the DOCX reader)
 * → the Questions document without its metadata. It decides from the text where the format
 * gives no hint, and follows the hints where it does.
 *
 * The document: an introduction (`1<TAB>引言`: paragraphs and the table of Questions), the
 * heading of the Questions part (`2<TAB>课题的措辞`), then Questions (`A<TAB>第1/20号课题 – …`),
 * each with an optional continuation note and numbered sections (`A.1<TAB>目的`). Every word
 * that is recognised comes from the language table; letters, numbers and codes are read as
 * they come (no fixed letters, count of Questions, study group or language).
 *
 * Never drops content: a line that has no place in the model is put in the nearest place that
 * can hold it, with a `structure.*` warning (text before the first heading or between the
 * Questions heading and the first Question → front matter; text before a Question's first
 * section → a section without heading; a table or heading out of place → a paragraph).
 * Warns: `structure.*` (unknown section heading or relationship label, section letter that is
 * not the Question's, list level without parent, table not of 5 columns, …) and `footnote.*`
 * (unreferenced notes are left out, references to missing notes removed).
 * Not handled yet: footnote references inside headings, labels, relationship items and table
 * cells (those are plain strings in the model: the reference is lost, with a warning).
 * Throws `InputError` only when the text has no Question heading, or the forced language is
 * unknown.
 */

export interface AssembleOptions {
  file: string;
  /** Force a language table (`zh`) instead of detecting it. */
  language?: string;
  /** What one source line is, for messages: a text line (default) or a Word paragraph. */
  unit?: 'line' | 'paragraph';
}

export type AssembledDocument = Omit<QuestionsDocument, 'metadata'> & { language: string };

const NO_HEADING: NumberedHeading = { number: '', title: '' };

export function assemble(input: SourceLines, options: AssembleOptions): Read<AssembledDocument> {
  const { file } = options;
  const { table, tokens, warnings: chosen } = chooseLanguage(input, options);
  const context: AssemblyContext = { file, table };
  const warnings: Warning[] = [...chosen, ...headingWarnings(tokens, context)];
  const first = tokens.findIndex((token) => token.kind === 'questionHeading');
  const front = frontPart(tokens.slice(0, first), context);
  append(warnings, front.warnings);
  const questions: Question[] = [];
  for (const range of questionRanges(tokens, first)) {
    const read = readQuestion(range, context);
    questions.push(read.value);
    append(warnings, read.warnings);
  }
  const numbered = renumberFootnotes({ frontMatter: front.frontMatter, questions }, input.footnotes, file);
  append(warnings, numbered.warnings);
  return {
    value: {
      schemaVersion: SCHEMA_VERSION,
      language: table.code,
      frontMatter: numbered.value.frontMatter,
      questionsHeading: front.questionsHeading,
      questions: numbered.value.questions,
      footnotes: numbered.value.footnotes,
    },
    warnings,
  };
}

/**
 * The table whose Question heading matches the most lines, and on a tie (English and French
 * both write `Question 1/20`) the one that recognises the most other lines; none at all → not
 * a Questions text.
 */
function chooseLanguage(input: SourceLines, options: AssembleOptions): { table: LanguageTable; tokens: Token[]; warnings: Warning[] } {
  const forced = options.language;
  const forcedTable = forced === undefined ? undefined : ownValue(LANGUAGES, forced);
  if (forced !== undefined && !forcedTable) {
    throw new InputError(options.file, '', `unknown language "${forced}": known are ${Object.keys(LANGUAGES).join(', ')}`, 'input.language');
  }
  const candidates = forcedTable ? [forcedTable] : Object.values(LANGUAGES);
  const texts = input.lines.map((line) => plainText(line.content));
  const best = documentLanguage(input.lines, texts, candidates);
  if (!best) {
    // No heading of the document form: a Question copied from a web page, perhaps.
    const web = readWebLayouts(input.lines, texts, candidates, options.file);
    if (web) return web;
    const hint = forcedTable ? forcedTable.questionHeadingHint : questionHeadingHints();
    const count = input.lines.length;
    const unit = options.unit ?? 'line';
    const found = count === 0 ? 'found no text' : `found 0 Question headings in ${count} ${unit}${count === 1 ? '' : 's'}`;
    const unread = unreadQuestionLine(input.lines, texts, candidates);
    if (unread) throw new InputError(options.file, unread.where, `not a Questions text: ${unread.message} (${found})`, 'input.notQuestions');
    throw new InputError(options.file, '', `not a Questions text: ${hint} (${found})`, 'input.notQuestions');
  }
  const table = best;
  return { table, tokens: input.lines.map((line, j) => classifyLine(line, table, texts[j])), warnings: [] };
}

/**
 * The web layout of the table that reads a Question in the text; among several (English and
 * French both write `Question 1/20`), the one with the most evidence of its language.
 */
function readWebLayouts(
  lines: SourceLines['lines'],
  texts: readonly string[],
  candidates: readonly LanguageTable[],
  file: string,
): { table: LanguageTable; tokens: Token[]; warnings: Warning[] } | undefined {
  let best: { table: LanguageTable; tokens: Token[]; warnings: Warning[] } | undefined;
  let bestEvidence = -1;
  for (const table of candidates) {
    const read = classifyWeb(lines, texts, table, file);
    if (!read) continue;
    const evidence = languageEvidence(lines, texts, table) + read.tokens.filter((t) => t.kind === 'sectionHeading' && t.heading !== '').length;
    if (evidence > bestEvidence) [best, bestEvidence] = [{ table, ...read }, evidence];
  }
  return best;
}

/** Headings the source marks as such but that match no known form, and notes lost in headings. */
function headingWarnings(tokens: readonly Token[], context: AssemblyContext): Warning[] {
  const warnings: Warning[] = [];
  for (const token of tokens) {
    if (token.kind === 'paragraph' && token.line.hint?.kind === 'heading') {
      warnings.push(warnAt('structure.unknownHeading', token, context, `heading of no known form, kept as a paragraph: ${token.text}`));
    }
    const isHeading = token.kind === 'documentHeading' || token.kind === 'questionHeading' || token.kind === 'sectionHeading';
    if (isHeading && token.line.content.some((inline) => inline.type === 'footnoteReference')) {
      warnings.push(warnAt('structure.footnoteDropped', token, context, `footnote reference lost in a heading: ${token.text}`));
    }
  }
  return warnings;
}

interface FrontRead {
  frontMatter: Part;
  questionsHeading: NumberedHeading;
  warnings: Warning[];
}

/**
 * The lines before the first Question. The first document heading opens the introduction,
 * the last one (the one right before the Questions) is the heading of the Questions part.
 * A lone heading is the introduction's if text follows it, else the Questions part's. Missing
 * headings are warned of only where there is a front part (some line before the first Question).
 */
function frontPart(tokens: readonly Token[], context: AssemblyContext): FrontRead {
  const headings = tokens.flatMap((token, index) => (token.kind === 'documentHeading' ? [index] : []));
  const lone = headings.length === 1 ? headings[0] : undefined;
  const intro = headings.length >= 2 || (lone !== undefined && lone < tokens.length - 1) ? headings[0] : undefined;
  const last = headings.length >= 2 || (lone !== undefined && intro === undefined) ? headings[headings.length - 1] : undefined;
  const warnings: Warning[] = [];
  const place = { file: context.file };
  // A text that starts at its first Question (a Question's web page, an excerpt) has no front part to head.
  if (tokens.length > 0) {
    if (intro === undefined) warnings.push(warning('structure.missingHeading', place, 'no heading before the introduction'));
    if (last === undefined) warnings.push(warning('structure.missingHeading', place, 'no heading before the Questions'));
  }

  const firstHeading = intro ?? last ?? tokens.length;
  const before = tokens.slice(0, firstHeading);
  const middle = intro === undefined ? [] : tokens.slice(intro + 1, last ?? tokens.length);
  const after = last === undefined ? [] : tokens.slice(last + 1);
  const [beforeFirst] = before;
  if (beforeFirst) {
    const message = `${before.length} line(s) before the first heading, kept in the front matter`;
    warnings.push(warnAt('structure.beforeFirstHeading', beforeFirst, context, message));
  }
  const [afterFirst] = after;
  if (afterFirst) {
    const message = `${after.length} line(s) between the Questions heading and the first Question, kept in the front matter`;
    warnings.push(warnAt('structure.unplaced', afterFirst, context, message));
  }
  const blocks = [before, middle, after].flatMap((part) => {
    const read = frontBlocks(part, context);
    append(warnings, read.warnings);
    return read.blocks;
  });
  return {
    frontMatter: { heading: headingAt(tokens, intro), blocks },
    questionsHeading: headingAt(tokens, last),
    warnings,
  };
}

function headingAt(tokens: readonly Token[], index: number | undefined): NumberedHeading {
  const token = index === undefined ? undefined : tokens[index];
  return token?.kind === 'documentHeading' ? { number: token.heading.number, title: token.heading.title } : { ...NO_HEADING };
}

/** Each Question runs from its heading to the next Question heading. */
function questionRanges(tokens: readonly Token[], first: number): Token[][] {
  const ranges: Token[][] = [];
  for (let i = first; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.kind === 'questionHeading' || ranges.length === 0) ranges.push([token]);
    else ranges[ranges.length - 1]?.push(token);
  }
  return ranges;
}

function readQuestion(tokens: readonly Token[], context: AssemblyContext): Read<Question> {
  const head = tokens[0] as Token & { kind: 'questionHeading' };
  const questionContext: AssemblyContext = { ...context, section: head.number };
  const warnings: Warning[] = [];
  const note = continuationOf(tokens[1], context.table);
  const body = tokens.slice(note === undefined ? 1 : 2);

  const sections: Section[] = [];
  const firstSection = body.findIndex((token) => token.kind === 'sectionHeading');
  const loose = firstSection < 0 ? body : body.slice(0, firstSection);
  const [looseFirst] = loose;
  if (looseFirst) {
    const message = `${loose.length} line(s) before the first section, kept in a section without heading`;
    warnings.push(warnAt('structure.unplaced', looseFirst, questionContext, message));
    const read = readSection({ number: '', heading: '', role: 'other' }, loose, questionContext);
    sections.push(read.value);
    append(warnings, read.warnings);
  }
  for (const range of sectionRanges(body, firstSection)) {
    const heading = range[0] as Token & { kind: 'sectionHeading' };
    const sectionContext: AssemblyContext = { ...context, section: heading.number };
    const role = heading.role ?? sectionRole(context.table, heading.heading);
    if (!role) warnings.push(warnAt('structure.unknownSection', heading, sectionContext, `unknown section heading: ${heading.heading}`));
    if (heading.letter !== head.letter) {
      warnings.push(warnAt('structure.sectionLetter', heading, sectionContext, `section ${heading.number} in Question ${head.letter}`));
    }
    const sectionHead = { number: heading.number, heading: heading.heading, role: role ?? 'other' } as const;
    const read = readSection(sectionHead, range.slice(1), sectionContext);
    sections.push(read.value);
    append(warnings, read.warnings);
  }

  // The paragraph that holds the URL stays as written: the URL is derived, not moved.
  const url = questionWorkProgrammeUrl(sections, context.table);
  const question: Question = {
    letter: head.letter,
    number: head.number,
    studyGroup: head.studyGroup,
    title: head.title,
    ...(note !== undefined ? { continuation: note } : {}),
    sections,
    ...(url !== undefined ? { workProgrammeUrl: url } : {}),
  };
  const place = { ...head.line.where, file: context.file };
  append(warnings, missingSectionWarnings(question, context.table, place));
  return { value: question, warnings };
}

/** The note right under a Question heading, as the table writes it (`（…的继续）`). */
function continuationOf(token: Token | undefined, table: LanguageTable): string | undefined {
  if (token?.kind !== 'paragraph' || token.line.hint?.kind === 'heading') return undefined;
  return table.continuationNote.exec(token.text.trim())?.groups?.['note'];
}

function sectionRanges(tokens: readonly Token[], first: number): Token[][] {
  if (first < 0) return [];
  const ranges: Token[][] = [];
  for (const token of tokens.slice(first)) {
    if (token.kind === 'sectionHeading') ranges.push([token]);
    else ranges[ranges.length - 1]?.push(token);
  }
  return ranges;
}

function readSection(head: Omit<Section, 'blocks'>, tokens: readonly Token[], context: AssemblyContext): Read<Section> {
  const read = head.role === 'relationships' ? relationshipBlocks(tokens, context) : sectionBlocks(tokens, context);
  return { value: { ...head, blocks: read.blocks }, warnings: read.warnings };
}
