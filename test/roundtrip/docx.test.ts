/**
 * Model → our DOCX writer → our DOCX reader gives the same model back (all but metadata.source,
 * which says where a model was read from). Covers 008C and small hand-made edge cases.
 */
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readText } from '../../src/readers/text/index.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { fromRoot } from '../helpers/paths.js';
import { sampleModel } from '../helpers/sample-model.js';

// The writer has the header image's name, not its bytes, so it writes no header image: a DOCX
// written by tsag reads back with `images: []` (README, "Writing DOCX").
function content(doc: QuestionsDocument) {
  const { source: _source, images: _images, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

async function roundTrip(doc: QuestionsDocument) {
  const bytes = await writeDocx(doc);
  const read = await readDocx(bytes, 'roundtrip.docx');
  return { bytes, read };
}

const text = (value: string) => ({ type: 'text' as const, value });

describe('DOCX round trip', () => {
  it('gives back the 008C model read from the text extraction', async () => {
    const model = readText(readFileSync(fromRoot('input/008C.txt')), 'input/008C.txt').value;
    const { read } = await roundTrip(model);
    expect(content(read.value)).toEqual(content(model));
    expect(read.warnings).toEqual([]);
    expect(read.value.metadata.source.format).toBe('docx');
  });

  it('gives back the sample model: empty section, no continuation note, footnote, URL', async () => {
    const model = sampleModel();
    expect(model.questions.some((q) => q.continuation === undefined)).toBe(true);
    expect(model.questions.some((q) => q.sections.some((s) => s.blocks.length === 0))).toBe(true);
    const { read } = await roundTrip(model);
    expect(content(read.value)).toEqual(content(model));
  });

  it('keeps several footnotes, in order, and a list item holding a URL', async () => {
    const model = sampleModel();
    const motivation = model.questions[0]!.sections[0]!;
    motivation.blocks.push(
      { type: 'paragraph', content: [text('第二个脚注'), { type: 'footnoteReference', id: '2' }, text('在此。')] },
      {
        type: 'list',
        items: [{ content: [text('见 https://www.itu.int/ITU-T/workprog/ 和'), { type: 'footnoteReference', id: '3' }], children: [] }],
      },
    );
    model.footnotes.push({ id: '2', text: 'Second note, with Latin text.' }, { id: '3', text: '第三个脚注' });
    const { bytes, read } = await roundTrip(model);
    expect(content(read.value)).toEqual(content(model));
    const parts = unzipSync(bytes);
    const documentXml = new TextDecoder().decode(parts['word/document.xml']);
    expect(documentXml).toContain('<w:hyperlink');
    expect(new TextDecoder().decode(parts['word/footnotes.xml'])).toContain('第三个脚注');
  });

  it('writes no bookmark but the Question bookmarks', async () => {
    const model = readText(readFileSync(fromRoot('input/008C.txt')), 'input/008C.txt').value;
    const documentXml = new TextDecoder().decode(unzipSync(await writeDocx(model))['word/document.xml']);
    const names = [...documentXml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(['Q1_20', 'Q2_20', 'Q3_20', 'Q4_20', 'Q5_20', 'Q6_20', 'Q7_20']);
    expect(documentXml).not.toContain('_Toc');
    expect(documentXml).not.toContain('_GoBack');
  });
});
