/**
 * Golden: `tsag check 008C.txt` (text and JSON) → fixtures/008C/expected-check.{txt,json}.
 * `UPDATE_GOLDENS=1 npx vitest run test/check/golden.test.ts` rewrites them; read their diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRead, renderFindingsJson, renderFindingsText } from '../../src/check/index.js';
import { readText } from '../../src/readers/text/index.js';
import { fromRoot } from '../helpers/paths.js';

const UPDATE = process.env.UPDATE_GOLDENS === '1';
const findings = checkRead(readText(readFileSync(fromRoot('input/008C.txt')), '008C.txt'));
const outputs = {
  'expected-check.txt': renderFindingsText(findings, 'warning'),
  'expected-check.json': renderFindingsJson(findings, 'warning'),
};

describe('golden: tsag check 008C.txt', () => {
  for (const [name, actual] of Object.entries(outputs)) {
    it(`${name} matches byte for byte`, () => {
      const path = fromRoot(`fixtures/008C/${name}`);
      if (UPDATE || !existsSync(path)) {
        writeFileSync(path, actual);
        if (!UPDATE) throw new Error(`${path} was missing and has been written: review it, then run again`);
      }
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }
});
