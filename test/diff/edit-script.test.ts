/**
 * The O(ND) core (src/diff/lcs.ts on jsdiff) against the dynamic programme it replaced: on
 * small random inputs it finds a longest common subsequence as long as the table's, its script
 * rebuilds both sequences, and a bound reached gives a coarse script that still does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editRuns, editScript, type EditBound, type EditOp } from '../../src/diff/lcs.js';
import { textTokens, wordDiff, type WordOp } from '../../src/diff/words.js';
import { textContent } from '../../src/model/inline.js';

/** The LCS length by the full table, as src/diff/lcs.ts computed it before jsdiff. */
function tableLcs<T>(a: readonly T[], b: readonly T[]): number {
  const row = (): number[] => new Array<number>(b.length + 1).fill(0);
  let next = row();
  for (let i = a.length - 1; i >= 0; i--) {
    const here = row();
    for (let j = b.length - 1; j >= 0; j--) {
      here[j] = a[i] === b[j] ? (next[j + 1] ?? 0) + 1 : Math.max(next[j] ?? 0, here[j + 1] ?? 0);
    }
    next = here;
  }
  return next[0] ?? 0;
}

/** The two sequences an edit script spells: old from its equal and deleted steps, new from its equal and inserted ones. */
function rebuild<T>(a: readonly T[], b: readonly T[], ops: readonly EditOp[]): { old: T[]; neu: T[] } {
  const old: T[] = [];
  const neu: T[] = [];
  for (const op of ops) {
    if (op.op === 'equal') {
      expect(a[op.a]).toBe(b[op.b]);
      old.push(a[op.a] as T);
      neu.push(b[op.b] as T);
    } else if (op.op === 'delete') old.push(a[op.a] as T);
    else neu.push(b[op.b] as T);
  }
  return { old, neu };
}

/** In every gap between two equal steps, the deletions come first. */
function deletionsFirst(ops: readonly EditOp[]): boolean {
  return ops.every((op, i) => !(op.op === 'delete' && ops[i - 1]?.op === 'insert'));
}

const sequence = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 });

describe('editScript on the O(ND) core', () => {
  it('property: as long a common subsequence as the full table, a script that rebuilds both sides', () => {
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const ops = editScript(a, b);
        expect(rebuild(a, b, ops)).toEqual({ old: a, neu: b });
        expect(ops.filter((op) => op.op === 'equal').length).toBe(tableLcs(a, b));
        expect(deletionsFirst(ops)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('property: with the bound reached, the script is coarse but still rebuilds both sides', () => {
    const tight: EditBound = { maxEdits: 2, maxComparisons: 10 };
    fc.assert(
      fc.property(sequence, sequence, (a, b) => {
        const ops = editScript(a, b, Object.is, tight);
        expect(rebuild(a, b, ops)).toEqual({ old: a, neu: b });
        expect(deletionsFirst(ops)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('past the bound, the middle between the common prefix and suffix is one replacement', () => {
    const a = [...'keep-abcdefgh-keep'];
    const b = [...'keep-hgfedcba-keep'];
    const runs = editRuns(a, b, Object.is, { maxEdits: 3, maxComparisons: 1000 });
    expect(runs).toEqual([
      { op: 'equal', a: 0, b: 0, count: 5 },
      { op: 'delete', a: 5, b: 5, count: 8 },
      { op: 'insert', a: 13, b: 5, count: 8 },
      { op: 'equal', a: 13, b: 13, count: 5 },
    ]);
  });

  it('a long sequence with a few edits is exact, far beyond what a table could hold', () => {
    const a = Array.from({ length: 200_000 }, (_, i) => i % 997);
    const b = [...a];
    for (const at of [5, 50_000, 123_456, 199_990]) b[at] = -1;
    const runs = editRuns(a, b);
    expect(runs.filter((run) => run.op !== 'equal').map((run) => [run.op, run.a, run.b, run.count])).toEqual([
      ['delete', 5, 5, 1],
      ['insert', 6, 5, 1],
      ['delete', 50_000, 50_000, 1],
      ['insert', 50_001, 50_000, 1],
      ['delete', 123_456, 123_456, 1],
      ['insert', 123_457, 123_456, 1],
      ['delete', 199_990, 199_990, 1],
      ['insert', 199_991, 199_990, 1],
    ]);
  });
});

/** The texts a word diff spells: the old one from equal and deleted runs, the new one from equal and inserted runs. */
function sides(words: readonly WordOp[]): { old: string; neu: string } {
  return {
    old: words.flatMap((w) => (w.op === 'insert' ? [] : [w.text])).join(''),
    neu: words.flatMap((w) => (w.op === 'delete' ? [] : [w.text])).join(''),
  };
}

describe('wordDiff', () => {
  // Single spaces only: the diff writes an equal whitespace run as the new edition has it.
  const text = fc
    .array(fc.constantFrom('物', '联', '网', 'IoT', 'city', ' ', '，', 'Y.4100'), { maxLength: 30 })
    .map((parts) => parts.join('').replace(/ +/gu, ' ').trim());

  const typeset = (value: string) =>
    value.replace(/(?<=\p{Script=Han}) +(?=[\p{Script=Latin}\p{Nd}])|(?<=[\p{Script=Latin}\p{Nd}]) +(?=\p{Script=Han})/gu, '');

  // Spaces beside anything but a Latin letter or digit: an equal run shows the new edition's
  // spacing, and the space before a Latin word that followed a CJK character in the new text
  // comes back beside whatever the old text had there (fast-check found "，Y.4100" / "物 Y.4100").
  const besideCjk = (value: string) =>
    value
      .replace(/ +(?=[^\p{Script=Latin}\p{Nd} ])|(?<=[^\p{Script=Latin}\p{Nd} ]) +/gu, '')
      .replace(/ +/gu, ' ')
      .trim();

  it('property: applying the diff to the old text gives the new one, and it is empty only for equal texts', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const words = wordDiff(textTokens(textContent(a), 'zh'), textTokens(textContent(b), 'zh'));
        // A space between a CJK character and a Latin word is typography: not compared, and
        // equal runs show the new edition's, so the old text comes back up to spaces beside CJK.
        if (typeset(a) === typeset(b)) expect(words).toBeUndefined();
        else {
          const back = sides(words ?? []);
          expect(back.neu).toBe(b);
          expect(besideCjk(back.old)).toBe(besideCjk(a));
        }
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['，Y.4100city', '物 Y.4100city'],
    ['， IoT', '物 IoT'],
  ])('gives the old text back beside a replaced CJK character (fast-check found %j → %j)', (a, b) => {
    const back = sides(wordDiff(textTokens(textContent(a), 'zh'), textTokens(textContent(b), 'zh')) ?? []);
    expect(back.neu).toBe(b);
    expect(besideCjk(back.old)).toBe(besideCjk(a));
  });
});
