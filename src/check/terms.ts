/**
 * A term written in a form the language table knows as a variant of the document's own
 * (`本问题` where the text says `本课题`; `organisation` where it says `organization`): the
 * table's `termVariants`. Every text of the document is searched but the relationship labels
 * and section headings, which ./labels.ts compares. A form is reported where the document
 * writes it rarely: at most a fifth as often as the usual form of its group (`其他` 5 times
 * and `其它` 11 times is a text that uses both, not a slip), in one finding per place.
 */
import type { QuestionsDocument } from '../model/document.js';
import type { LanguageTable } from '../model/languages.js';
import { finding, quote, type Finding, type Form, type Spot } from './finding.js';
import { describeSpot, describeSpots, formsOf, type Use } from './forms.js';
import { documentTexts } from './texts.js';

/** How many times the usual form must be written, at least, for each time of a variant. */
const RATIO = 5;

export function checkTerms(doc: QuestionsDocument, table: LanguageTable | undefined): Finding[] {
  if (!table) return [];
  const file = doc.metadata.source.fileName;
  const spots = spotsBySection(doc);
  const texts = documentTexts(doc).filter((t) => t.what !== 'relationship label' && t.what !== 'section heading');
  const findings: Finding[] = [];
  for (const group of table.termVariants) {
    const uses: Use[] = [];
    const patterns = group.map((form) => ({ lower: form.toLowerCase(), pattern: termPattern(form) }));
    for (const placed of texts) {
      const lower = placed.text.toLowerCase();
      for (const { pattern } of patterns.filter((p) => lower.includes(p.lower))) {
        const spot = spots.get(placed.section ?? '') ?? { question: '', letter: '', section: placed.section ?? '' };
        for (const match of placed.text.matchAll(pattern)) uses.push({ text: match[0], spot });
      }
    }
    const forms = formsByTerm(uses, group);
    const usual = forms.reduce<Form | undefined>((best, form) => (best === undefined || form.count > best.count ? form : best), undefined);
    if (!usual) continue;
    for (const form of forms) {
      if (form === usual || form.count * RATIO > usual.count) continue;
      for (const place of form.places) findings.push(termFinding(file, form, place, usual));
    }
  }
  return findings;
}

/** The uses gathered by the form of the group they are (case aside: `Organisation` is `organisation`). */
function formsByTerm(uses: readonly Use[], group: readonly string[]): Form[] {
  return group.flatMap((term) => {
    const of = uses.filter((use) => use.text.toLowerCase() === term.toLowerCase());
    const forms = formsOf(of.map((use) => ({ ...use, text: term })));
    return forms;
  });
}

function termFinding(file: string, form: Form, place: Spot, usual: Form): Finding {
  const message =
    `term ${quote(form.text)} in ${describeSpot(place)}, where the document writes ${quote(usual.text)} ` +
    `${usual.count} times (${describeSpots(usual.places)}): write ${quote(usual.text)}`;
  const here: Form = { text: form.text, count: form.count, places: [place] };
  return { ...finding('term.variant', file, place.section || place.question, message), forms: [here, usual], suggestion: usual.text };
}

const SPACED = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** A form as a whole word at each edge that is a letter of a script that spaces its words. */
function termPattern(form: string): RegExp {
  const escaped = form.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  const start = SPACED.test(form.at(0) ?? '') ? '(?<![\\p{L}\\p{M}])' : '';
  const end = SPACED.test(form.at(-1) ?? '') ? '(?![\\p{L}\\p{M}])' : '';
  return new RegExp(`${start}${escaped}${end}`, 'giu');
}

/** Where each section number (and each Question number) of the document is. */
function spotsBySection(doc: QuestionsDocument): Map<string, Spot> {
  const spots = new Map<string, Spot>();
  for (const question of doc.questions) {
    spots.set(question.number, { question: question.number, letter: question.letter, section: '' });
    for (const section of question.sections) {
      if (section.number !== '') spots.set(section.number, { question: question.number, letter: question.letter, section: section.number });
    }
  }
  return spots;
}
