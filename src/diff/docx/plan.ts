/**
 * Redline lines of a whole document: the front matter, the Questions heading, then each
 * Question of either edition, in the order of src/diff/docx/pairing.ts. Questions pair as the
 * diff pairs them (by number, then by title: `pairQuestions`), sections by their keys.
 *
 * Letters, numbers and section numbers are numbering, which the diff does not compare; the
 * redline still marks them where they differ, so that rejecting every change gives the old
 * edition's headings back.
 */
import type { NumberedHeading, Question, QuestionsDocument, Section } from '../../model/document.js';
import { numbered, questionBookmarks } from '../../writers/docx/emit.js';
import { STYLE, headingStyle } from '../../writers/docx/styles.js';
import { sectionKeys, pairQuestions } from '../match.js';
import { append } from '../arrays.js';
import { pairByKey } from '../lcs.js';
import { questionPath, sectionPath } from '../questions.js';
import { pairedText, paragraphLine, sideOp, type EditionSide, type Line, type Plan } from './lines.js';
import { blockLines, blockLinesOf, stepLines } from './plan-blocks.js';
import { union } from './pairing.js';
import { whole } from './segments.js';

export function documentLines(plan: Plan, old: QuestionsDocument, neu: QuestionsDocument): Line[] {
  const bookmarks = questionBookmarks(neu.questions);
  const pairs = pairQuestions(old, neu).pairs;
  return [
    headingLine(plan, 1, old.frontMatter.heading, neu.frontMatter.heading),
    ...blockLines(plan, 'frontMatter', old.frontMatter.blocks, neu.frontMatter.blocks),
    headingLine(plan, 1, old.questionsHeading, neu.questionsHeading),
    ...union(old.questions.length, neu.questions.length, pairs).flatMap((step) =>
      stepLines(step, {
        pair: (a, b) => pairedQuestion(plan, old.questions[a] as Question, neu.questions[b] as Question, bookmarks[b]),
        added: (b) => questionLines(plan, neu.questions[b] as Question, 'new', bookmarks[b]),
        removed: (a) => questionLines(plan, old.questions[a] as Question, 'old'),
      }),
    ),
  ];
}

function headingLine(plan: Plan, level: 1 | 2 | 3, old: NumberedHeading, neu: NumberedHeading): Line {
  return paragraphLine(headingStyle(level), 'equal', pairedText(plan, undefined, text(old), text(neu)), false);
}

function text({ number, title }: NumberedHeading): string {
  return numbered(number, title);
}

/** `A\t第1/20号课题 – …`, as the writer writes a Question's heading in one edition. */
function questionHeading(plan: Plan, question: Question, side: EditionSide): string {
  return numbered(question.letter, plan.tables[side].formatQuestionHeading(question.number, question.title));
}

function continuationNote(plan: Plan, note: string, side: EditionSide): string {
  return plan.tables[side].formatContinuationNote(note);
}

/** A Question as one edition has it, all inserted or all deleted; a deleted heading has no bookmark. */
function questionLines(plan: Plan, question: Question, side: EditionSide, bookmark?: string): Line[] {
  const op = sideOp(side);
  const lines: Line[] = [paragraphLine(headingStyle(2), op, whole(op, questionHeading(plan, question, side), side), false, bookmark)];
  if (question.continuation !== undefined) {
    lines.push(paragraphLine(STYLE.questionHistory, op, whole(op, continuationNote(plan, question.continuation, side), side), false));
  }
  for (const section of question.sections) append(lines, sectionLines(plan, section, side));
  return lines;
}

function sectionLines(plan: Plan, section: Section, side: EditionSide): Line[] {
  const op = sideOp(side);
  const heading = numbered(section.number, section.heading);
  return [paragraphLine(headingStyle(3), op, whole(op, heading, side), false), ...blockLinesOf(plan, section.blocks, side)];
}

function pairedQuestion(plan: Plan, old: Question, neu: Question, bookmark: string | undefined): Line[] {
  const heading = pairedText(plan, undefined, questionHeading(plan, old, 'old'), questionHeading(plan, neu, 'new'));
  const lines: Line[] = [paragraphLine(headingStyle(2), 'equal', heading, false, bookmark)];
  if (old.continuation !== undefined && neu.continuation !== undefined) {
    const note = pairedText(plan, undefined, continuationNote(plan, old.continuation, 'old'), continuationNote(plan, neu.continuation, 'new'));
    lines.push(paragraphLine(STYLE.questionHistory, 'equal', note, false));
  } else if (old.continuation !== undefined) {
    lines.push(paragraphLine(STYLE.questionHistory, 'delete', whole('delete', continuationNote(plan, old.continuation, 'old'), 'old'), false));
  } else if (neu.continuation !== undefined) {
    lines.push(paragraphLine(STYLE.questionHistory, 'insert', whole('insert', continuationNote(plan, neu.continuation, 'new'), 'new'), false));
  }
  const path = questionPath(neu.number);
  const oldKeys = sectionKeys(old.sections, old.letter);
  const newKeys = sectionKeys(neu.sections, neu.letter);
  const pairs = pairByKey(oldKeys, newKeys, (key) => key).pairs;
  for (const step of union(old.sections.length, neu.sections.length, pairs)) {
    append(
      lines,
      stepLines(step, {
        pair: (a, b) => {
          const section = neu.sections[b] as Section;
          return pairedSection(plan, sectionPath(path, newKeys[b] ?? '', section), old.sections[a] as Section, section);
        },
        added: (b) => sectionLines(plan, neu.sections[b] as Section, 'new'),
        removed: (a) => sectionLines(plan, old.sections[a] as Section, 'old'),
      }),
    );
  }
  return lines;
}

function pairedSection(plan: Plan, path: string, old: Section, neu: Section): Line[] {
  const heading = pairedText(plan, undefined, numbered(old.number, old.heading), numbered(neu.number, neu.heading));
  return [paragraphLine(headingStyle(3), 'equal', heading, false), ...blockLines(plan, path, old.blocks, neu.blocks)];
}
