/**
 * Model → Markdown → model is the identity (src/writers/markdown/index.ts, src/readers/markdown/index.ts),
 * for random valid models (./arbitraries.ts), metadata included: the front matter stores it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaError } from '../../src/model/schema.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { GFM_OPTIONS, STRINGIFY_OPTIONS, toMdast, writeMarkdown } from '../../src/writers/markdown/index.js';
import { anyMetadata, questionsDocument, runs, timeoutMs } from './arbitraries.js';

describe('Markdown round trip (property)', () => {
  it(
    'gives back every model it writes',
    () => {
      fc.assert(
        fc.property(questionsDocument(anyMetadata), (model) => {
          expect(schemaError(model)).toBeUndefined();
          const markdown = writeMarkdown(model);
          expect(readMarkdown(markdown, 'p.md').value).toEqual(model);
        }),
        runs(100),
      );
    },
    timeoutMs(20_000),
  );
});

describe('Markdown writer (property)', () => {
  // writeMarkdown hands each text only the escape patterns of its own characters: the output
  // must be what remark-stringify writes with all of them.
  const plain = unified().use(remarkGfm, GFM_OPTIONS).use(remarkFrontmatter, ['yaml']).use(remarkStringify, STRINGIFY_OPTIONS);
  it(
    'writes what remark-stringify writes with every escape pattern',
    () => {
      fc.assert(
        fc.property(questionsDocument(anyMetadata), (model) => {
          const expected = `${plain.stringify(toMdast(model)).replace(/\n+$/u, '')}\n`;
          expect(writeMarkdown(model)).toBe(expected);
        }),
        runs(100),
      );
    },
    timeoutMs(20_000),
  );
});
