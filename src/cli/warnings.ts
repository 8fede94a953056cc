/**
 * Warnings as the CLI prints them, one line each, and how many of an input's are shown: the
 * same for build, diff and watch.
 */
import { clip, MAX_LINE, oneLine, type Warning } from '../model/result.js';

/** Past this many, an input's warnings are a count: a broken input can carry thousands. */
export const MAX_WARNINGS_SHOWN = 20;

/**
 * `file:line: warning: message [code]`, on one line whatever the document holds: control
 * characters escaped, the message cut to a few hundred characters.
 */
export function formatWarning(w: Warning): string {
  const file = w.where.file ?? '';
  const at = w.where.line !== undefined ? `:${w.where.line}` : w.where.section ? ` (${w.where.section})` : '';
  return oneLine(`${file}${at}: warning: ${clip(w.message, MAX_LINE)} [${w.code}]`);
}

/** The line that stands for the warnings of `file` left out. */
export function moreWarningsLine(file: string, hidden: number): string {
  return oneLine(`${file}: warning: ${hidden} more warnings not shown (tsag check lists them all)`);
}

/** The warnings of one input as printed: the first MAX_WARNINGS_SHOWN, then a count of the rest. */
export function warningLines(file: string, warnings: readonly Warning[]): string[] {
  const lines = warnings.slice(0, MAX_WARNINGS_SHOWN).map(formatWarning);
  const hidden = warnings.length - lines.length;
  if (hidden > 0) lines.push(moreWarningsLine(file, hidden));
  return lines;
}
