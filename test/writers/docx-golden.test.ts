/**
 * DOCX goldens: input/008C.txt → fixtures/008C/expected-docx/<part>, the parts a change to the
 * Word output shows in, pretty-printed (test/helpers/pretty-xml.ts) so that a person can read
 * the diff. Byte determinism is tested apart (test/writers/docx.test.ts).
 * `npm run golden:update` rewrites them; read their diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/readers/text/index.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { fromRoot } from '../helpers/paths.js';
import { prettyXml } from '../helpers/pretty-xml.js';

const UPDATE = process.env.UPDATE_GOLDENS === '1';
const PARTS = [
  '[Content_Types].xml',
  'docProps/core.xml',
  'word/_rels/document.xml.rels',
  'word/document.xml',
  'word/footnotes.xml',
  'word/footer1.xml',
  'word/styles.xml',
];

const model = readText(readFileSync(fromRoot('input/008C.txt')), 'input/008C.txt').value;
const parts = unzipSync(await writeDocx(model));

describe('golden: 008C.docx, part by part', () => {
  it('has the parts the goldens cover', () => {
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(PARTS));
  });

  it.each(PARTS)('%s matches', (part) => {
    const actual = prettyXml(strFromU8(parts[part] ?? new Uint8Array()));
    const path = fromRoot(`fixtures/008C/expected-docx/${part}`);
    if (UPDATE || !existsSync(path)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, actual);
      if (!UPDATE) throw new Error(`${path} was missing and has been written: review it, then run again`);
    }
    expect(actual).toBe(readFileSync(path, 'utf8'));
  });
});
