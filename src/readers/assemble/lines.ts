import type { Footer, Footnote, Inline } from '../../model/document.js';
import type { Place } from '../../model/result.js';

/**
 * The format-shaped stage shared by the readers of messy formats (text extractions, DOCX):
 * each reader first turns its input into a flat list of `SourceLine`s, cleaned of noise,
 * then `assemble()` (src/readers/assemble/index.ts) builds the model from them. A noise rule never
 * needs to know the model, and the model builder never needs to know the format.
 */

/** What the source itself says a line is, when it says so (DOCX paragraph styles). */
export type LineHint =
  | { kind: 'heading'; level: number }
  /** `bare`: the format marks the item itself (HTML's `li`), so its text holds no literal marker to strip. */
  | { kind: 'listItem'; level: number; bare?: boolean }
  | { kind: 'tableCell'; row: number; column: number; header: boolean }
  | { kind: 'caption' }
  /** `plain`: the format says the text is only text (tsag's HTML): no list marker or heading number is read from it. */
  | { kind: 'paragraph'; plain?: boolean };

export interface SourceLine {
  /**
   * The text with noise removed and trailing whitespace trimmed. It still carries what the
   * source writes as literal text: heading numbers (`A.1\t目的`) and list markers (`–\t…`).
   */
  content: Inline[];
  /** Absent when the format says nothing: the assembler decides from the text. */
  hint?: LineHint;
  where: Place;
}

export interface EndMatter {
  footer?: Footer;
  /** The file name in the footer (`008C.DOCX`). */
  documentReference?: string;
  images: string[];
}

export interface SourceLines {
  /** Non-blank lines in document order (blank lines carry no meaning once tables are cells). */
  lines: SourceLine[];
  /** Footnotes, ids as referenced from the lines' `footnoteReference` inlines. */
  footnotes: Footnote[];
  endMatter: EndMatter;
}
