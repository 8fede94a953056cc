/**
 * The one line `tsag watch` prints after a rebuild: what changed in the content since the
 * previous build, from the diff of the two models, compact enough for a terminal line:
 * `Question 8/20 added, title of 3/20 changed, 1 paragraph changed in A.1, and 3 more`.
 * Pure: the watcher prints it.
 */
import type { QuestionsDocument } from '../model/document.js';
import { sectionKeys } from './match.js';
import { valueLabel } from './report.js';
import type { Change, ChangeTarget, EditionDiff } from './types.js';

/** At most this many clauses; the rest are counted (`and 3 more`). */
export const MAX_CLAUSES = 5;

/** The two editions, to name sections by their number (`A.2`) rather than their key (`question of 1/20`). */
export interface Editions {
  old?: QuestionsDocument;
  new?: QuestionsDocument;
}

/**
 * Clauses by weight: whole Questions first, then their titles, then what is inside the
 * sections, then footnotes and Table 1 (which repeats the titles); document order within each.
 */
const RANK: Readonly<Record<ChangeTarget, number>> = {
  question: 0,
  title: 1,
  continuation: 1,
  section: 2,
  heading: 2,
  paragraph: 2,
  item: 2,
  group: 2,
  relationship: 2,
  footnote: 3,
  table: 4,
  tableRow: 4,
};

const NOUNS: Partial<Readonly<Record<ChangeTarget, [string, string]>>> = {
  paragraph: ['paragraph', 'paragraphs'],
  item: ['item', 'items'],
  group: ['relationship group', 'relationship groups'],
  relationship: ['relationship', 'relationships'],
};

export function describeChanges(diff: EditionDiff, editions: Editions = {}): string {
  if (diff.changes.length === 0) return 'no content change';
  const groups = new Map<string, Change[]>();
  for (const change of diff.changes) {
    const key = groupKey(change);
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  const clauses = [...groups.values()]
    .map((changes, order) => ({ changes, order, rank: RANK[changes[0]!.target] }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map(({ changes }) => clause(changes, editions));
  const shown = clauses.slice(0, MAX_CLAUSES);
  const more = clauses.length - shown.length;
  return more > 0 ? `${shown.join(', ')}, and ${more} more` : shown.join(', ');
}

/** Changes told in one clause: a counted kind of element in one place, or one row of Table 1. */
function groupKey(change: Change): string {
  if (change.target === 'tableRow') return `tableRow ${change.kind} ${bracketed(change.path, 'rows')}`;
  if (NOUNS[change.target]) return [change.target, change.kind, change.question ?? '', change.section ?? ''].join(' ');
  return `${change.target} ${change.kind} ${change.path}`;
}

function clause(changes: readonly Change[], editions: Editions): string {
  const change = changes[0]!;
  const kind = change.kind;
  const place = placeName(change, editions);
  switch (change.target) {
    case 'question':
      if (kind === 'renumbered') return `Question ${change.old ?? '?'} renumbered ${change.new ?? change.question ?? '?'}`;
      return `Question ${change.question ?? '?'} ${kind}`;
    case 'title':
      return `title of ${change.question ?? '?'} ${kind}`;
    case 'continuation':
      return `continuation note of ${change.question ?? '?'} ${kind}`;
    case 'section':
      return `section ${place} ${kind}`;
    case 'heading':
      return change.question !== undefined ? `heading of ${place} ${kind}` : `heading ${kind} in ${place}`;
    case 'footnote':
      return `footnote ${bracketed(change.path, 'footnotes')} ${kind}`;
    case 'table':
      return `Table 1 ${kind}`;
    case 'tableRow':
      return `Table 1 row ${bracketed(change.path, 'rows')} ${kind}`;
    case 'paragraph':
    case 'item':
    case 'group':
    case 'relationship': {
      if (changes.length === 1 && change.value) return `${valueLabel(change.value)} ${kind} in ${place}`;
      const [one, many] = NOUNS[change.target] ?? [change.target, `${change.target}s`];
      return `${changes.length} ${changes.length === 1 ? one : many} ${kind} in ${place}`;
    }
  }
}

/** `A.2`, found in the editions; else `tasks of 1/20`; `the front matter` outside the Questions. */
function placeName(change: Change, editions: Editions): string {
  if (change.question === undefined) return change.path.startsWith('questionsHeading') ? 'the Questions heading' : 'the front matter';
  if (change.section === undefined) return change.question;
  for (const doc of [editions.new, editions.old]) {
    const question = doc?.questions.find((q) => q.number === change.question);
    if (!question) continue;
    const index = sectionKeys(question.sections, question.letter).indexOf(change.section);
    const number = question.sections[index]?.number;
    if (number) return number;
  }
  return `${change.section} of ${change.question}`;
}

/** `frontMatter.table.rows[3/20].currentTitle`, `rows` → `3/20`. */
function bracketed(path: string, name: string): string {
  return new RegExp(`${name}\\[([^\\]]*)\\]`, 'u').exec(path)?.[1] ?? '?';
}
