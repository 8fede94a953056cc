/**
 * Model → HTML → model is the identity (src/writers/html/index.ts, src/readers/html/index.ts) for
 * random valid models (./arbitraries.ts), all but `metadata.source` (where a model was read
 * from). The footer and the header images come back from the page's `<meta>` elements.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { schemaError } from '../../src/model/schema.js';
import { readHtml } from '../../src/readers/html/index.js';
import { writeHtml } from '../../src/writers/html/index.js';
import { docxMetadata, questionsDocument, runs, timeoutMs } from './arbitraries.js';

function content(doc: QuestionsDocument) {
  const { source: _source, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

describe('HTML round trip (property)', () => {
  it(
    'gives back every model it writes',
    () => {
      fc.assert(
        fc.property(questionsDocument(docxMetadata), (model) => {
          expect(schemaError(model)).toBeUndefined();
          const read = readHtml(new TextEncoder().encode(writeHtml(model)), 'p.html');
          expect(content(read.value)).toEqual(content(model));
        }),
        runs(30),
      );
    },
    timeoutMs(60_000),
  );
});
