/**
 * Every part of every DOCX tsag writes is well-formed XML, checked by a parser that is not
 * ours: Python's `xml.dom.minidom` (expat), over models full of characters XML 1.0 forbids or
 * discourages, for `tsag build`'s DOCX and for the redline of `tsag diff --format docx`.
 * Skipped, saying so, where no `python3` is installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/diff/index.js';
import { renderDocxRedline } from '../../src/diff/render-docx.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { XML_CHAR_WARNING, xmlCharsIn } from '../../src/writers/characters.js';
import { render, renderAll } from '../../src/writers/index.js';
import { anyMetadata, questionsDocument, runs } from '../property/arbitraries.js';
import { sampleModel } from '../helpers/sample-model.js';

const PYTHON = spawnSync('python3', ['-c', 'import xml.dom.minidom'], { encoding: 'utf8' }).status === 0;
if (!PYTHON) console.warn('test/writers/xml-parts.test.ts: skipped, python3 (with xml.dom.minidom) is not installed');

/** Parses every file named on stdin; prints `path: error` for each that is not well-formed XML. */
const CHECK_XML = `
import sys, xml.dom.minidom
for path in sys.stdin.read().split('\\n'):
    if path:
        try: xml.dom.minidom.parse(path)
        except Exception as e: print(path + ': ' + str(e))
`;

const root = mkdtempSync(join(tmpdir(), 'tsag-xml-parts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Unzips each package into its own folder; the paths of its XML parts. */
function unpack(packages: readonly Uint8Array[], label: string): string[] {
  const paths: string[] = [];
  packages.forEach((bytes, i) => {
    for (const [name, data] of Object.entries(unzipSync(bytes))) {
      if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
      const path = join(root, label, String(i), name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
      paths.push(path);
    }
  });
  return paths;
}

/** The parts Python's parser refuses, with its reason (empty when all parse). */
function notWellFormed(paths: readonly string[]): string[] {
  const run = spawnSync('python3', ['-c', CHECK_XML], { input: paths.join('\n'), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout.split('\n').filter((line) => line !== '');
}

/** Characters no output should hold, and some it must keep (markup characters, a pair, NEL, BOM). */
const HOSTILE = [
  ...Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)),
  '\u007f',
  '\u0080',
  '\u0085',
  '\u009b',
  '\u009f',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ufdd0',
  '\ufffe',
  '\uffff',
  '\u{1fffe}',
  '\u{10ffff}',
  '\u{1f600}',
  '\ufeff',
  '&',
  '<',
  ']]>',
  '"',
  "'",
  '\u202e',
];

/** Fields whose value the model constrains (a footnote id must name a footnote, …): left alone. */
const KEPT = new Set(['type', 'role', 'kind', 'language', 'format', 'sha256', 'encoding', 'lineEndings', 'id', 'fileName']);

/** The model with hostile characters spliced into every free text, at `seed`-chosen places. */
function hostile(doc: QuestionsDocument, seed: number): QuestionsDocument {
  let n = seed;
  const next = (): number => (n = (n * 1103515245 + 12345) % 2147483648);
  const copy = structuredClone(doc);
  const stack: object[] = [copy];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && !KEPT.has(key)) {
        const at = next() % (value.length + 1);
        node[key] = value.slice(0, at) + HOSTILE[next() % HOSTILE.length] + HOSTILE[next() % HOSTILE.length] + value.slice(at);
      } else if (value !== null && typeof value === 'object' && key !== 'source') stack.push(value);
    }
  }
  return copy;
}

/** Every character of every text of the model, hostile or not, once. */
const EVERY_CHARACTER = (doc: QuestionsDocument): QuestionsDocument => {
  const all = HOSTILE.join('');
  const d = structuredClone(doc);
  d.questionsHeading.title += all;
  d.frontMatter.heading.title += all;
  const question = d.questions[0]!;
  question.title += all;
  question.letter += '\u0001';
  question.number += '\ufffe';
  question.continuation = `${question.continuation ?? ''}${all}`;
  const section = question.sections[0]!;
  section.heading += all;
  section.number += '\u0002';
  section.blocks.push({ type: 'paragraph', content: [{ type: 'text', value: `https://x.org/${all}#a${all}` }] });
  if (d.footnotes[0]) d.footnotes[0].text += all;
  d.metadata.footer = { path: `path${all}`, dates: [`date${all}`] };
  return d;
};

