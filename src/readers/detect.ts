import { relationshipRole, sectionRole, type LanguageTable } from '../model/languages.js';
import { labelOf } from './blocks.js';
import { classifyLine, type Token } from './classify.js';
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
