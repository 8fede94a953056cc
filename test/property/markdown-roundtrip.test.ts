/**
 * Model → Markdown → model is the identity (src/writers/markdown.ts, src/readers/markdown.ts),
 * for random valid models (./arbitraries.ts), metadata included: the front matter stores it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { schemaError } from '../../src/model/schema.js';
import { readMarkdown } from '../../src/readers/markdown.js';
import { writeMarkdown } from '../../src/writers/markdown.js';
import { anyMetadata, questionsDocument, runs, timeoutMs } from './arbitraries.js';

describe('Markdown round trip (property)', () => {
  it('gives back every model it writes', () => {
    fc.assert(
      fc.property(questionsDocument(anyMetadata), (model) => {
        expect(schemaError(model)).toBeUndefined();
        const markdown = writeMarkdown(model);
        expect(readMarkdown(markdown, 'p.md').value).toEqual(model);
      }),
      runs(100),
    );
  }, timeoutMs(20_000));
});