function generated(count: number, seed: number): QuestionsDocument[] {
  return fc.sample(questionsDocument(anyMetadata), { numRuns: count, seed }).map((doc, i) => hostile(doc, seed + i));
}

describe.skipIf(!PYTHON)('every DOCX part parses as XML (python3 xml.dom.minidom)', () => {
  it('the sample with every hostile character everywhere, and generated models with them spliced in (build)', async () => {
    const docs = [EVERY_CHARACTER(sampleModel()), ...generated(runs(30).numRuns, 12)];
    const packages: Uint8Array[] = [];
    for (const doc of docs) {
      const { value, warnings } = await render(doc, 'docx');
      // Determinism holds for such models too: the same model, the same bytes.
      expect((await render(doc, 'docx')).value).toEqual(value);
      expect(warnings.length).toBeGreaterThan(0);
      expect(new Set(warnings.map((w) => w.code))).toEqual(new Set([XML_CHAR_WARNING]));
      packages.push(value);
    }
    expect(notWellFormed(unpack(packages, 'build'))).toEqual([]);
    for (const bytes of packages) {
      for (const [name, data] of Object.entries(unzipSync(bytes))) expect(xmlCharsIn(strFromU8(data)), name).toEqual([]);
    }
  }, 60_000);

  it('the redline of a diff between hostile editions', async () => {
    const base = sampleModel();
    const pairs: [QuestionsDocument, QuestionsDocument][] = [
      [base, EVERY_CHARACTER(base)],
      [EVERY_CHARACTER(base), base],
      [hostile(base, 1), hostile(base, 2)],
      ...generated(runs(12).numRuns, 40).map((doc, i): [QuestionsDocument, QuestionsDocument] => [doc, hostile(doc, 99 + i)]),
    ];
    const packages: Uint8Array[] = [];
    for (const [old, neu] of pairs) {
      const { value, warnings } = await renderDocxRedline(diffEditions(old, neu), old, neu, { old: 'old.json', new: 'new.json' });
      expect(warnings.every((w) => w.where.file === 'old.json' || w.where.file === 'new.json')).toBe(true);
      expect(warnings.length).toBeGreaterThan(0);
      expect(new Set(warnings.map((w) => w.code))).toEqual(new Set([XML_CHAR_WARNING]));
      packages.push(value);
    }
    expect(notWellFormed(unpack(packages, 'redline'))).toEqual([]);
    for (const bytes of packages) {
      for (const [name, data] of Object.entries(unzipSync(bytes))) expect(xmlCharsIn(strFromU8(data)), name).toEqual([]);
    }
  }, 60_000);
});

describe('the text outputs hold none of those characters either', () => {
  it('Markdown and text are written from the same clean model, with one warning per place', async () => {
    const doc = EVERY_CHARACTER(sampleModel());
    const { value, warnings } = await renderAll(doc, ['json', 'md', 'txt']);
    const [json, md, txt] = value.map((bytes) => new TextDecoder().decode(bytes));
    expect(xmlCharsIn(md ?? '')).toEqual([]);
    expect(xmlCharsIn(txt ?? '')).toEqual([]);
    // The JSON is the model itself: every character kept, escaped where JSON needs it.
    expect(JSON.parse(json ?? '')).toEqual(JSON.parse(JSON.stringify(doc)));
    // TAB and line breaks are text; NEL is neither forbidden nor discouraged by XML 1.0.
    expect(txt).toContain('\u0085');
    expect(new Set(warnings.map((w) => w.where.section)).size).toBe(warnings.length);
  });

  it('JSON alone drops nothing and warns of nothing', async () => {
    const { warnings } = await render(EVERY_CHARACTER(sampleModel()), 'json');
    expect(warnings).toEqual([]);
  });
});
