/**
 * The counts at the top of every report: what was added, removed, changed, by kind of element.
 * A Question or a section counts as changed when anything inside it changed.
 */
import type { Change, ChangeTarget, EditionDiff } from './types.js';

export interface SummaryRow {
  /** English, for the report: `Questions`, `List items`, … */
  label: string;
  added: number;
  removed: number;
  changed: number;
  renumbered: number;
  moved: number;
}

export interface Summary {
  /** Rows with at least one count, in a fixed order. */
  rows: SummaryRow[];
  /** The number of content changes. */
  total: number;
}

/** The rows, by the targets they count (Questions and sections are counted apart). */
const ROWS: readonly [string, readonly ChangeTarget[]][] = [
  ['Paragraphs', ['paragraph']],
  ['List items', ['item']],
  ['Relationships', ['group', 'relationship']],
  ['Table rows', ['tableRow']],
  ['Titles and headings', ['title', 'continuation', 'heading', 'table']],
  ['Footnotes', ['footnote']],
];

export function summarize(diff: EditionDiff): Summary {
  const rows = [questionRow(diff.changes), sectionRow(diff.changes)];
  for (const [label, targets] of ROWS) {
    const changes = diff.changes.filter((change) => targets.includes(change.target));
    const row = countKinds(label, changes);
    // A table row is changed once, however many of its cells changed.
    if (targets.includes('tableRow')) row.changed = distinct(changes.filter((c) => c.kind === 'changed').map((c) => rowPath(c.path)));
    rows.push(row);
  }
  return { rows: rows.filter((row) => row.added + row.removed + row.changed + row.renumbered + row.moved > 0), total: diff.changes.length };
}

function questionRow(changes: readonly Change[]): SummaryRow {
  const own = changes.filter((change) => change.target === 'question');
  const row = countKinds('Questions', own);
  const whole = new Set(own.filter((c) => c.kind === 'added' || c.kind === 'removed').map((c) => c.question));
  row.changed = distinct(changes.filter((c) => c.target !== 'question' && c.question !== undefined && !whole.has(c.question)).map((c) => c.question));
  return row;
}

function sectionRow(changes: readonly Change[]): SummaryRow {
  const own = changes.filter((change) => change.target === 'section' && change.kind !== 'changed');
  const row = countKinds('Sections', own);
  const key = (c: Change) => `${c.question ?? ''}\u0000${c.section ?? ''}`;
  const whole = new Set(own.map(key));
  const inner = changes.filter((c) => c.section !== undefined && !(c.target === 'section' && c.kind !== 'changed') && !whole.has(key(c)));
  row.changed = distinct(inner.map(key));
  return row;
}

function countKinds(label: string, changes: readonly Change[]): SummaryRow {
  const count = (kind: Change['kind']) => changes.filter((change) => change.kind === kind).length;
  return {
    label,
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    renumbered: count('renumbered'),
    moved: count('moved'),
  };
}

function distinct(values: readonly unknown[]): number {
  return new Set(values).size;
}

/** `frontMatter.table.rows[3/20].currentTitle` → `frontMatter.table.rows[3/20]`. */
function rowPath(path: string): string {
  const end = path.lastIndexOf(']');
  return end < 0 ? path : path.slice(0, end + 1);
}

/** One line per row: `Questions: 1 added, 2 changed`. */
export function summaryLines(summary: Summary): string[] {
  return summary.rows.map((row) => `${row.label}: ${countsText(row)}`);
}

export function countsText(row: SummaryRow): string {
  const parts: [number, string][] = [
    [row.added, 'added'],
    [row.removed, 'removed'],
    [row.changed, 'changed'],
    [row.renumbered, 'renumbered'],
    [row.moved, 'moved'],
  ];
  return parts
    .filter(([count]) => count > 0)
    .map(([count, word]) => `${count} ${word}`)
    .join(', ');
}
