/**
 * Which old element continues which new one, for the elements identified by something other
 * than their place: Questions (by number, then by title when renumbered), sections (by role),
 * footnotes (by text, then by the paragraph they hang on).
 */
import type { Footnote, Inline, QuestionsDocument, Section } from '../model/document.js';
import { textContent } from '../model/inline.js';
import type { Pairing } from './lcs.js';
import { pairByKey } from './lcs.js';
import { compareKey, similarity, textTokens } from './words.js';

/** Titles at or above this similarity are one Question renumbered. */
const TITLE_THRESHOLD = 0.6;
const FOOTNOTE_THRESHOLD = 0.6;

/** Questions by number; those left over by title similarity, best pair first. */
export function pairQuestions(old: QuestionsDocument, neu: QuestionsDocument): Pairing {
  const byNumber = pairByKey(old.questions, neu.questions, (question) => question.number);
  const titles = (doc: QuestionsDocument) => doc.questions.map((q) => textTokens(textContent(q.title), doc.metadata.language));
  return pairLeftovers(byNumber, titles(old), titles(neu), TITLE_THRESHOLD);
}

/** Adds to a pairing, best similarity first, the old and new elements it left alone. */
function pairLeftovers(
  pairing: Pairing,
  old: readonly ReturnType<typeof textTokens>[],
  neu: readonly ReturnType<typeof textTokens>[],
  threshold: number,
): Pairing {
  const usedOld = new Set(pairing.pairs.map(([a]) => a));
  const usedNew = new Set(pairing.pairs.map(([, b]) => b));
  const candidates: [number, number, number][] = [];
  old.forEach((a, i) => {
    if (usedOld.has(i)) return;
    neu.forEach((b, j) => {
      // Nothing to compare is no evidence: an unreferenced footnote has no anchor.
      if (usedNew.has(j) || a.tokens.length === 0 || b.tokens.length === 0) return;
      const score = similarity(a, b);
      if (score >= threshold) candidates.push([score, i, j]);
    });
  });
  candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const pairs = [...pairing.pairs];
  for (const [, i, j] of candidates) {
    if (usedOld.has(i) || usedNew.has(j)) continue;
    usedOld.add(i);
    usedNew.add(j);
    pairs.push([i, j]);
  }
  pairs.sort((x, y) => x[1] - y[1]);
  return { pairs, moved: pairing.moved };
}

/**
 * A section's key: its role, or, when the role is `other` or repeats, its number without the
 * Question's letter (`[5]` for `A.5`), since letters are numbering that shifts.
 */
export function sectionKeys(sections: readonly Section[], letter: string): string[] {
  const roles = sections.map((section) => section.role);
  return sections.map((section) => {
    if (section.role !== 'other' && roles.indexOf(section.role) === roles.lastIndexOf(section.role)) return section.role;
    const number = section.number.startsWith(`${letter}.`) ? section.number.slice(letter.length + 1) : section.number;
    return `[${number}]`;
  });
}

/** Footnotes: the same text; else hung on a similar paragraph; else a similar text. */
export function pairFootnotes(old: QuestionsDocument, neu: QuestionsDocument): Pairing {
  const oldText = old.footnotes.map((note) => textTokens(textContent(note.text), old.metadata.language));
  const newText = neu.footnotes.map((note) => textTokens(textContent(note.text), neu.metadata.language));
  const exact = pairByKey(oldText.map(compareKey), newText.map(compareKey), (key) => key);
  const anchors = (doc: QuestionsDocument) =>
    doc.footnotes.map((note) => textTokens(textContent(anchorText(doc, note)), doc.metadata.language));
  const byAnchor = pairLeftovers(exact, anchors(old), anchors(neu), FOOTNOTE_THRESHOLD);
  return pairLeftovers(byAnchor, oldText, newText, FOOTNOTE_THRESHOLD);
}

/** The text of the paragraph or item that first refers to a footnote ("" when none does). */
function anchorText(doc: QuestionsDocument, note: Footnote): string {
  for (const content of allContents(doc)) {
    if (content.some((inline) => inline.type === 'footnoteReference' && inline.id === note.id)) {
      return content.map((inline) => (inline.type === 'text' ? inline.value : '')).join('');
    }
  }
  return '';
}

function* allContents(doc: QuestionsDocument): Generator<readonly Inline[]> {
  const blocks = [...doc.frontMatter.blocks, ...doc.questions.flatMap((q) => q.sections.flatMap((s) => s.blocks))];
  for (const block of blocks) {
    if (block.type === 'paragraph') yield block.content;
    else if (block.type === 'list') {
      const stack = [...block.items];
      while (stack.length > 0) {
        const item = stack.shift();
        if (!item) break;
        yield item.content;
        stack.unshift(...item.children);
      }
    }
  }
}
