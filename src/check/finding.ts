import type { WarningCode } from '../model/codes.js';
import type { Place, Warning } from '../model/result.js';

/**
 * A consistency finding: a warning with a stable code and a place, the same shape as a
 * reader's warnings, so that both are reported together. Whether a finding is a warning or
 * an error is the command's choice (`tsag check --strict`), not the finding's.
 *
 * `where.section` names the place in the document: a section (`A.2`), a Question (`1/20`),
 * a row of Table 1 (`table row 4/20`) or a footnote (`footnote 1`).
 */
export interface Finding extends Warning {
  /**
   * The forms a consistency finding compares (one body written two ways, two labels for one
   * role), each with how often and where it stands; the first is the one `where` points to.
   */
  forms?: Form[];
  /** The text to write instead: the form the document uses most often. */
  suggestion?: string;
}

/** One way a text is written, and every place it stands. */
export interface Form {
  text: string;
  /** How many times it is written (a place may hold it more than once). */
  count: number;
  places: Spot[];
}

/** A place as the document numbers it: Question `6/20`, lettered `F`, section `F.4`. */
export interface Spot {
  question: string;
  letter: string;
  section: string;
}

export type Severity = 'warning' | 'error';

export function finding(code: WarningCode, file: string, section: string | undefined, message: string): Finding {
  const where: Place = { file, ...(section !== undefined ? { section } : {}) };
  return { code, where, message };
}

/** `table row 4/20`: where a finding about a row of Table 1 is. */
export function tableRowPlace(number: string): string {
  return `table row ${number}`;
}

/** A text quoted in a message: whitespace collapsed, cut at `max` characters. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max)}…` : flat}"`;
}

/** `1st`, `2nd`, `3rd`, `4th`, … */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
