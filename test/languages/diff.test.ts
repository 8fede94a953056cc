/**
 * The diff in every language: words are cut by the text's language (Latin words whole, accents
 * and elisions included; Arabic and Cyrillic words by `Intl.Segmenter`), so one word changed
 * in an edition is reported as that one word, and two renditions of one edition compare equal.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffEditions, renderTerminal } from '../../src/diff/index.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readText } from '../../src/readers/text/index.js';
import { fromRoot } from '../helpers/paths.js';

const read = (code: string) => readText(readFileSync(fromRoot(`fixtures/lang-${code}/${code}.txt`)), `${code}.txt`).value;

/** The edition with one word of the first paragraph of Question A's motivation replaced. */
function withWord(doc: QuestionsDocument, from: string, to: string): QuestionsDocument {
  const copy = structuredClone(doc);
  const paragraph = copy.questions[0]!.sections[0]!.blocks[0]!;
  if (paragraph.type !== 'paragraph') throw new Error('no paragraph to edit');
  const at = paragraph.content.findIndex((inline) => inline.type === 'text' && inline.value.includes(from));
  const inline = paragraph.content[at];
  if (inline?.type !== 'text') throw new Error(`no "${from}" in the paragraph`);
  expect(inline.value.split(from)).toHaveLength(2);
  paragraph.content[at] = { type: 'text', value: inline.value.replace(from, to) };
  return copy;
}

describe.each([
  ['fr', 'croissante', 'grandissante'],
  ['fr', "d'eau", "d'air"],
  ['ar', 'الأقل', 'الأضعف'],
  ['ar', 'الريفية', 'النائية'],
  ['ru', 'растущее', 'увеличивающееся'],
  ['es', 'creciente', 'cada'],
  ['en', 'growing', 'rising'],
])('a one-word change in the %s edition (%s → %s)', (code, from, to) => {
  const old = read(code);
  const neu = withWord(old, from, to);
  const diff = diffEditions(old, neu);

  it('is one change, to that paragraph', () => {
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ kind: 'changed', target: 'paragraph', question: old.questions[0]!.number });
  });

  it('whose words are that word deleted and the new one inserted', () => {
    const ops = diff.changes[0]!.words!.filter((op) => op.op !== 'equal');
    expect(ops).toEqual([
      { op: 'delete', text: from },
      { op: 'insert', text: to },
    ]);
  });

  it('shown so in the terminal report', () => {
    expect(renderTerminal(diff, { color: false })).toContain(`[-${from}-]{+${to}+}`);
  });
});

describe('two renditions of one edition', () => {
  it.each(['en', 'fr', 'es', 'ru', 'ar'])('%s: the text extraction and LibreOffice’s DOCX have no content change', async (code) => {
    const docx = await readDocx(readFileSync(fromRoot(`fixtures/lang-${code}/${code}-lo.docx`)), `${code}-lo.docx`);
    const diff = diffEditions(read(code), docx.value);
    expect(diff.changes).toEqual([]);
    expect(diff.metadata.map((m) => m.field)).toContain('source.format');
  });
});
