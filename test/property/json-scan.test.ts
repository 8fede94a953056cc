import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJson } from '../../src/readers/json/scan.js';
import { runs } from './runs.js';

/** Nesting depth of a parsed JSON value, counting objects and arrays (the scan's measure). */
function depthOf(value: unknown): number {
  let deepest = 0;
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const depth = next.depth + 1;
    deepest = Math.max(deepest, depth);
    for (const child of Object.values(next.value)) pending.push({ value: child, depth });
  }
  return deepest;
}

const indent = fc.constantFrom(undefined, 0, 2, '\t');

describe('scanJson (property)', () => {
  it('finds no duplicate in what JSON.stringify writes, and measures its depth exactly', () => {
    fc.assert(
      fc.property(fc.jsonValue(), indent, (value, space) => {
        const text = JSON.stringify(value, null, space);
        const depth = depthOf(value);
        expect(scanJson(text, depth)).toBeUndefined();
        if (depth > 0) expect(scanJson(text, depth - 1)).toMatchObject({ kind: 'depth', depth });
      }),
      runs(300),
    );
  });

  it('finds a key written twice into any object, whatever it holds', () => {
    const withKey = fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1 });
    fc.assert(
      fc.property(withKey, fc.jsonValue(), indent, (object, again, space) => {
        const [key] = Object.keys(object) as [string];
        const text = JSON.stringify(object, null, space);
        // A second member with the first member's key, added at the end of the object.
        const doubled = `${text.slice(0, text.lastIndexOf('}'))},${JSON.stringify(key)}:${JSON.stringify(again)}}`;
        expect(scanJson(doubled, 1_000)).toMatchObject({ kind: 'duplicateKey', key });
      }),
      runs(300),
    );
  });
});
