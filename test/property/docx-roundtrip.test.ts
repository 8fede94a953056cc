/**
 * Model → DOCX → model is the identity (src/writers/docx/index.ts, src/readers/docx/index.ts) for random
 * valid models (./arbitraries.ts), all but `metadata.source` (where a model was read from) and
 * `metadata.images` (the writer has the header image's name, not its bytes: README, "Writing
 * DOCX"). Each run writes and reads a Word file (~50–100 ms), so the runs are few.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { schemaError } from '../../src/model/schema.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { docxMetadata, questionsDocument, runs, timeoutMs } from './arbitraries.js';

function content(doc: QuestionsDocument) {
  const { source: _source, images: _images, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

describe('DOCX round trip (property)', () => {
  it(
    'gives back every model it writes',
    async () => {
      await fc.assert(
        fc.asyncProperty(questionsDocument(docxMetadata), async (model) => {
          expect(schemaError(model)).toBeUndefined();
          const read = await readDocx(await writeDocx(model), 'p.docx');
          expect(content(read.value)).toEqual(content(model));
        }),
        runs(30),
      );
    },
    timeoutMs(60_000),
  );
});
