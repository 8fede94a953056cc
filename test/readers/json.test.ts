import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocument } from '../../src/readers/index.js';
import { MAX_JSON_DEPTH, readJson } from '../../src/readers/json/index.js';
import { scanJson } from '../../src/readers/json/scan.js';
import { sampleModel } from '../helpers/sample-model.js';
import { inputError } from '../helpers/input-error.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const json = (doc: unknown) => bytes(JSON.stringify(doc, null, 2));

/** The sample with every Question holding its four sections, so that it reads without warnings. */
function completeModel(): QuestionsDocument {
  const doc = sampleModel();
  const [first] = doc.questions;
  doc.questions = first ? [first] : [];
  return doc;
}

describe('readJson: duplicate keys (JSON.parse would keep the last silently)', () => {
  it('refuses a second "questions", naming the line and the JSON path', () => {
    const text = JSON.stringify(completeModel(), null, 2).replace(/\n\}$/u, ',\n  "questions": []\n}');
    const error = inputError(() => readJson(bytes(text), 'dup.json'));
    expect(error.file).toBe('dup.json');
    expect(error.where).toBe(`line ${text.split('\n').length - 1}`);
    expect(error.message).toContain('/questions');
    expect(error.describe()).not.toContain('\n');
  });

  it('finds a duplicate deep inside, and one spelled with an escape', () => {
    expect(scanJson('{"a":[{"b":1},{"b":2,"c":{"d":1,"d":2}}]}', 100)).toEqual({
      kind: 'duplicateKey',
      key: 'd',
      path: '/a/1/c/d',
      line: 1,
    });
    expect(scanJson('{"a":1,"\\u0061":2}', 100)).toMatchObject({ kind: 'duplicateKey', key: 'a', path: '/a' });
    // Keys in sibling objects, and strings that look like keys in arrays, are no duplicates.
    expect(scanJson('{"a":{"x":1},"b":{"x":1},"c":["a","a"],"d":"a,\\"a\\":"}', 100)).toBeUndefined();
  });

  it('scans 100 000 keys in one object linearly, without recursion', () => {
    const keys = Array.from({ length: 100_000 }, (_, i) => `"k${i}":${i}`);
    expect(scanJson(`{${keys.join(',')}}`, 100)).toBeUndefined();
    expect(scanJson(`{${keys.join(',')},"k99999":0}`, 100)).toMatchObject({ kind: 'duplicateKey', key: 'k99999' });
  });
});

describe('readJson: nesting', () => {
  it('refuses lists nested 2 000 deep before the schema or a writer recurses', () => {
    const doc = completeModel();
    const section = doc.questions[0]!.sections[0]!;
    interface Item {
      content: never[];
      children: Item[];
    }
    const root: Item = { content: [], children: [] };
    let item = root;
    for (let i = 0; i < 2_000; i++) {
      const child: Item = { content: [], children: [] };
      item.children.push(child);
      item = child;
    }
    section.blocks.push({ type: 'list', items: [root as never] });
    const error = inputError(() => readJson(json(doc), 'deep.json'));
    expect(error.where).toMatch(/^line \d+$/u);
    expect(error.message).toContain(`${MAX_JSON_DEPTH}`);
    expect(error.message).toContain('/questions/0/sections/0/blocks');
  });

  it('refuses a list one level deeper than any reader makes, with its path', () => {
    const doc = completeModel();
    const leaf = () => ({ content: [{ type: 'text' as const, value: 'x' }], children: [] as never[] });
    const root = leaf();
    let item = root;
    for (let level = 2; level <= 10; level++) {
      const child = leaf();
      item.children.push(child as never);
      item = child;
    }
    doc.questions[0]!.sections[0]!.blocks = [{ type: 'list', items: [root] }];
    const error = inputError(() => readJson(json(doc), 'd.json'));
    expect(error.where).toBe(`/questions/0/sections/0/blocks/0/items/0${'/children/0'.repeat(9)}`);
  });
});

describe('readJson: what the schema cannot say', () => {
  it('refuses a language without a language table, at /metadata/language', () => {
    const doc = completeModel();
    doc.metadata.language = 'de';
    const error = inputError(() => readJson(json(doc), 'de.json'));
    expect([error.file, error.where]).toEqual(['de.json', '/metadata/language']);
    expect(error.message).toContain('"de"');
  });

  it('refuses a language that names a member of Object', () => {
    const doc = completeModel();
    doc.metadata.language = 'constructor'.slice(0, 3); // "con": matches the schema's pattern
    expect(inputError(() => readJson(json(doc), 'c.json')).where).toBe('/metadata/language');
  });

  it('refuses a footnote reference with no footnote, at its path', () => {
    const doc = completeModel();
    doc.footnotes = [];
    const error = inputError(() => readJson(json(doc), 'fn.json'));
    expect(error.where).toMatch(/^\/(frontMatter|questions\/0\/sections\/\d+)\/blocks\/\d+\/(content|items\/\d+\/content)\/\d+\/id$/u);
  });

  it('refuses two footnotes with one id', () => {
    const doc = completeModel();
    doc.footnotes.push({ ...doc.footnotes[0]! });
    expect(inputError(() => readJson(json(doc), 'fn.json')).where).toBe(`/footnotes/${doc.footnotes.length - 1}/id`);
  });

  it('reads a complete model without warnings, and warns about a missing section', async () => {
    expect((await readDocument(json(completeModel()), 'ok.json')).warnings).toEqual([]);
    const doc = completeModel();
    doc.questions[0]!.sections = doc.questions[0]!.sections.filter((s) => s.role !== 'tasks');
    const read = readJson(json(doc), 'gap.json');
    expect(read.warnings.map((w) => [w.code, w.where.section])).toEqual([['section.missing', doc.questions[0]!.number]]);
    expect(read.warnings[0]!.message).toContain('tasks');
  });
});

describe('readJson: size in objects', () => {
  it('refuses a JSON of more objects than the limit, before the schema walks it, and reads one at the limit', () => {
    const doc = completeModel();
    const text = JSON.stringify(doc);
    const objects = [...text].filter((c) => c === '{').length;
    expect(readJson(bytes(text), 'at.json', { maxObjects: objects }).value.questions).toHaveLength(1);
    const error = inputError(() => readJson(bytes(text), 'over.json', { maxObjects: objects - 1 }));
    expect([error.file, error.where]).toEqual(['over.json', 'line 1']);
    expect(error.message).toContain(`${(objects - 1).toLocaleString('en-US')} objects`);
  });

  it('counts objects, not braces in strings', () => {
    expect(scanJson(JSON.stringify({ a: '{{{{', b: [{}, {}] }), 64, 3)).toBeUndefined();
    expect(scanJson(JSON.stringify({ a: '{{{{', b: [{}, {}, {}] }), 64, 3)).toMatchObject({ kind: 'objects', limit: 3 });
  });
});
