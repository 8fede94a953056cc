/**
 * Which old element continues which new one, for the elements identified by something other
 * than their place: Questions (by number, then by title when renumbered), sections (by role),
 * footnotes (by text, then by the paragraph they hang on).
 */
import type { Inline, ListItem, QuestionsDocument, Section } from '../model/document.js';
import { textContent } from '../model/inline.js';
import { countOf, IndexQueues } from './arrays.js';
import type { Pairing } from './lcs.js';
import { pairByKey } from './lcs.js';
import { compareKey, similarity, textTokens, type Tokens } from './words.js';

/** Titles at or above this similarity are one Question renumbered. */
const TITLE_THRESHOLD = 0.6;
const FOOTNOTE_THRESHOLD = 0.6;

/** Questions by number; those left over by title similarity, best pair first. */
export function pairQuestions(old: QuestionsDocument, neu: QuestionsDocument): Pairing {
  const byNumber = pairByKey(old.questions, neu.questions, (question) => question.number);
  const titles = (doc: QuestionsDocument) => doc.questions.map((q) => textTokens(textContent(q.title), doc.metadata.language));
  return pairLeftovers(byNumber, titles(old), titles(neu), TITLE_THRESHOLD);
}

/**
 * The most similarities scored among the left-over elements. Equal texts pair first, in
 * order, at the cost of a hash; only what is left then is scored pair by pair, and a document
 * with thousands of left-overs (10,000 Questions under one number) would ask for their square.
 * Past this, the left-overs stay unpaired: added and removed, which is coarse, not wrong.
 */
export const MAX_LEFTOVER_PAIRS = 250_000;

/** Adds to a pairing, best similarity first, the old and new elements it left alone. */
function pairLeftovers(pairing: Pairing, old: readonly Tokens[], neu: readonly Tokens[], threshold: number): Pairing {
  const usedOld = new Set(pairing.pairs.map(([a]) => a));
  const usedNew = new Set(pairing.pairs.map(([, b]) => b));
  const pairs = [...pairing.pairs];
  const take = (i: number, j: number) => {
    usedOld.add(i);
    usedNew.add(j);
    pairs.push([i, j]);
  };
  // Nothing to compare is no evidence: an unreferenced footnote has no anchor.
  const comparable = (text: Tokens) => text.tokens.length > 0;
  // Equal texts first: similarity 1 is the best there is, and the scan below would pair them
  // the same way (by old index, then new index).
  const equalNew = new IndexQueues();
  neu.forEach((b, j) => {
    if (!usedNew.has(j) && comparable(b)) equalNew.add(compareKey(b), j);
  });
  old.forEach((a, i) => {
    if (usedOld.has(i) || !comparable(a)) return;
    const j = equalNew.take(compareKey(a));
    if (j !== undefined) take(i, j);
  });
  const leftOld = old.flatMap((a, i) => (usedOld.has(i) || !comparable(a) ? [] : [i]));
  const leftNew = neu.flatMap((b, j) => (usedNew.has(j) || !comparable(b) ? [] : [j]));
  if (leftOld.length * leftNew.length <= MAX_LEFTOVER_PAIRS) {
    const candidates: [number, number, number][] = [];
    for (const i of leftOld) {
      for (const j of leftNew) {
        const score = similarity(old[i] as Tokens, neu[j] as Tokens);
        if (score >= threshold) candidates.push([score, i, j]);
      }
    }
    candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
    for (const [, i, j] of candidates) if (!usedOld.has(i) && !usedNew.has(j)) take(i, j);
  }
  pairs.sort((x, y) => x[1] - y[1]);
  return { pairs, moved: pairing.moved };
}

/**
 * A section's key: its role, or, when the role is `other` or repeats, its number without the
 * Question's letter (`[5]` for `A.5`), since letters are numbering that shifts.
 */
export function sectionKeys(sections: readonly Section[], letter: string): string[] {
  const counts = countOf(sections.map((section) => section.role));
  return sections.map((section) => {
    if (section.role !== 'other' && counts.get(section.role) === 1) return section.role;
    const number = section.number.startsWith(`${letter}.`) ? section.number.slice(letter.length + 1) : section.number;
    return `[${number}]`;
  });
}

/** Footnotes: the same text; else hung on a similar paragraph; else a similar text. */
export function pairFootnotes(old: QuestionsDocument, neu: QuestionsDocument): Pairing {
  const oldText = old.footnotes.map((note) => textTokens(textContent(note.text), old.metadata.language));
  const newText = neu.footnotes.map((note) => textTokens(textContent(note.text), neu.metadata.language));
  const exact = pairByKey(oldText.map(compareKey), newText.map(compareKey), (key) => key);
  const anchors = (doc: QuestionsDocument) => {
    const texts = anchorTexts(doc);
    return doc.footnotes.map((note) => textTokens(textContent(texts.get(note.id) ?? ''), doc.metadata.language));
  };
  const byAnchor = pairLeftovers(exact, anchors(old), anchors(neu), FOOTNOTE_THRESHOLD);
  return pairLeftovers(byAnchor, oldText, newText, FOOTNOTE_THRESHOLD);
}

/** For each footnote id, the text of the paragraph or item that first refers to it. */
function anchorTexts(doc: QuestionsDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const content of allContents(doc)) {
    for (const inline of content) {
      if (inline.type === 'footnoteReference' && !out.has(inline.id)) {
        out.set(inline.id, content.map((part) => (part.type === 'text' ? part.value : '')).join(''));
      }
    }
  }
  return out;
}

/** The contents of every paragraph and item, in document order (items depth first, by a stack). */
function* allContents(doc: QuestionsDocument): Generator<readonly Inline[]> {
  const blocks = [...doc.frontMatter.blocks, ...doc.questions.flatMap((q) => q.sections.flatMap((s) => s.blocks))];
  for (const block of blocks) {
    if (block.type === 'paragraph') yield block.content;
    else if (block.type === 'list') {
      const stack = [...block.items].reverse();
      for (let item = stack.pop(); item; item = stack.pop()) {
        yield item.content;
        for (let k = item.children.length - 1; k >= 0; k--) stack.push(item.children[k] as ListItem);
      }
    }
  }
}
