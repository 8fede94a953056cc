import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { escapeXml, hyperlinkTarget } from '../../src/writers/docx/emit.js';
import { fromRoot } from '../helpers/paths.js';
import { anyMetadata, questionsDocument, runs, timeoutMs } from '../property/arbitraries.js';
import { sampleModel } from '../helpers/sample-model.js';

/**
 * writeDocx writes the layout as text (src/writers/docx/emit.ts) into a package whose other
 * parts `docx` writes (src/writers/docx/package.ts): every XML part must be well-formed, and
 * the same model must give the same bytes.
 */
function wellFormed(bytes: Uint8Array): void {
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('.xml') && !name.endsWith('.rels')) continue;
    const errors: string[] = [];
    const fail = (message: unknown) => void errors.push(`${name}: ${String(message)}`);
    new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(strFromU8(data), 'application/xml');
    expect(errors).toEqual([]);
  }
}

function fixture(name: string): QuestionsDocument {
  return JSON.parse(readFileSync(fromRoot(`fixtures/${name}/expected.json`), 'utf8')) as QuestionsDocument;
}

function withoutFooter(doc: QuestionsDocument): QuestionsDocument {
  const { footer: _, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

/** Links in a footnote, a table cell and the caption; markup characters and a C0 control in text. */
function awkward(): QuestionsDocument {
  const doc = sampleModel();
  doc.questionsHeading.title = 'Wording <of> "the" Questions & \'more\'';
  doc.footnotes[0]!.text = 'See https://www.itu.int/en/ITU-T/about/Pages/default.aspx and <b>&amp;</b>.';
  const block = doc.frontMatter.blocks.find((b) => b.type === 'questionTable');
  if (block?.type !== 'questionTable') throw new Error('the sample model has no Table 1');
  block.caption = 'Table 1 – https://www.itu.int/md/T17-TSAG-R/en';
  block.rows[0]!.previousTitle = 'a\u0007b https://example.org/x?a=1&b=2';
  // A fragment goes to w:anchor; an empty one, or one over 255 characters, stays in the target.
  block.rows[1]!.currentTitle = `see https://www.itu.int/en/ITU-T/Pages/a.aspx#top and https://x.org/# and https://x.org/#${'f'.repeat(256)}`;
  return doc;
}

const CASES: [string, () => QuestionsDocument][] = [
  ['008C', () => fixture('008C')],
  ['the sample model', sampleModel],
  ['the sample model without a footer', () => withoutFooter(sampleModel())],
  ['the sample model with an empty title', () => ({ ...sampleModel(), questionsHeading: { number: '2', title: '' } })],
  ['links in a footnote and Table 1, markup characters, a control character', awkward],
  ...['en', 'fr', 'es', 'ru', 'ar'].map((code): [string, () => QuestionsDocument] => [`lang-${code}`, () => fixture(`lang-${code}`)]),
  ['sg-many (28 Questions)', () => fixture('sg-many')],
];

describe('writeDocx writes a well-formed, deterministic package', () => {
  it.each(CASES)('%s', async (_, make) => {
    const doc = make();
    const written = await writeDocx(doc);
    wellFormed(written);
    expect(Buffer.from(await writeDocx(make())).equals(Buffer.from(written))).toBe(true);
  });

  it('keeps each document its own title, footer and links when one process writes several', async () => {
    const first = awkward();
    const second = sampleModel();
    second.questionsHeading.title = 'Second';
    second.metadata.footer = { path: 'L:\\OTHER.DOCX', dates: ['01.02.03'] };
    await writeDocx(first);
    const parts = unzipSync(await writeDocx(second));
    const core = strFromU8(parts['docProps/core.xml']!);
    expect(core).toContain('<dc:title>Second</dc:title>');
    expect(strFromU8(parts['word/footer1.xml']!)).toContain('L:\\OTHER.DOCX</w:t><w:tab/><w:t xml:space="preserve">01.02.03');
    expect(strFromU8(parts['word/_rels/footnotes.xml.rels']!)).not.toContain('Relationship Id');
    expect(strFromU8(parts['word/footnotes.xml']!)).not.toContain('default.aspx');
  });
});

describe('writeDocx writes a well-formed, deterministic package (property)', () => {
  it(
    'for random valid models',
    async () => {
      await fc.assert(
        fc.asyncProperty(questionsDocument(anyMetadata), async (model) => {
          const written = await writeDocx(model);
          wellFormed(written);
          expect(Buffer.from(await writeDocx(model)).equals(Buffer.from(written))).toBe(true);
        }),
        runs(40),
      );
    },
    timeoutMs(60_000),
  );
});

describe('links with a fragment', () => {
  it('are written with w:anchor, as Word writes them', async () => {
    const parts = unzipSync(await writeDocx(awkward()));
    expect(strFromU8(parts['word/document.xml']!)).toContain('<w:hyperlink w:history="1" w:anchor="top" r:id="rId');
    expect(strFromU8(parts['word/_rels/document.xml.rels']!)).toContain('Target="https://www.itu.int/en/ITU-T/Pages/a.aspx"');
  });
});

describe('hyperlinkTarget', () => {
  it('keeps a fragment of 1 to 255 characters apart, as Word does', () => {
    expect(hyperlinkTarget('https://x.org/a#b#c')).toEqual({ target: 'https://x.org/a', anchor: 'b#c' });
    expect(hyperlinkTarget('https://x.org/a')).toEqual({ target: 'https://x.org/a' });
    expect(hyperlinkTarget('https://x.org/a#')).toEqual({ target: 'https://x.org/a#' });
    expect(hyperlinkTarget(`https://x.org/a#${'f'.repeat(256)}`)).toEqual({ target: `https://x.org/a#${'f'.repeat(256)}` });
  });
});

describe('escape', () => {
  it('writes the five entities and drops C0 controls other than tab and line breaks', () => {
    expect(escapeXml(`<a href="x">&'\u0000\u0008\u000b\u001f\t\n\r</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;\t\n\r&lt;/a&gt;');
  });
});
