import type { QuestionsDocument } from '../../src/model/document.js';

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
