/**
 * The diff as a Word redline: the new edition laid out exactly as writeDocx lays it out, in
 * which every change is a real tracked change, so that Accept All gives the new edition and
 * Reject All the old one. Pure: the CLI writes the bytes (`tsag diff OLD NEW --format docx`).
 *
 * How each change is written:
 * - a changed text (paragraph, item, title, continuation note, cell, footnote, relationship
 *   item): its word operations as runs, equal ones plain, insertions `w:ins`, deletions `w:del`;
 * - an added paragraph, item, group, section or Question: inserted runs and an inserted
 *   paragraph mark (`w:pPr/w:rPr/w:ins`); an added row of Table 1 `w:trPr/w:ins`;
 * - a removed one: written where it stood in the old edition (the diff's `at`), its runs and
 *   paragraph mark deleted; a removed row `w:trPr/w:del`;
 * - a moved paragraph or item: deleted where it was, inserted where it is;
 * - a relationship value added or removed (`SDG 12 added`): the items that write the values,
 *   word by word (`– 11{+ 和 12+}`), since the change list names the value, not the text;
 * - a footnote: its reference in the body inserted or deleted with the text around it, its
 *   text in footnotes.xml inserted, deleted or changed word by word;
 * - numbering the diff does not compare (Question letters and numbers, section numbers):
 *   marked where the editions differ, for an exact Reject All;
 * - the page footer (path and dates) is metadata, not content: the new edition's, untracked.
 *
 * One author, one date (`tsag` and a fixed date unless the caller names them), ids in document
 * order: the same diff gives the same bytes.
 * The change list says what changed and how; which old element a kept one continues, it does
 * not say, so that pairing is rebuilt from the list and from the diff's own key functions
 * (src/diff/docx/pairing.ts). `diff` must be `diffEditions(old, neu)`.
 */
import type { Footer, QuestionsDocument } from '../model/document.js';
import { languageTable } from '../model/languages.js';
import type { Read } from '../model/result.js';
import { withoutXmlChars } from '../writers/characters.js';
import { DocumentIds, FIXED_DATE, PartWriter, REVISION_AUTHOR, writePageFooter } from '../writers/docx/emit.js';
import { packDocx } from '../writers/docx/package.js';
import { indexed, side } from './context.js';
import { writeLines, writeSegments, type FootnoteNumber } from './docx/elements.js';
import type { Plan } from './docx/lines.js';
import { ChangeIndex } from './docx/pairing.js';
import { documentLines } from './docx/plan.js';
import { textSegments, whole, type Segment } from './docx/segments.js';
import { pairFootnotes } from './match.js';
import type { EditionDiff } from './types.js';

/** The author of every tracked change. */
export const REDLINE_AUTHOR = REVISION_AUTHOR;
/** The date of every tracked change: the writer's fixed date, never the clock. */
export const REDLINE_DATE = FIXED_DATE;

/** Who made the tracked changes and when (`tsag diff --author NAME --date ISO`); by default REDLINE_AUTHOR and REDLINE_DATE. */
export interface RedlineRevision {
  author?: string;
  /** An ISO date-time as Word writes it: `2026-01-15T00:00:00Z`. */
  date?: string;
}

/**
 * The redline's bytes, and a warning for each place of either edition that holds characters
 * XML 1.0 forbids or discourages: they are dropped where the XML is written (`escape`,
 * src/writers/docx/emit.ts), as by the DOCX writer. Warnings name `files`, the files the editions were read from (by default
 * each model's `source.fileName`).
 */
