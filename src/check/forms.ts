/**
 * The pieces every cross-Question comparison shares: a text written in one place (a `Use`),
 * the uses of one thing gathered by the way each is written (`Form`), the form to suggest (the
 * most used), and places written as the document numbers them (`Question 6/20 (F), F.4`).
 */
import { questionShortName, type Question, type QuestionsDocument, type Section } from '../model/document.js';
import { finding, quote, type Finding, type Form, type Spot } from './finding.js';
import type { WarningCode } from '../model/codes.js';

/** One text as written at one place. */
export interface Use {
  text: string;
  spot: Spot;
}

export function spotOf(question: Question, section?: Section): Spot {
  return { question: question.number, letter: question.letter, section: section?.number ?? '' };
}

/** `Question 6/20 (F), F.4`; without the letter or the section when the document gives none. */
export function describeSpot(spot: Spot): string {
  const section = spot.section !== '' && spot.section !== spot.question ? `, ${spot.section}` : '';
  return spot.question !== '' ? `${questionShortName({ number: spot.question, letter: spot.letter })}${section}` : spot.section;
}

/** At most `max` places, then how many more. */
export function describeSpots(spots: readonly Spot[], max = 4): string {
  const shown = spots.slice(0, max).map(describeSpot).join('; ');
  return spots.length > max ? `${shown} and ${spots.length - max} more` : shown;
}

/**
 * The uses grouped by their written text, in order of first use; each form's places without
 * repeats (one section may hold a form twice).
 */
export function formsOf(uses: readonly Use[]): Form[] {
  const forms = new Map<string, Form>();
  for (const use of uses) {
    const form = forms.get(use.text) ?? { text: use.text, count: 0, places: [] };
    form.count++;
    if (!form.places.some((spot) => sameSpot(spot, use.spot))) form.places.push(use.spot);
    forms.set(use.text, form);
  }
  return [...forms.values()];
}

/** The places, each once, in order. */
export function uniqueSpots(spots: readonly Spot[]): Spot[] {
  return spots.filter((spot, i) => spots.findIndex((other) => sameSpot(other, spot)) === i);
}

function sameSpot(a: Spot, b: Spot): boolean {
  return a.question === b.question && a.section === b.section;
}

/**
 * The form used most often. Of two used as often, the one whose spaces and punctuation the
 * document uses more (`context`: the other texts compared): `（OGC）` in a text of full-width
 * parentheses, `Smart M2M` in one of spaced words; letters decide nothing (prose would make
 * `etsi` win over `ETSI`); then the one written first.
 */
export function mostUsed(forms: readonly Form[], context: readonly string[] = []): Form {
  const top = Math.max(...forms.map((form) => form.count));
  const tied = forms.filter((form) => form.count === top);
  if (tied.length === 1 || context.length === 0) return tied[0] as Form;
  const marks = (text: string) => [...text].filter((char) => !/[\p{L}\p{N}]/u.test(char));
  const frequency = new Map<string, number>();
  for (const text of context) for (const char of marks(text)) frequency.set(char, (frequency.get(char) ?? 0) + 1);
  const usual = (form: Form) => marks(form.text).reduce((sum, char) => sum + (frequency.get(char) ?? 0), 0) / Math.max(1, [...form.text].length);
  return tied.reduce((best, form) => (usual(form) > usual(best) ? form : best));
}

/**
 * A finding about forms that should be one: placed at the first place of the first form that
 * is not the suggestion, the suggestion's form last.
 */
export function formsFinding(
  code: WarningCode,
  file: string,
  forms: readonly Form[],
  suggestion: string,
  describe: (others: string, usual: string) => string,
): Finding {
  const usual = forms.filter((form) => form.text === suggestion);
  const others = forms.filter((form) => form.text !== suggestion);
  const ordered = [...others, ...usual];
  const where = others[0]?.places[0];
  const list = (group: readonly Form[]) => group.map((form) => `${quote(form.text, 60)} (${describeSpots(form.places)})`).join(', ');
  const message = describe(list(others), list(usual));
  return { ...finding(code, file, where?.section || where?.question, message), forms: ordered, suggestion };
}

/** Every Question's sections, with the Question. */
export function eachSection(doc: QuestionsDocument): { question: Question; section: Section }[] {
  return doc.questions.flatMap((question) => question.sections.map((section) => ({ question, section })));
}
