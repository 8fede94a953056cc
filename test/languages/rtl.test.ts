/**
 * Right to left: the Arabic edition's DOCX marks every paragraph `w:bidi`, every run `w:rtl`
 * and Table 1 `w:bidiVisual`, each where the schema's order puts it; other languages get none
 * of these. Markdown and text keep the logical order of the model: nothing is reordered and
 * no bidi control character is added.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import { writeDocx } from '../../src/writers/docx/index.js';
import { writeMarkdown } from '../../src/writers/markdown/index.js';
import { writeText } from '../../src/writers/text.js';
import { fromRoot } from '../helpers/paths.js';

const model = (code: string) => readText(readFileSync(fromRoot(`fixtures/lang-${code}/${code}.txt`)), `${code}.txt`).value;

async function parts(code: string): Promise<Record<string, string>> {
  const files = unzipSync(await writeDocx(model(code)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

const paragraphs = (xml: string) => xml.match(/<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/gu) ?? [];
const runs = (xml: string) => xml.match(/<w:r(?:\s[^>]*)?>[\s\S]*?<\/w:r>/gu) ?? [];
/** Unicode bidi controls: marks, embeddings, overrides, isolates. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('the Arabic DOCX', () => {
  it('marks every paragraph w:bidi and every run w:rtl, in the body, the footnotes and the footer', async () => {
    const xml = await parts('ar');
    for (const name of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml', 'word/footer1.xml']) {
      const part = xml[name]!;
      expect(paragraphs(part).length).toBeGreaterThan(0);
      for (const p of paragraphs(part)) expect(p).toMatch(/^<w:p(?:\s[^>]*)?><w:pPr>(?:(?!<\/w:pPr>)[\s\S])*<w:bidi\/>/u);
      for (const r of runs(part)) expect(r).toMatch(/^<w:r(?:\s[^>]*)?><w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<w:rtl\/>/u);
    }
    expect(runs(xml['word/document.xml']!).length).toBeGreaterThan(50);
  });

  it("marks Word's separator notes too, so that the line above the notes starts at the right", async () => {
    const xml = await parts('ar');
    expect(xml['word/footnotes.xml']).toContain(
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:bidi/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>',
    );
  });

  it('puts each mark where the schema orders it: w:bidi after w:tabs, w:rtl after w:rStyle', async () => {
    const xml = await parts('ar');
    expect(xml['word/footer1.xml']).toMatch(/<w:pPr><w:pStyle w:val="Footer"\/><w:tabs>(?:<w:tab [^>]*\/>)+<\/w:tabs><w:bidi\/><\/w:pPr>/u);
    expect(xml['word/footnotes.xml']).toContain('<w:rPr><w:rStyle w:val="FootnoteReference"/><w:rtl/></w:rPr><w:footnoteRef/>');
  });

  it('lays Table 1 out right to left', async () => {
    expect((await parts('ar'))['word/document.xml']).toMatch(/<w:tblPr><w:bidiVisual\/><w:tblW /u);
  });

  it('sets the document language and the complex-script language', async () => {
    const xml = await parts('ar');
    expect(xml['docProps/core.xml']).toContain('<dc:language>ar-SA</dc:language>');
    expect(xml['word/styles.xml']).toMatch(/<w:lang w:val="en-GB" w:bidi="ar-SA"\/>/u);
  });

  it('keeps the text in logical order', async () => {
    const xml = (await parts('ar'))['word/document.xml']!;
    expect(xml).toContain('المسألة 1/22 – البنية التحتية الرقمية للزراعة الذكية المستدامة');
    expect(xml).not.toMatch(BIDI_CONTROLS);
  });

  it.each(['en', 'fr'])('%s: no right-to-left mark at all', async (code) => {
    const xml = await parts(code);
    for (const part of Object.values(xml)) expect(part).not.toMatch(/<w:(?:bidi|rtl|bidiVisual)\/>/u);
  });
});

describe('Markdown and text of the Arabic edition', () => {
  const ar = model('ar');
  const markdown = writeMarkdown(ar);
  const text = writeText(ar);

  it('keep the logical order: headings start with the letter and number, texts as in the model', () => {
    expect(markdown).toContain('\n## A المسألة 1/22 – البنية التحتية الرقمية للزراعة الذكية المستدامة\n');
    expect(markdown).toContain('\n### A.1 الدافع\n');
    expect(markdown).toContain('\nالتوصيات:\n\n- التوصيات من السلسلة Y.4000، بما فيها Y.4100/Y.2066 وY.4113 وY.4450\n');
    expect(text).toContain('\nA\tالمسألة 1/22 – البنية التحتية الرقمية للزراعة الذكية المستدامة\n');
    expect(text).toContain('\n–\tما هي متطلبات البنية التحتية المشتركة للمجتمعات الريفية؟\n');
    for (const output of [markdown, text]) expect(output).not.toMatch(BIDI_CONTROLS);
  });

  it('every paragraph of the model is found verbatim in the Markdown', () => {
    for (const question of ar.questions) {
      for (const section of question.sections) {
        for (const block of section.blocks) {
          if (block.type !== 'paragraph') continue;
          const first = block.content[0];
          if (first?.type === 'text') expect(markdown).toContain(first.value.split('(https://')[0]);
        }
      }
    }
  });

  it('the Markdown reads back into the same model', () => {
    expect(readMarkdown(markdown, 'ar.md').value).toEqual(ar);
  });
});
