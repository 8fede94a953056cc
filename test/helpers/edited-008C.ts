/** What the reports of 008C → 008C-edited show (fixtures/008C-edited/README.md lists its edits). */
import { expect } from 'vitest';

/** The parts the overview names, one line (or row) each, then the total. */
export const STAT_PARTS = ['1 引言', 'Question 1/20 (A)', 'Question 3/20 (C)', 'Question 5/20 (E)', 'Question 8/20 (H)', 'Total'];

/** The counts of the overview, the total last: the parts add up to it, and it is every change. */
export function expectAddsUp(counts: readonly number[], changes: number): void {
  expect(counts.slice(0, -1).reduce((a, b) => a + b)).toBe(counts.at(-1));
  expect(counts.at(-1)).toBe(changes);
}
