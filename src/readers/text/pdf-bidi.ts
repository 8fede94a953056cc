/**
 * The bidirectional text of a PDF as pdftotext writes it (Arabic, Hebrew): each run of
 * right-to-left text wrapped in U+202B … U+202C, each left-to-right piece inside it (digits,
 * codes) in U+202A … U+202C, with the neutral characters that stand between it and the Arabic
 * text on its left, as the eye sees it: `المسألة ‪ – 1/22‬البنية` is `المسألة 1/22 – البنية`.
 * These controls are extraction noise, not content: they go, and the neutrals at the start of a
 * left-to-right piece go to its end, in reverse order, where they stand in reading order.
 */

import { LANGUAGES } from '../../model/languages/index.js';

/** Every bidi control: embeddings and overrides, marks, isolates. */
const CONTROLS = /[\u202a-\u202e\u200e\u200f\u2066-\u2069]/gu;
/** A left-to-right embedding inside right-to-left text: its content up to its pop. */
const LTR_PIECE = /\u202a([^\u202a-\u202e]*)\u202c/gu;
/** What a left-to-right piece starts with that belongs to the text around it: spaces, punctuation. */
const LEADING_NEUTRALS = /^[^\p{L}\p{N}]+/u;

/** Whether a text holds the bidi controls pdftotext writes around right-to-left runs. */
export function hasBidiControls(text: string): boolean {
  return /[\u202a-\u202e]/u.test(text);
}

/** One line in reading order, its bidi controls gone, reversed ligatures and marks set back. */
export function readingOrder(line: string): string {
  return marksOnLetters(line)
    .replace(LTR_PIECE, (_, piece: string) => {
      const neutrals = LEADING_NEUTRALS.exec(piece)?.[0] ?? '';
      return piece.slice(neutrals.length) + [...neutrals].reverse().join('');
    })
    .replace(CONTROLS, '');
}

/** A character of a right-to-left script. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/** Whether most lines with letters are right-to-left: a page laid out from the right. */
export function isRightToLeft(lines: readonly string[]): boolean {
  const lettered = lines.filter((line) => /\p{L}/u.test(line));
  return lettered.filter((line) => RTL.test(line)).length * 2 > lettered.length;
}

/**
 * A `-layout` line of a right-to-left page mirrored, so that its indent is measured from the
 * right edge (`width` columns) and its columns come in reading order, right first: the
 * heading's number, a list marker, the first cell of a table row start the line. Trailing
 * spaces keep how far left it reaches (how full it is).
 */
export function mirror(line: string, width: number): string {
  let out = '';
  const runs = [...line.matchAll(/\S+(?: \S+)*/gu)].map((match) => ({ text: match[0], at: match.index }));
  for (const run of runs.reverse()) {
    let at = Math.max(out.length + (out === '' ? 0 : 2), width - (run.at + run.text.length));
    // pdftotext places a right-to-left run by its left end and counts its letters, not their
    // widths: its right end strays a few columns from the margin it is set against.
    if (out === '' && at <= RIGHT_EDGE_SLACK) at = 0;
    out = out.padEnd(at) + run.text;
  }
  // Its left end is where pdftotext saw it: the line's reach, which trailing spaces keep.
  const left = runs[runs.length - 1];
  return left ? out.padEnd(width - left.at) : out;
}

/** How far from the right margin a line's right end may stray and still stand against it. */
export const RIGHT_EDGE_SLACK = 8;

/**
 * Arabic shaping joins lam and alef in one glyph (`لا`, `لأ`, `لإ`, `لآ`), which pdftotext writes
 * back alef first (`ال`): `الاتصالات` comes out as `االتصاالت`. The text shows it: two alefs
 * running (`اال`), which no Arabic word has. Then what can only come from a reversed ligature is
 * put back:
 *   - an alef before the pair (`اال`, `األ`): a word never has two alefs running, it is `الا`, `الأ`;
 *   - `لال`: a lam before the pair is `للا` (`لالتصالات`, `الالزم`), since a lam-alef-lam
 *     would have come out `الل`;
 *   - `ال` standing alone: the article never does, it is the word `لا`;
 *   - a word whose pair, put back, makes a word of a language table (a section heading, a label:
 *     `العالقات` is `العلاقات`).
 * Other pairs inside a word stay as they are: `حاالت` (`حالات`) cannot be told from `العالم`.
 */
export function lamAlef(text: string): string {
  if (!/ا[اأإآ]ل/u.test(text)) return text;
  return text.replace(/\p{Script=Arabic}+/gu, (word) => {
    if (word === 'ال') return 'لا';
    const fixed = word.replace(/ا([اأإآ])ل/gu, 'ال$1').replace(/ل([اأإآ])ل/gu, 'لل$1');
    for (const match of fixed.matchAll(/([اأإآ])ل/gu)) {
      const at = match.index;
      const swapped = `${fixed.slice(0, at)}ل${match[1] ?? ''}${fixed.slice(at + 2)}`;
      if (TABLE_WORDS.has(swapped)) return swapped;
    }
    return fixed;
  });
}

/** The words of every language table's headings, labels and column titles. */
const TABLE_WORDS = new Set(
  Object.values(LANGUAGES)
    .flatMap((table) => [...Object.keys(table.sectionRoles), ...Object.keys(table.relationshipRoles), ...table.tableColumns])
    .flatMap((text) => text.split(/[^\p{L}\p{M}]+/u)),
);

/** A space pdftotext puts before a combining mark (`سابقا ً`, `محد َّثة`): the mark goes back on its letter. */
export function marksOnLetters(text: string): string {
  return text.replace(/(?<=\p{L}) +(?=\p{M})/gu, '');
}
