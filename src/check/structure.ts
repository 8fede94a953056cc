/**
 * The numbering and the shape of the Questions: letters A, B, C, … (Z then AA, AB, …) and
 * numbers 1/20, 2/20, … of one study group, each without a gap; every Question with its four
 * sections (motivation, question, tasks, relationships) in that order, numbered
 * `<letter>.1` … `<letter>.4`; no empty section.
 */
import { hasFrontPart, type Question, type QuestionsDocument, type Section, type SectionRole } from '../model/document.js';
import type { LanguageTable } from '../model/languages.js';
import { missingSectionWarnings, roleName, SECTION_ORDER } from '../model/sections.js';
import { finding, ordinal, type Finding } from './finding.js';
import { append } from '../model/arrays.js';
import { assertNever } from '../model/never.js';

export { roleName, SECTION_ORDER };

/** `A` → `B`, `Z` → `AA`, `AZ` → `BA`: bijective base 26, as Word and spreadsheets letter. */
export function nextLetter(letter: string): string | undefined {
  if (!/^[A-Z]+$/u.test(letter)) return undefined;
  const chars = [...letter];
  let i = chars.length - 1;
  while (i >= 0 && chars[i] === 'Z') chars[i--] = 'A';
  if (i < 0) return `A${chars.join('')}`;
  chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
  return chars.join('');
}

/**
 * A text that starts at its first Question, with no front part (a Question's web page, an
 * excerpt): the conventions of a whole edition (Table 1, Questions lettered from A and numbered
 * from 1, sections numbered by letter, the work-programme link) are not asked of it.
 */
export function isExcerpt(doc: QuestionsDocument): boolean {
  return !hasFrontPart(doc);
}

export function checkSequence(doc: QuestionsDocument): Finding[] {
  const file = doc.metadata.source.fileName;
  const findings: Finding[] = [];
  const excerpt = isExcerpt(doc);
  let previous: Question | undefined;
  const first = doc.questions[0];
  for (const question of doc.questions) {
    const expectedLetter = excerpt ? undefined : previous ? nextLetter(previous.letter) : 'A';
    if (expectedLetter !== undefined && question.letter !== expectedLetter) {
      const after = previous ? ` after ${previous.letter}` : ' as the first Question';
      findings.push(finding('sequence.letter', file, question.number, `lettered ${question.letter}, expected ${expectedLetter}${after}`));
    }
    const number = parseNumber(question.number);
    if (first && question.studyGroup !== first.studyGroup) {
      const message = `Question ${question.number} is of study group ${question.studyGroup}, the first Question (${first.number}) of study group ${first.studyGroup}`;
      findings.push(finding('sequence.studyGroup', file, question.number, message));
    } else if (number) {
      const before = previous ? parseNumber(previous.number) : undefined;
      const expected = previous ? (before ? before.question + 1 : undefined) : excerpt ? undefined : 1;
      if (expected !== undefined && number.question !== expected) {
        const after = previous ? ` after ${previous.number}` : ' as the first Question';
        findings.push(
          finding('sequence.number', file, question.number, `numbered ${question.number}, expected ${expected}/${number.studyGroup}${after}`),
        );
      }
    }
    previous = question;
  }
  return findings;
}

function parseNumber(number: string): { question: number; studyGroup: number } | undefined {
  const match = /^(\d+)\/(\d+)$/u.exec(number);
  return match ? { question: Number(match[1]), studyGroup: Number(match[2]) } : undefined;
}

export function checkSections(doc: QuestionsDocument, table: LanguageTable | undefined): Finding[] {
  const numbered = !isExcerpt(doc);
  return doc.questions.flatMap((question) => checkQuestionSections(question, doc.metadata.source.fileName, table, numbered));
}

/** `numbered`: sections are numbered by the Question's letter (`A.1`), as in an edition. */
function checkQuestionSections(question: Question, file: string, table: LanguageTable | undefined, numbered: boolean): Finding[] {
  const findings: Finding[] = [];
  const name = (role: SectionRole) => roleName(role, table);
  const seen: SectionRole[] = [];
  for (const [index, section] of question.sections.entries()) {
    if (numbered) append(findings, checkSectionNumber(question, section, index, file));
    if (section.role === 'other') {
      findings.push(finding('structure.unknownSection', file, placeOf(question, section), `unknown section heading: ${section.heading}`));
    } else if (seen.includes(section.role)) {
      findings.push(finding('section.duplicate', file, placeOf(question, section), `a second ${name(section.role)} section`));
    } else {
      const rank = SECTION_ORDER.indexOf(section.role);
      const later = seen.find((role) => SECTION_ORDER.indexOf(role) > rank);
      if (later !== undefined) {
        const message = `${name(section.role)} section after the ${name(later)} section (expected ${SECTION_ORDER.map(name).join(', ')})`;
        findings.push(finding('section.order', file, placeOf(question, section), message));
      }
      seen.push(section.role);
    }
    if (isEmpty(section)) findings.push(finding('section.empty', file, placeOf(question, section), `${name(section.role)} section is empty`));
  }
  // The readers warn with the same rule (src/model/sections.ts).
  for (const missing of missingSectionWarnings(question, table, { file })) findings.push(missing);
  return findings;
}

function checkSectionNumber(question: Question, section: Section, index: number, file: string): Finding[] {
  const expected = `${question.letter}.${index + 1}`;
  if (section.number === expected) return [];
  const place = placeOf(question, section);
  const letter = /^(.+)\.\d+$/u.exec(section.number)?.[1];
  if (letter !== undefined && letter !== question.letter) {
    return [finding('structure.sectionLetter', file, place, `section ${section.number} in Question ${question.letter}`)];
  }
  const message = `section ${section.number || '(without number)'} is the ${ordinal(index + 1)} section of Question ${question.letter} (expected ${expected})`;
  return [finding('section.number', file, place, message)];
}

/** A section without number (text before the first heading) is placed at its Question. */
function placeOf(question: Question, section: Section): string {
  return section.number || question.number;
}

function isEmpty(section: Section): boolean {
  return section.blocks.every((block) => {
    switch (block.type) {
      case 'paragraph':
        return block.content.every((inline) => inline.type === 'text' && inline.value.trim() === '');
      case 'list':
        return block.items.length === 0;
      case 'relationshipGroup':
        return block.items.length === 0 && block.label.trim() === '';
      default:
        return assertNever(block);
    }
  });
}
