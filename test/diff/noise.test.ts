/**
 * Noise never shows: two models of one edition, whatever they were read from and whatever
 * extraction noise their sources carried, give no content change; their differences of source
 * (file, format, sha256, encoding, line endings) are metadata, reported apart.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffEditions, hasContentChanges } from '../../src/diff/index.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocument } from '../../src/readers/index.js';
import { readJson } from '../../src/readers/json/index.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import { writeJson } from '../../src/writers/json.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { fromRoot, SHARED } from '../helpers/paths.js';
import { sampleModel } from '../helpers/sample-model.js';

const SOURCE = readFileSync(fromRoot('input/008C.txt'), 'utf8');
const text = readText(Buffer.from(SOURCE), 'input/008C.txt').value;
/** The DOCX of the same edition: in ../shared/input beside the checkout (input/ holds only the text). */
const DOCX = [fromRoot('input/008C.docx'), `${SHARED}input/008C.docx`].find((path) => existsSync(path));

function read(source: string, file: string): QuestionsDocument {
  return readText(Buffer.from(source), file).value;
}

function expectNoContentChange(old: QuestionsDocument, neu: QuestionsDocument): void {
  const diff = diffEditions(old, neu);
  expect(diff.changes).toEqual([]);
  expect(hasContentChanges(diff)).toBe(false);
}

describe('diff(A, A) is empty', () => {
  it('for A read from text', () => {
    const diff = diffEditions(text, text);
    expect(diff.changes).toEqual([]);
    expect(diff.metadata).toEqual([]);
  });

  it('for A written as JSON and read back', () => {
    const json = readJson(new TextEncoder().encode(writeJson(text)), '008C.json').value;
    expectNoContentChange(json, json);
    expectNoContentChange(text, json);
  });

  it('for A written as Markdown and read back', () => {
    const markdown = readMarkdown(writeMarkdown(text), '008C.md').value;
    expectNoContentChange(markdown, markdown);
    expectNoContentChange(text, markdown);
  });

  it('for the hand-made sample model', () => {
    expectNoContentChange(sampleModel(), sampleModel());
  });
});

describe.runIf(DOCX)('008C.docx against 008C.txt', () => {
  it('readDocument of both gives no content change, and the source as metadata', async () => {
    const docx = (await readDocument(readFileSync(DOCX as string), DOCX as string)).value;
    const txt = (await readDocument(Buffer.from(SOURCE), 'input/008C.txt')).value;
    expectNoContentChange(docx, docx);
    const diff = diffEditions(txt, docx);
    expect(diff.changes).toEqual([]);
    expect(diff.metadata.map((change) => change.field)).toEqual([
      'source.fileName',
      'source.format',
      'source.sha256',
      'source.encoding',
      'source.lineEndings',
    ]);
  });
});

describe('extraction noise gives no change', () => {
  it('every bookmark renamed', () => {
    const renamed = SOURCE.replace(/\[bookmark: ([_A-Za-z]+)/gu, '[bookmark: $1Renamed');
    expect(renamed).not.toBe(SOURCE);
    expectNoContentChange(text, read(renamed, 'renamed.txt'));
  });

  it('bookmarks added and removed', () => {
    const moved = SOURCE.replace(/\[bookmark: [^\]]*\]/gu, '').replace(/^(–\t)/gmu, '$1[bookmark: _Hlk1]');
    expectNoContentChange(text, read(moved, 'moved.txt'));
  });

  it('trailing spaces and tabs added or removed', () => {
    const lines = SOURCE.split('\n');
    // Only lines with text: a blank line given a TAB would start with one, which makes it a table cell.
    const spaced = lines.map((line, index) => {
      if (line.trim() === '') return line;
      return index % 3 === 0 ? `${line}  ` : index % 3 === 1 ? `${line}\t` : line.trimEnd();
    });
    expectNoContentChange(text, read(spaced.join('\n'), 'spaced.txt'));
  });

  it('CRLF line endings, with the line endings as metadata', () => {
    const crlf = read(SOURCE.replace(/\n/gu, '\r\n'), 'crlf.txt');
    const diff = diffEditions(text, crlf);
    expect(diff.changes).toEqual([]);
    expect(diff.metadata).toContainEqual({ field: 'source.lineEndings', old: 'lf', new: 'crlf' });
  });

  it('a UTF-8 byte order mark', () => {
    const bom = readText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SOURCE)]), 'bom.txt').value;
    expectNoContentChange(text, bom);
  });

  it('text runs split differently, leading and trailing spaces, other whitespace inside', () => {
    const old = sampleModel();
    const neu = sampleModel();
    const section = neu.questions[0]?.sections[1];
    const list = section?.blocks[1];
    if (list?.type !== 'list' || !list.items[1]) throw new Error('sample model changed');
    list.items[1].content = [
      { type: 'text', value: ' 如何提供' },
      { type: 'text', value: '数据互操作性？ ' },
    ];
    const relationships = neu.questions[0]?.sections[3]?.blocks[3];
    if (relationships?.type !== 'relationshipGroup') throw new Error('sample model changed');
    relationships.items = ['3GPP', 'ISO/IEC\tJTC  1/SC 41'];
    expectNoContentChange(old, neu);
  });
});

describe('metadata is never content', () => {
  it('source, document reference, footer and images differ: no content change, all reported apart', () => {
    const neu = sampleModel();
    neu.metadata = {
      language: 'zh',
      source: { fileName: 'other.docx', format: 'docx', sha256: 'f'.repeat(64) },
      documentReference: 'OTHER.DOCX',
      footer: { path: 'C:\\OTHER.DOCX', dates: ['01.01.22'] },
      images: [],
    };
    const diff = diffEditions(sampleModel(), neu);
    expect(diff.changes).toEqual([]);
    expect(diff.metadata.map((change) => change.field)).toEqual([
      'source.fileName',
      'source.format',
      'source.sha256',
      'source.encoding',
      'source.lineEndings',
      'documentReference',
      'footer.path',
      'footer.dates',
      'images',
    ]);
    expect(diff.metadata.find((change) => change.field === 'images')).toEqual({ field: 'images', old: 'image1.png' });
  });
});
