/**
 * The overview at the top of every report, and all of `tsag diff --stat`: one line per part of
 * the document that changed (each Question, the front matter with Table 1, the footnotes) with
 * what changed in it, then the total. Every change is counted exactly once, in one line and in
 * one kind of the total, so the lines add up to the total and so do its kinds; containers (a
 * Question, a section) are named as changed, never counted as changes of their own.
 */
import type { Change, ChangeKind, ChangeTarget, EditionDiff } from './types.js';

export interface PartSummary {
  /** `Question 1/20 (A)`, `1 引言`, `Footnotes`. */
  name: string;
  /** How many changes are in it. */
  changes: number;
  /** What changed: `3 sections changed; paragraphs ~1, items +1, relationships +1`. */
  text: string;
}

export interface KindCount {
  /** `item`, `Question`, `table cell`, … (singular). */
  noun: string;
  kind: ChangeKind;
  count: number;
}

export interface Summary {
  /** In document order. */
  parts: PartSummary[];
  /** The number of content changes: the sum of `parts[].changes`, and of `kinds[].count`. */
  total: number;
  /** The changes by what they are, in a fixed order. */
  kinds: KindCount[];
}

const KINDS: readonly ChangeKind[] = ['added', 'removed', 'changed', 'renumbered', 'moved'];
const SIGNS: Readonly<Record<ChangeKind, string>> = { added: '+', removed: '-', changed: '~', renumbered: '#', moved: '>' };

/** What a change is, in the total: its target, and for Table 1 whether a whole row or a cell. */
function noun(change: Change): string {
  const nouns: Readonly<Record<ChangeTarget, string>> = {
    question: 'Question',
    title: 'title',
    continuation: 'continuation note',
    heading: 'heading',
    section: 'section',
    paragraph: 'paragraph',
    item: 'item',
    table: 'table heading',
    tableRow: 'table row',
    group: 'relationship group',
    relationship: 'relationship',
    footnote: 'footnote',
  };
  if (change.target === 'tableRow' && /\]\.[^.[\]]+$/u.test(change.path)) return 'table cell';
  return nouns[change.target];
}

const NOUN_ORDER = [
  'Question',
  'title',
  'continuation note',
  'heading',
  'section',
  'paragraph',
  'item',
  'relationship group',
  'relationship',
  'table heading',
  'table row',
  'table cell',
  'footnote',
];

export function summarize(diff: EditionDiff): Summary {
  const byPart = new Map<string, Change[]>();
  for (const change of diff.changes) {
    const name = change.place?.short ?? change.question ?? '';
    byPart.set(name, [...(byPart.get(name) ?? []), change]);
  }
  const parts = [...byPart].map(([name, changes]) => ({ name, changes: changes.length, text: partText(changes) }));
  const kinds: KindCount[] = [];
  for (const name of NOUN_ORDER) {
    for (const kind of KINDS) {
      const count = diff.changes.filter((change) => change.kind === kind && noun(change) === name).length;
      if (count > 0) kinds.push({ noun: name, kind, count });
    }
  }
  return { parts, total: diff.changes.length, kinds };
}

/** What changed in one part: its own changes, its sections, then counts of elements by kind. */
function partText(changes: readonly Change[]): string {
  // A part's own title, note or heading is named; what is inside it is counted.
  const isOwn = (c: Change) => c.section === undefined && ['title', 'continuation', 'heading'].includes(c.target);
  const own: string[] = [];
  for (const change of changes) {
    if (change.target === 'question') own.push(change.kind === 'renumbered' ? `renumbered from ${change.old ?? '?'}` : change.kind);
    else if (isOwn(change)) own.push(`${noun(change)} ${change.kind}`);
  }
  const whole = changes.filter((c) => c.target === 'section');
  const wholeKeys = new Set(whole.map((c) => c.section));
  const inner = new Set(changes.filter((c) => c.section !== undefined && !wholeKeys.has(c.section)).map((c) => c.section));
  if (whole.length > 0) own.push(`sections ${signed(whole)}`);
  if (inner.size > 0) own.push(`${inner.size} ${inner.size === 1 ? 'section' : 'sections'} changed`);
  const counted = changes.filter(
    (c) => c.target !== 'question' && !whole.includes(c) && !(c.section === undefined && ['title', 'continuation', 'heading'].includes(c.target)),
  );
  const elements: string[] = [];
  for (const name of NOUN_ORDER) {
    const of = counted.filter((c) => noun(c) === name);
    if (of.length > 0) elements.push(`${plural(name)} ${signed(of)}`);
  }
  return [own.join(', '), elements.join(', ')].filter((text) => text !== '').join('; ');
}

/** `+1 -2 ~3`: the counts by kind, signed. */
function signed(changes: readonly Change[]): string {
  return KINDS.flatMap((kind) => {
    const count = changes.filter((c) => c.kind === kind).length;
    return count > 0 ? [`${SIGNS[kind]}${count}`] : [];
  }).join(' ');
}

function plural(word: string): string {
  return `${word}s`;
}

/** `3 changes`. */
export function changesText(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'}`;
}

/** The lines of `--stat`: one per part, then the total (`Total  8 changes: 1 Question added, …`). */
export function statLines(summary: Summary): string[] {
  if (summary.total === 0) return ['No content changes.'];
  const lines = summary.parts.map((part) => `${part.name}  ${changesText(part.changes)}: ${part.text}`);
  lines.push(`Total  ${changesText(summary.total)}: ${kindsText(summary)}`);
  return lines;
}

/** The total by kind: `1 Question added, 2 items removed, …`. */
export function kindsText(summary: Summary): string {
  return summary.kinds.map((k) => `${k.count} ${k.count === 1 ? k.noun : plural(k.noun)} ${k.kind}`).join(', ');
}
