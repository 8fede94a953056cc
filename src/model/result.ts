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
 * Codes are dotted: `noise.bookmark`, `docx.trackedChanges`, `structure.unknownLabel`, …
 */
export interface Warning {
  code: string;
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
  ) {
    super(message);
  }

  /** The one line the CLI prints. */
  describe(): string {
    return `${this.file}${this.where ? `:${this.where}` : ''}: ${this.message}`;
  }
}

export function warning(code: string, where: Place, message: string): Warning {
  return { code, where, message };
}
