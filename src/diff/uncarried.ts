/**
 * Footnotes that a text extraction does not carry. LibreOffice's "save as text" and mammoth's
 * raw text drop the text of every footnote (LibreOffice keeps the mark as a plain number, mammoth
 * nothing): compared with the Word file, each note and each paragraph with a mark would show as
 * changed, though the edition is the same. So when one side is a text with no footnote at all
 * and the other side has footnotes, those footnotes are not compared: a reference to one matches
 * nothing or its own number written as text (`隐私1以及`), and the notes are reported with the
 * metadata (`footnotes`), as what the extraction left out, not as removed content.
 */
import type { QuestionsDocument } from '../model/document.js';
import type { MetadataChange } from './types.js';
import type { DiffToken } from './tokens.js';

/** What an uncarried reference's footnote key starts with (src/diff/context.ts `side`). */
export const UNCARRIED = 'uncarried:';
const UNCARRIED_TOKEN = `\u0000footnote:${UNCARRIED}`;

/** The side that is a text without footnotes while the other side has some, if one is. */
export function noteLessSide(old: QuestionsDocument, neu: QuestionsDocument): 'old' | 'new' | undefined {
  const carriesNone = (doc: QuestionsDocument) => doc.footnotes.length === 0 && doc.metadata.source.format === 'text';
  if (carriesNone(neu) && old.footnotes.length > 0) return 'new';
  if (carriesNone(old) && neu.footnotes.length > 0) return 'old';
  return undefined;
}

/** The metadata line that says which footnotes were not compared: `noteLess` lacks those of `other`. */
export function uncarriedChange(noteLess: 'old' | 'new', other: QuestionsDocument): MetadataChange {
  const notes = other.footnotes.map((note) => `[^${note.id}]`).join(', ');
  const none = '(none: a text without footnotes)';
  return { field: 'footnotes', ...(noteLess === 'new' ? { old: notes, new: none } : { old: none, new: notes }) };
}

export function isUncarried(token: DiffToken): boolean {
  return token.kind === 'footnote' && token.key.startsWith(UNCARRIED_TOKEN);
}

/** The tokens with each uncarried reference left out, or written as its number (`[^1]` → `1`). */
export function withoutUncarried(tokens: readonly DiffToken[], asNumber: boolean): DiffToken[] {
  const out: DiffToken[] = [];
  for (const token of tokens) {
    if (!isUncarried(token)) out.push(token);
    else if (asNumber) {
      const id = token.key.slice(UNCARRIED_TOKEN.length);
      out.push({ kind: 'word', text: id, key: id });
    }
  }
  return out;
}
