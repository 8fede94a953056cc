/**
 * Footnotes that a text extraction does not carry (src/diff/uncarried.ts): LibreOffice's text
 * keeps the mark as its number, mammoth's drops it, and neither holds the note.
 */
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/diff/index.js';
import type { Paragraph, QuestionsDocument } from '../../src/model/document.js';
import { sampleModel } from '../helpers/sample-model.js';

/** The sample as a text extraction without footnotes: the mark's paragraph as given. */
function extraction(content: string[], format: 'text' | 'docx' = 'text'): QuestionsDocument {
  const doc = sampleModel();
  doc.metadata.source = { ...doc.metadata.source, format };
  doc.footnotes = [];
  const paragraph = doc.questions[0]!.sections[0]!.blocks[0] as Paragraph;
  paragraph.content = content.map((value) => ({ type: 'text', value }));
  return doc;
}

const listed = (old: QuestionsDocument, neu: QuestionsDocument) => diffEditions(old, neu).changes.map((c) => `${c.kind} ${c.path}`);

describe('footnotes a text does not carry', () => {
  it.each([
    ['the mark kept as its number (LibreOffice)', '对安全、隐私1的影响可能会阻碍其总体市场发展。'],
    ['the mark dropped (mammoth)', '对安全、隐私的影响可能会阻碍其总体市场发展。'],
  ])('%s: no content change, the note named in the metadata', (_, text) => {
    const diff = diffEditions(sampleModel(), extraction([text]));
    expect(diff.changes).toEqual([]);
    expect(diff.metadata).toContainEqual({ field: 'footnotes', old: '[^1]', new: expect.any(String) });
  });

  it('either way round', () => {
    const diff = diffEditions(extraction(['对安全、隐私的影响可能会阻碍其总体市场发展。']), sampleModel());
    expect(diff.changes).toEqual([]);
    expect(diff.metadata).toContainEqual({ field: 'footnotes', old: expect.any(String), new: '[^1]' });
  });

  it('still shows a real change in the paragraph, without the mark', () => {
    const diff = diffEditions(sampleModel(), extraction(['对安全、隐私1的影响可能会妨碍其总体市场发展。']));
    expect(diff.changes.map((c) => [c.kind, c.target, c.words?.filter((w) => w.op !== 'equal')])).toEqual([
      [
        'changed',
        'paragraph',
        [
          { op: 'delete', text: '阻' },
          { op: 'insert', text: '妨' },
        ],
      ],
    ]);
  });

  it('is no excuse for a Word file: a DOCX without the note has it removed', () => {
    expect(listed(sampleModel(), extraction(['对安全、隐私的影响可能会阻碍其总体市场发展。'], 'docx'))).toEqual([
      'changed questions[1/20].sections.motivation.paragraphs[0]',
      'removed footnotes[1]',
    ]);
  });

  it('is no excuse for a text that carries other notes: a note removed from it is a change', () => {
    const neu = extraction(['对安全、隐私的影响可能会阻碍其总体市场发展。']);
    neu.footnotes = [{ id: '2', text: '另一个注' }];
    expect(listed(sampleModel(), neu)).toContain('removed footnotes[1]');
  });
});
