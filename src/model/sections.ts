import type { Question, SectionRole } from './document.js';
import type { LanguageTable } from './languages.js';
import { warning, type Warning } from './result.js';

/**
 * The rule that every Question has its four sections, in one place: the readers warn with it
 * as they build the model (a text cut off mid-Question is then seen at once), and `tsag check`
 * reports it; the check gives the reader's warning rather than a second copy (same code, same
 * Question: src/check/index.ts, withReaderWarnings).
 */

/** The sections every Question has, in order. */
export const SECTION_ORDER: readonly SectionRole[] = ['motivation', 'question', 'tasks', 'relationships'];

export const MISSING_SECTION = 'section.missing';

/** The roles of SECTION_ORDER that no section of the Question has, in that order. */
export function missingSectionRoles(question: Pick<Question, 'sections'>): SectionRole[] {
  const present = new Set(question.sections.map((section) => section.role));
  return SECTION_ORDER.filter((role) => !present.has(role));
}

/** `tasks (任务)`: the role, and the heading the language writes for it. */
export function roleName(role: SectionRole, table: LanguageTable | undefined): string {
  const heading = table ? Object.keys(table.sectionRoles).find((key) => table.sectionRoles[key] === role) : undefined;
  return heading ? `${role} (${heading})` : role;
}

/** One `section.missing` warning per missing section, placed at the Question (and its heading's line when known). */
export function missingSectionWarnings(
  question: Pick<Question, 'number' | 'sections'>,
  table: LanguageTable | undefined,
  place: { file: string; line?: number },
): Warning[] {
  return missingSectionRoles(question).map((role) =>
    warning(MISSING_SECTION, { ...place, section: question.number }, `Question ${question.number} has no ${roleName(role, table)} section`),
  );
}
