/** Helpers of the tests of the checks across Questions. */
import { checkDocument } from '../../src/check/index.js';
import type { QuestionsDocument, RelationshipGroup } from '../../src/model/document.js';

/** A third Question, a copy of B lettered C, numbered 3/20 (with its row in Table 1). */
export function withThirdQuestion(doc: QuestionsDocument): QuestionsDocument {
  const copy = structuredClone(doc.questions[1]!);
  copy.letter = 'C';
  copy.number = '3/20';
  copy.workProgrammeUrl = 'https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=3/20';
  for (const section of copy.sections) section.number = section.number.replace(/^B/u, 'C');
  doc.questions.push(copy);
  const table = doc.frontMatter.blocks.find((block) => block.type === 'questionTable');
  if (table?.type === 'questionTable') table.rows.push({ ...table.rows[1]!, newNumber: '3/20', previousNumber: '2/20' });
  copy.title = table?.type === 'questionTable' ? table.rows[1]!.currentTitle : copy.title;
  return doc;
}

/** Question `q`'s bodies group (the consistent model's `其它机构`: ETSI, IETF). */
export function bodiesGroup(doc: QuestionsDocument, q: number): RelationshipGroup {
  const group = doc.questions[q]?.sections[3]?.blocks.find((block) => block.type === 'relationshipGroup' && block.role === 'bodies');
  if (group?.type !== 'relationshipGroup') throw new Error('no bodies group');
  return group;
}

/** The findings of `codes`, each as its code, place, forms (`text @ places`) and suggestion. */
export function findingsOf(doc: QuestionsDocument, codes: readonly string[]) {
  return checkDocument(doc)
    .filter((f) => codes.includes(f.code))
    .map((f) => ({
      code: f.code,
      at: f.where.section,
      forms: f.forms?.map((form) => `${form.text} @ ${form.places.map((p) => p.section).join(' ')}`),
      suggestion: f.suggestion,
    }));
}
