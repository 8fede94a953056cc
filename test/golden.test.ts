/**
 * Golden tests: input/008C.txt → fixtures/008C/expected.{json,md,txt}, byte for byte.
 * `npm run golden:update` rewrites the goldens; read their diff before committing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaError } from '../src/model/schema.js';
import { readMarkdown } from '../src/readers/markdown/index.js';
import { readText } from '../src/readers/text/index.js';
import { writeJson } from '../src/writers/json.js';
import { writeMarkdown } from '../src/writers/markdown/index.js';
import { writeText } from '../src/writers/text.js';
import { fromRoot } from './helpers/paths.js';

const UPDATE = process.env.UPDATE_GOLDENS === '1';
const SOURCE = readFileSync(fromRoot('input/008C.txt'));
const model = readText(SOURCE, 'input/008C.txt').value;

const outputs = {
  'expected.json': writeJson(model),
  'expected.md': writeMarkdown(model),
  'expected.txt': writeText(model),
};

describe('golden: 008C', () => {
  for (const [name, actual] of Object.entries(outputs)) {
    it(`${name} matches byte for byte`, () => {
      const path = fromRoot(`fixtures/008C/${name}`);
      if (UPDATE || !existsSync(path)) {
        mkdirSync(fromRoot('fixtures/008C'), { recursive: true });
        writeFileSync(path, actual);
        if (!UPDATE) throw new Error(`${path} was missing and has been written: review it, then run again`);
      }
      expect(actual).toBe(readFileSync(path, 'utf8'));
    });
  }
});

describe('the outputs of 008C', () => {
  it('the JSON validates against the published schema', () => {
    expect(schemaError(JSON.parse(outputs['expected.json']))).toBeUndefined();
  });

  it('no output holds extraction noise', () => {
    for (const text of Object.values(outputs)) {
      expect(text).not.toContain('[bookmark');
      expect(text).not.toContain('[footnoteRef');
      expect(text).not.toContain('_Toc');
      expect(text).not.toContain('_GoBack');
    }
    expect(outputs['expected.txt']).not.toContain('L:\\');
    expect(outputs['expected.txt']).not.toContain('image1.png');
  });

  it('the clean text keeps every character of the source outside the noise, in order', () => {
    const source = SOURCE.toString('utf8')
      .replace(/\n_{5,}\n[\s\S]*$/, '\n') // end matter: the rule, the footer line, the header image
      .replace(/\[bookmark: [^\]]*\]/g, '')
      .replace(/\[footnoteRef:\d+\]/g, '')
      .replace(/\[(\d+):([^\]]*)\]/g, '$2'); // the inlined footnote text stays, its brackets go
    const wanted = [...source.replace(/\s+/g, '')];
    const clean = [...outputs['expected.txt'].replace(/\s+/g, '')];
    let at = 0;
    for (const [index, char] of wanted.entries()) {
      const found = clean.indexOf(char, at);
      if (found < 0) {
        throw new Error(`source character ${index} (${JSON.stringify(wanted.slice(index, index + 20).join(''))}) missing from the clean text`);
      }
      at = found + 1;
    }
    // and nothing much was added: only the footnote marks [1] (twice) beyond the source
    expect(clean.length - wanted.length).toBeLessThanOrEqual(6);
  });

  it('Markdown → model → Markdown is a fixpoint, and gives back the model', () => {
    const again = readMarkdown(outputs['expected.md'], 'expected.md').value;
    expect(again).toEqual(model);
    expect(writeMarkdown(again)).toBe(outputs['expected.md']);
  });

  it('two builds give identical bytes', () => {
    const second = readText(SOURCE, 'input/008C.txt').value;
    expect(writeJson(second)).toBe(outputs['expected.json']);
    expect(writeMarkdown(second)).toBe(outputs['expected.md']);
    expect(writeText(second)).toBe(outputs['expected.txt']);
  });
});
