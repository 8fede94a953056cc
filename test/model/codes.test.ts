import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from '../../src/model/codes.js';
import { fromRoot } from '../helpers/paths.js';

/** Every `.ts` file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(fromRoot(dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(`${entry.parentPath}/${entry.name}`, 'utf8'));
}

describe('warning codes', () => {
  it('are unique and dotted', () => {
    expect(new Set(WARNING_CODES).size).toBe(WARNING_CODES.length);
    for (const code of WARNING_CODES) expect(code).toMatch(/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/u);
  });

  it('are each given somewhere in src/ (no code listed that nothing gives)', () => {
    const text = sources('src/').join('\n');
    // Once in the list itself, at least once where it is given.
    const unused = WARNING_CODES.filter((code) => text.split(`'${code}'`).length - 1 < 2);
    expect(unused).toEqual([]);
  });
});
