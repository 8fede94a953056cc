import type { LanguageTable } from '../../model/languages.js';
import type { SourceLine } from './lines.js';
import { mayBeHeading } from './web.js';

/**
 * The first line that looks like a Question heading or names a Question, when no table reads
 * a Question in the text: the "not a Questions text" error quotes it and says what is missing,
 * rather than claiming there is no `Question N/NN` at all.
 */
export function unreadQuestionLine(
  lines: readonly SourceLine[],
  texts: readonly string[],
  tables: readonly LanguageTable[],
): { where: string; message: string } | undefined {
  for (let i = 0; i < texts.length; i++) {
    const text = (texts[i] ?? '').trim();
    if (!mayBeHeading(lines[i])) continue;
    for (const table of tables) {
      const web = table.web;
      if (web === undefined) continue;
      const line = lines[i]?.where.line;
      const where = line === undefined ? '' : `${line}`;
      const quoted = `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`;
      const form = table.questionHeadingForm;
      const numbered = new RegExp(`^(?:[A-Z]{1,2}\\s+)?${web.questionHead}`, 'iu').test(text);
      if (numbered) {
        return { where, message: `${quoted} starts like a Question heading, but its title is not set off by a dash or a space (${form} – title)` };
      }
      if (web.questionLike.test(text)) {
        return { where, message: `${quoted} looks like a Question heading but has no number of the form ${form} (the study group after a slash)` };
      }
      const named = new RegExp(web.questionHead, 'iu').exec(text)?.[0];
      if (named) {
        return { where, message: `${quoted} names ${named}, but no line is its heading (${form} – title) nor a title above a continuation note` };
      }
    }
  }
  return undefined;
}
