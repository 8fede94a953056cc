/**
 * The diff as JSON: the two editions, the content changes in document order and the metadata
 * differences apart. A change is `{ kind, target, path, label, from?, value?, old?, new?, words? }`:
 * `path` for a machine (its syntax is documented in src/diff/types.ts), `label` the same place as
 * a reader says it (`Question 1/20 (A) – <title> › A.1 目的 › paragraph 1`, src/diff/labels.ts).
 * Keys in that fixed order, two-space indent, a final newline, so that the output can be a
 * golden. No control character is written raw (see escapeC1), so printing it on a terminal is safe.
 */
import type { Change, EditionDiff } from './types.js';
import { jsonForTerminal } from '../model/printable.js';

export function renderJson(diff: EditionDiff): string {
  const out = {
    old: diff.old,
    new: diff.new,
    changes: diff.changes.map(changeJson),
    metadata: diff.metadata.map((change) => ({ field: change.field, old: change.old, new: change.new })),
  };
  // Each run of a word diff on one line: a paragraph's diff stays readable in a golden.
  const runs: string[] = [];
  const json = JSON.stringify(
    out,
    (key, value: unknown) => {
      if (key !== 'words' || !Array.isArray(value)) return value;
      return value.map((run) => {
        runs.push(JSON.stringify(run));
        return `\u0000run:${runs.length - 1}`;
      });
    },
    2,
  );
  return `${jsonForTerminal(json.replace(/"\\u0000run:(\d+)"/gu, (_, index: string) => runs[Number(index)] ?? ''))}\n`;
}

/** The fields a reader of the JSON needs; the model nodes and the grouping hints stay in memory. */
function changeJson(change: Change): Record<string, unknown> {
  return {
    kind: change.kind,
    target: change.target,
    path: change.path,
    label: change.label,
    from: change.from,
    value: change.value,
    old: change.old,
    new: change.new,
    words: change.words,
  };
}
