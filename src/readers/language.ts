import { relationshipRole, sectionRole, type LanguageTable } from '../model/languages.js';
import { labelOf } from './assemble-blocks.js';
import { classifyLine, countQuestionHeadings, type Token } from './classify.js';
import type { SourceLine } from './lines.js';

/**
 * How many lines a language table recognises beyond the Question headings: known section
 * headings and relationship labels, list lead-ins, the work-programme sentence, a table
 * caption. `assemble()` picks the table that reads the most Question headings, and among
 * tables that read as many, the one with the most of this evidence: English and French both
 * write `Question 1/20 – …`, but only one of them knows `Tasks` and `Recommendations`, the
 * other `Tâches` and `Recommandations`.
 */
export function languageEvidence(lines: readonly SourceLine[], texts: readonly string[], table: LanguageTable): number {
  // Each line is classified and let go: keeping every finalist's tokens at once cost a copy of
  // the document per finalist.
  let evidence = 0;
  lines.forEach((line, i) => {
    if (recognised(classifyLine(line, table, texts[i]), table)) evidence++;
  });
  return evidence;
}

function recognised(token: Token, table: LanguageTable): boolean {
  switch (token.kind) {
    case 'sectionHeading':
      return sectionRole(table, token.heading) !== undefined;
    case 'caption':
      return table.tableCaption.test(token.text);
    case 'paragraph': {
      const label = labelOf(token.text, table);
      if (label !== undefined && relationshipRole(table, label) !== undefined) return true;
      const text = token.text.trim();
      return table.leadIns.some((re) => re.test(text)) || table.workProgramme.test(text);
    }
    default:
      return false;
  }
}

/**
 * The table whose Question heading the most lines match in the document form; on a tie
 * (English and French both write `Question 1/20`), the first with the most evidence of its
 * language. Undefined when none reads a Question heading. The text and DOCX readers' choice
 * (through `assemble()`) and the Markdown reader's, for Markdown without front matter.
 */
export function documentLanguage(
  lines: readonly SourceLine[],
  texts: readonly string[],
  candidates: readonly LanguageTable[],
): LanguageTable | undefined {
  const counts = candidates.map((table) => countQuestionHeadings(lines, texts, table));
  const most = counts.reduce((max, count) => Math.max(max, count), 0);
  const finalists = most === 0 ? [] : candidates.filter((_, i) => counts[i] === most);
  let best = finalists[0];
  if (finalists.length > 1) {
    let bestEvidence = -1;
    for (const table of finalists) {
      const evidence = languageEvidence(lines, texts, table);
      if (evidence > bestEvidence) [best, bestEvidence] = [table, evidence];
    }
  }
  return best;
}
