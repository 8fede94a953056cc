/**
 * Questions and their sections. A Question is identified by its number; one whose number
 * changed is found by its title and reported once as `renumbered`, then compared like any
 * other. Its letter and its sections' numbers are numbering, not content, and are not compared.
 */
import type { Question, QuestionsDocument, Section } from '../model/document.js';
import { compareBlocks } from './compare-blocks.js';
import { compareStrings, indexed, member, record, type DiffContext } from './context.js';
import { type Pairing, steps } from './lcs.js';
import { sectionKeys } from './match.js';

export function compareQuestions(context: DiffContext, old: QuestionsDocument, neu: QuestionsDocument, pairing: Pairing): void {
  for (const step of steps(old.questions.length, neu.questions.length, pairing)) {
    if (step.op === 'added') {
      const question = neu.questions[step.new] as Question;
      context.question = question.number;
      record(context, {
        kind: 'added',
        target: 'question',
        path: questionPath(question.number),
        new: question.title,
        node: { type: 'question', value: question },
      });
    } else if (step.op === 'removed') {
      const question = old.questions[step.old] as Question;
      context.question = question.number;
      record(context, {
        kind: 'removed',
        target: 'question',
        path: questionPath(question.number),
        old: question.title,
        at: step.at,
        node: { type: 'question', value: question },
      });
    } else compareQuestion(context, old.questions[step.old] as Question, neu.questions[step.new] as Question);
  }
  delete context.question;
}

export function questionPath(number: string): string {
  return indexed('', 'questions', number);
}

function compareQuestion(context: DiffContext, old: Question, neu: Question): void {
  context.question = neu.number;
  const path = questionPath(neu.number);
  if (old.number !== neu.number) {
    record(context, { kind: 'renumbered', target: 'question', path, from: questionPath(old.number), old: old.number, new: neu.number });
  }
  compareStrings(context, 'title', member(path, 'title'), old.title, neu.title);
  const continuation = member(path, 'continuation');
  if (old.continuation !== undefined && neu.continuation !== undefined) {
    compareStrings(context, 'continuation', continuation, old.continuation, neu.continuation);
  } else if (neu.continuation !== undefined) {
    record(context, { kind: 'added', target: 'continuation', path: continuation, new: neu.continuation });
  } else if (old.continuation !== undefined) {
    record(context, { kind: 'removed', target: 'continuation', path: continuation, old: old.continuation });
  }
  compareSections(context, path, old, neu);
}

function compareSections(context: DiffContext, questionPath: string, old: Question, neu: Question): void {
  const oldKeys = sectionKeys(old.sections, old.letter);
  const newKeys = sectionKeys(neu.sections, neu.letter);
  const byKey = new Map(oldKeys.map((key, index) => [key, index]));
  const pairs: [number, number][] = [];
  newKeys.forEach((key, b) => {
    const a = byKey.get(key);
    if (a !== undefined) pairs.push([a, b]);
  });
  for (const step of steps(old.sections.length, neu.sections.length, { pairs, moved: new Set() })) {
    if (step.op === 'added') {
      const section = neu.sections[step.new] as Section;
      context.section = newKeys[step.new] ?? '';
      const path = sectionPath(questionPath, context.section, section);
      record(context, { kind: 'added', target: 'section', path, new: sectionTitle(section), node: { type: 'section', value: section } });
    } else if (step.op === 'removed') {
      const section = old.sections[step.old] as Section;
      context.section = oldKeys[step.old] ?? '';
      const path = sectionPath(questionPath, context.section, section);
      record(context, {
        kind: 'removed',
        target: 'section',
        path,
        old: sectionTitle(section),
        at: step.at,
        node: { type: 'section', value: section },
      });
    } else {
      const section = neu.sections[step.new] as Section;
      context.section = newKeys[step.new] ?? '';
      const path = sectionPath(questionPath, context.section, section);
      const previous = old.sections[step.old] as Section;
      compareStrings(context, 'heading', member(path, 'heading'), previous.heading, section.heading);
      compareBlocks(context, path, previous.blocks, section.blocks);
    }
    delete context.section;
  }
}

/** `sections.tasks`, or `sections[A.5]` for a section known by its number. */
export function sectionPath(questionPath: string, key: string, section: Section): string {
  return key.startsWith('[') ? indexed(questionPath, 'sections', section.number) : member(member(questionPath, 'sections'), key);
}

function sectionTitle(section: Section): string {
  return `${section.number} ${section.heading}`.trim();
}