export async function renderDocxRedline(
  diff: EditionDiff,
  old: QuestionsDocument,
  neu: QuestionsDocument,
  files: { old?: string; new?: string } = {},
  revision: RedlineRevision = {},
): Promise<Read<Uint8Array>> {
  const footnotePairs = pairFootnotes(old, neu).pairs;
  const plan = planOf(diff, old, neu, footnotePairs);
  const notes = footnoteTexts(plan, old, neu, footnotePairs);
  const footnoteNumber: FootnoteNumber = (piece) => {
    const number = notes.numbers[piece.side].get(piece.id);
    // The models promise that every reference names a footnote: a dangling one is a bug upstream.
    if (number === undefined) throw new Error(`footnote reference to unknown ${piece.side} footnote "${piece.id}"`);
    return number;
  };
  const lines = documentLines(plan, old, neu);
  // Word wants one id space for all annotations: the bookmarks first, then the tracked changes in document order.
  const bookmarks = lines.filter((line) => line.type === 'paragraph' && line.bookmark !== undefined).length;
  const ids = new DocumentIds(bookmarks, revision.author ?? REDLINE_AUTHOR, revision.date ?? REDLINE_DATE);
  const context = { table: plan.tables.new, footnoteNumbers: notes.numbers.new };
  const body = new PartWriter(context, ids);
  writeLines(body, lines, footnoteNumber);
  const footer = pageFooter(neu.metadata.footer, new PartWriter(context, ids));
  const footnotes = new PartWriter(context, ids);
  notes.texts.forEach((segments, i) => {
    footnotes.footnote(i + 1, () => writeSegments(footnotes, segments, true, footnoteNumber));
  });
  const bytes = await packDocx({
    title: neu.questionsHeading.title,
    word: plan.tables.new.word,
    body,
    footnotes,
    ...(footer === undefined ? {} : { footer }),
  });
  return { value: bytes, warnings: [...withoutXmlChars(old, files.old).warnings, ...withoutXmlChars(neu, files.new).warnings] };
}

function planOf(diff: EditionDiff, old: QuestionsDocument, neu: QuestionsDocument, footnotePairs: readonly [number, number][]): Plan {
  const newIdOf = new Map(footnotePairs.map(([a, b]) => [old.footnotes[a]?.id ?? '', neu.footnotes[b]?.id ?? '']));
  const renumbered = diff.changes.flatMap((change) =>
    change.kind === 'renumbered' && change.old !== undefined && change.new !== undefined ? [[change.old, change.new] as const] : [],
  );
  return {
    // The tokenisation the diff used (src/diff/index.ts): a paired footnote's reference is equal in both editions.
    sides: {
      old: side(old.metadata.language, (id) => (newIdOf.has(id) ? `new:${newIdOf.get(id)}` : `old:${id}`)),
      new: side(neu.metadata.language, (id) => `new:${id}`),
    },
    tables: { old: languageTable(old.metadata.language), new: languageTable(neu.metadata.language) },
    changes: new ChangeIndex(diff),
    renumbered: new Map(renumbered),
  };
}

interface Footnotes {
  /** The text of Word's footnote `n` at index `n - 1`. */
  texts: Segment[][];
  /** Word's footnote number for each model footnote id, by edition. */
  numbers: { old: Map<string, number>; new: Map<string, number> };
}

/**
 * Word numbers footnotes by where their references stand, so their order in footnotes.xml is
 * free: the new edition's notes first (a paired one with its text changes), then the removed
 * ones, deleted. A paired old note shares its new partner's number.
 */
function footnoteTexts(plan: Plan, old: QuestionsDocument, neu: QuestionsDocument, pairs: readonly [number, number][]): Footnotes {
  const numbers = { old: new Map<string, number>(), new: new Map(neu.footnotes.map((note, i) => [note.id, i + 1])) };
  const partner = new Map(pairs.map(([a, b]) => [b, a]));
  const texts = neu.footnotes.map((note, b) => {
    const a = partner.get(b);
    const previous = a === undefined ? undefined : old.footnotes[a];
    if (!previous) return whole('insert', note.text, 'new');
    numbers.old.set(previous.id, b + 1);
    return textSegments(plan.sides, previous.text, note.text, plan.changes.find('changed', indexed('', 'footnotes', note.id))?.words);
  });
  for (const note of old.footnotes) {
    if (numbers.old.has(note.id)) continue;
    texts.push(whole('delete', note.text, 'old'));
    numbers.old.set(note.id, texts.length);
  }
  return { texts, numbers };
}

/**
 * The new edition's page footer, untracked: its path and dates are metadata, which the reports
 * list apart (`footer.dates`), not content a reviewer accepts or rejects. Reject All gives the
 * old edition's content under the new edition's footer.
 */
function pageFooter(neu: Footer | undefined, w: PartWriter): PartWriter | undefined {
  if (neu === undefined) return undefined;
  writePageFooter(w, neu);
  return w;
}
