/**
 * Labels and headings across Questions: each role (the bodies' group, the motivation
 * section) is expected under one label in every Question. Labels are compared as the language
 * table looks them up (`labelKey`: case, spacing, dash and apostrophe kinds aside), so only a
 * different word is a finding: `标准化机构` in one Question where the others write `其它机构`.
 *
 * A label is reported when the Questions that write it are fewer than those that write the
 * usual one (at least two), and no Question writes both: two labels of one role side by side
 * in one Question (`Standardization bodies:` and `Other bodies:`) are two groups the document
 * keeps apart on purpose, not one group named two ways.
 */
import type { QuestionsDocument } from '../model/document.js';
import { labelKey } from '../model/languages.js';
import type { Finding, Form } from './finding.js';
import { quote } from './finding.js';
import { eachSection, formsFinding, formsOf, mostUsed, spotOf, type Use } from './forms.js';

/** A label as written, its role, and the Question it is in. */
interface Labelled {
  role: string;
  question: string;
  use: Use;
}

export function checkRelationshipLabels(doc: QuestionsDocument): Finding[] {
  const labelled: Labelled[] = eachSection(doc).flatMap(({ question, section }) =>
    section.blocks.flatMap((block) =>
      block.type === 'relationshipGroup' && block.role !== 'other'
        ? [{ role: block.role, question: question.number, use: { text: block.label.trim(), spot: spotOf(question, section) } }]
        : [],
    ),
  );
  return roleFindings(labelled, doc.metadata.source.fileName, 'relationships.label', 'relationship label');
}

export function checkSectionHeadings(doc: QuestionsDocument): Finding[] {
  const labelled: Labelled[] = eachSection(doc).flatMap(({ question, section }) =>
    section.role !== 'other' && section.heading.trim() !== ''
      ? [{ role: section.role, question: question.number, use: { text: section.heading.trim(), spot: spotOf(question, section) } }]
      : [],
  );
  return roleFindings(labelled, doc.metadata.source.fileName, 'section.heading', 'section heading');
}

function roleFindings(labelled: readonly Labelled[], file: string, code: 'relationships.label' | 'section.heading', what: string): Finding[] {
  const findings: Finding[] = [];
  for (const role of new Set(labelled.map((l) => l.role))) {
    const ofRole = labelled.filter((l) => l.role === role);
    const questionsOf = new Map<string, Set<string>>();
    for (const l of ofRole) {
      const key = labelKey(l.use.text);
      questionsOf.set(key, (questionsOf.get(key) ?? new Set()).add(l.question));
    }
    const [usualKey, usualQuestions] = [...questionsOf].reduce((best, entry) => (entry[1].size > best[1].size ? entry : best));
    if (usualQuestions.size < 2) continue;
    const usualForms = formsOf(ofRole.filter((l) => labelKey(l.use.text) === usualKey).map((l) => l.use));
    for (const [key, questions] of questionsOf) {
      if (key === usualKey || questions.size >= usualQuestions.size) continue;
      if ([...questions].some((q) => usualQuestions.has(q))) continue;
      const forms: Form[] = [...formsOf(ofRole.filter((l) => labelKey(l.use.text) === key).map((l) => l.use)), ...usualForms];
      const usual = mostUsed(usualForms).text;
      findings.push(
        formsFinding(
          code,
          file,
          forms,
          usual,
          (others, most) => `${what} ${others} where the other Questions write ${most}: write ${quote(usual, 60)}`,
        ),
      );
    }
  }
  return findings;
}
