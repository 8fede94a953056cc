import type { ErrorCode, WarningCode } from './codes.js';
import { escapeControls } from './printable.js';

/** What every reader returns: the value and the warnings met on the way (mammoth's Result). */
export interface Read<T> {
  value: T;
  warnings: Warning[];
}

/** Where a warning or error applies. Any field may be missing when it is not known. */
export interface Place {
  file?: string;
  /** 1-based line in a text source. */
  line?: number;
  /** Section or Question number (`A.2`, `1/20`) or a package part name (`word/document.xml`). */
  section?: string;
}

/**
 * A warning is data with a stable code and a place, so tests assert on codes, not prose.
 * Codes are dotted (`docx.trackedChanges`, `structure.unknownLabel`) and listed in ./codes.ts.
 */
export interface Warning {
  code: WarningCode;
  where: Place;
  message: string;
}

/**
 * An error a user can act on: bad input, not a bug. The CLI prints `file[:where]: message`
 * on one line and exits 2; anything else that is thrown is a bug.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly file: string,
    readonly where: string,
    message: string,
    /** What the error is about (./codes.ts), for programs and tests. */
    readonly code: ErrorCode,
  ) {
    super(message);
  }

  /** The one line the CLI prints: line breaks and other control characters are escaped. */
  describe(): string {
    return clip(oneLine(`${this.file}${this.where ? `:${this.where}` : ''}: ${this.message}`), MAX_LINE);
  }
}

/** The longest line printed for one message: a warning may quote a 6 MB attribute. */
export const MAX_LINE = 400;

/** One line, safe to print: control characters escaped (./printable.ts). */
export const oneLine = escapeControls;

/** At most `max` characters (whole code points), with `…` and the count of the rest when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  // Never cut a surrogate pair in two.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}… (${(text.length - end).toLocaleString('en-US')} more characters)`;
}

export function warning(code: WarningCode, where: Place, message: string): Warning {
  return { code, where, message };
}
