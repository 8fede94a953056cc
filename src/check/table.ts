/**
 * Table 1 against the Question headings. The table and the headings state the same facts
 * twice: which Questions there are, their titles, and what each continues (the status column
 * and the note under the heading). The two are phrased differently in the source
 * (`新的研究项目及部分第1/20和4/20号课题的继续` in the table, `部分第1/20号课题及部分第4/20号课题
 * 的继续并增加了新的研究项目` under the heading), so a status is compared by what it states: the
 * set of Question numbers it names and whether it brings new work (`table.status` when they
 * disagree). A status that states the same facts in other words than its note is reported
 * apart, as `table.statusWording`: the texts are meant to be the same.
 */
import type { Question, QuestionsDocument, QuestionTable, QuestionTableRow } from '../model/document.js';
import type { LanguageTable } from '../model/languages.js';
import { finding, quote, tableRowPlace, type Finding } from './finding.js';
import { append } from '../model/arrays.js';
import { isExcerpt } from './structure.js';

/** A Question number as codes write it in every language (`1/20`). */
const QUESTION_NUMBER = /(?<![\d/])\d{1,3}\/\d{1,3}(?![\d/])/gu;

export function checkTable(doc: QuestionsDocument, table: LanguageTable | undefined): Finding[] {
  const file = doc.metadata.source.fileName;
  const questionTable = doc.frontMatter.blocks.find((block): block is QuestionTable => block.type === 'questionTable');
  if (!questionTable) {
    if (doc.questions.length === 0 || isExcerpt(doc)) return [];
    return [finding('table.missing', file, undefined, 'no table of the Questions (Table 1) in the front matter')];
  }
  const findings: Finding[] = [];
  const questions = new Map(doc.questions.map((question) => [question.number, question]));
  const rowNumbers = new Set<string>();
  for (const row of questionTable.rows) {
    const place = tableRowPlace(row.newNumber);
    if (rowNumbers.has(row.newNumber)) {
      findings.push(finding('table.duplicateRow', file, place, `a second row for ${row.newNumber}`));
      continue;
    }
    rowNumbers.add(row.newNumber);
    append(findings, checkPrevious(row, file));
    const question = questions.get(row.newNumber);
    if (!question) {
      findings.push(finding('table.rowWithoutQuestion', file, place, `no Question ${row.newNumber} in the text`));
      continue;
    }
    if (normal(row.currentTitle) !== normal(question.title)) {
      const message = `title ${quote(row.currentTitle)} differs from the heading of Question ${question.number}: ${quote(question.title)}`;
      findings.push(finding('table.title', file, place, message));
    }
    append(findings, checkStatus(row, question, table, file));
  }
  for (const question of doc.questions) {
    if (!rowNumbers.has(question.number)) {
      findings.push(
        finding('table.questionWithoutRow', file, question.number, `Question ${question.letter} ${question.number} has no row in Table 1`),
      );
    }
  }
  return findings;
}

/** What a status or a continuation note states: the Questions it names, and whether it brings new work. */
export interface StatusFacts {
  numbers: string[];
  newWork: boolean;
}

export function statusFacts(text: string, table: LanguageTable | undefined): StatusFacts {
  const numbers = [...new Set(text.match(QUESTION_NUMBER) ?? [])].sort(byNumber);
  return { numbers, newWork: table ? table.newWork.test(text) : false };
}

function checkStatus(row: QuestionTableRow, question: Question, table: LanguageTable | undefined, file: string): Finding[] {
  const place = tableRowPlace(row.newNumber);
  if (question.continuation === undefined) {
    if (row.status.trim() === '') return [];
    return [finding('table.status', file, place, `status ${quote(row.status)}, but Question ${question.number} has no note of what it continues`)];
  }
  if (row.status === question.continuation) return [];
  const inTable = statusFacts(row.status, table);
  const inNote = statusFacts(question.continuation, table);
  if (sameFacts(inTable, inNote)) {
    // Same facts, other words: in a source where every other status repeats its note word for
    // word, this is the one a maintainer aligns before circulating the text.
    const message =
      `status ${quote(row.status)} states what the note under Question ${question.number} ` +
      `${quote(question.continuation)} states (${describeFacts(inNote)}), in other words`;
    return [finding('table.statusWording', file, place, message)];
  }
  const message =
    `status ${quote(row.status)} names ${describeFacts(inTable)}; ` +
    `the note under Question ${question.number} ${quote(question.continuation)} names ${describeFacts(inNote)}`;
  return [finding('table.status', file, place, message)];
}

/** The previous number of a row is one of the Questions its status says it continues. */
function checkPrevious(row: QuestionTableRow, file: string): Finding[] {
  const named = new Set(row.status.match(QUESTION_NUMBER) ?? []);
  return (row.previousNumber.match(QUESTION_NUMBER) ?? [])
    .filter((number) => !named.has(number))
    .map((number) =>
      finding(
        'table.previousNumber',
        file,
        tableRowPlace(row.newNumber),
        `previous number ${number} is not named in the status ${quote(row.status)}`,
      ),
    );
}

function sameFacts(a: StatusFacts, b: StatusFacts): boolean {
  return a.newWork === b.newWork && a.numbers.join(' ') === b.numbers.join(' ');
}

function describeFacts(facts: StatusFacts): string {
  const questions = facts.numbers.length > 0 ? `Questions ${facts.numbers.join(', ')}` : 'no Question';
  return `${questions} ${facts.newWork ? 'and new work' : 'and no new work'}`;
}

function byNumber(a: string, b: string): number {
  const [qa = 0, sa = 0] = a.split('/').map(Number);
  const [qb = 0, sb = 0] = b.split('/').map(Number);
  return sa - sb || qa - qb;
}

/** Whitespace is layout, not wording. */
function normal(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
