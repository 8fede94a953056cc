/**
 * Table 1: caption, column headings, and rows paired by their new number (through the
 * renumbering of the Questions, so that a renumbered Question's row pairs with its old row).
 */
import { QUESTION_TABLE_FIELDS, type QuestionTable, type QuestionTableRow } from '../model/document.js';
import { compareStrings, indexed, member, record, type DiffContext } from './context.js';
import { pairByKey, steps } from './lcs.js';

export function compareTables(
  context: DiffContext,
  prefix: string,
  old: readonly QuestionTable[],
  neu: readonly QuestionTable[],
  renumbered: ReadonlyMap<string, string>,
): void {
  const count = Math.max(old.length, neu.length);
  for (let index = 0; index < count; index++) {
    const path = index === 0 ? member(prefix, 'table') : indexed(prefix, 'tables', index);
    const a = old[index];
    const b = neu[index];
    if (a && b) compareTable(context, path, a, b, renumbered);
    else if (b) record(context, { kind: 'added', target: 'table', path, new: b.caption });
    else if (a) record(context, { kind: 'removed', target: 'table', path, old: a.caption });
  }
}

function compareTable(context: DiffContext, path: string, old: QuestionTable, neu: QuestionTable, renumbered: ReadonlyMap<string, string>): void {
  compareStrings(context, 'table', member(path, 'caption'), old.caption, neu.caption);
  const columns = Math.max(old.columns.length, neu.columns.length);
  for (let index = 0; index < columns; index++) {
    const columnPath = indexed(path, 'columns', index);
    const a = old.columns[index];
    const b = neu.columns[index];
    if (a !== undefined && b !== undefined) compareStrings(context, 'table', columnPath, a, b);
    else if (b !== undefined) record(context, { kind: 'added', target: 'table', path: columnPath, new: b });
    else if (a !== undefined) record(context, { kind: 'removed', target: 'table', path: columnPath, old: a });
  }
  const { oldKeys, newKeys } = rowKeys(old.rows, neu.rows, renumbered);
  const pairing = pairByKey(oldKeys, newKeys, (key) => key);
  for (const step of steps(old.rows.length, neu.rows.length, pairing)) {
    if (step.op === 'added') {
      const row = neu.rows[step.new] as QuestionTableRow;
      record(context, {
        kind: 'added',
        target: 'tableRow',
        path: indexed(path, 'rows', newKeys[step.new] ?? ''),
        new: rowText(row),
        node: { type: 'row', value: row },
      });
    } else if (step.op === 'removed') {
      const row = old.rows[step.old] as QuestionTableRow;
      record(context, {
        kind: 'removed',
        target: 'tableRow',
        path: indexed(path, 'rows', row.newNumber || `#${step.old}`),
        old: rowText(row),
        at: step.at,
        node: { type: 'row', value: row },
      });
    } else {
      const rowPath = indexed(path, 'rows', newKeys[step.new] ?? '');
      const a = old.rows[step.old] as QuestionTableRow;
      const b = neu.rows[step.new] as QuestionTableRow;
      for (const field of QUESTION_TABLE_FIELDS) compareStrings(context, 'tableRow', member(rowPath, field), a[field], b[field]);
    }
  }
}

/**
 * The keys rows pair by: a row's number, else its place (`#3`). An old row follows its
 * Question's renumbering (`5/20` → `9/20`) when the new table has a row under the new number,
 * as the heading does; when the new table still says `5/20` (the heading was renumbered, the
 * table not yet), the row pairs with that one, unchanged, rather than being removed and added.
 */
export function rowKeys(
  old: readonly QuestionTableRow[],
  neu: readonly QuestionTableRow[],
  renumbered: ReadonlyMap<string, string>,
): { oldKeys: string[]; newKeys: string[] } {
  const newKeys = neu.map((row, index) => row.newNumber || `#${index}`);
  const numbers = new Set(newKeys);
  const oldKeys = old.map((row, index) => {
    if (!row.newNumber) return `#${index}`;
    const to = renumbered.get(row.newNumber);
    return to !== undefined && numbers.has(to) ? to : row.newNumber;
  });
  return { oldKeys, newKeys };
}

/** A row on one line, its cells joined by ` | `. */
export function rowText(row: QuestionTableRow): string {
  return QUESTION_TABLE_FIELDS.map((field) => row[field]).join(' | ');
}
