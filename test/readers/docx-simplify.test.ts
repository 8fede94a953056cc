import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { readBody, type MammothDocument } from '../../src/readers/docx/body.js';
import { DEFAULT_DOCX_LIMITS, inspectPackage, repack, type ScreenedPackage } from '../../src/readers/docx/guards.js';
import { simplifyContentParts, simplifyContentXml } from '../../src/readers/docx/simplify.js';
import { fromRoot, SHARED } from '../helpers/paths.js';

const run = (text: string, properties = ''): string => `<w:r>${properties}<w:t>${text}</w:t></w:r>`;
const BOLD = '<w:rPr><w:b/></w:rPr>';

describe('simplifyContentXml', () => {
  it('joins runs side by side that hold only text and tabs, and their texts, without their formatting', () => {
    expect(simplifyContentXml(`<w:p>${run('第')}${run('20')}${run('研究组')}</w:p>`)).toBe(
      '<w:p><w:r><w:t xml:space="preserve">第20研究组</w:t></w:r></w:p>',
    );
    const CJK = '<w:rPr><w:rFonts w:hint="eastAsia"/><w:lang w:eastAsia="zh-CN"/></w:rPr>';
    expect(simplifyContentXml(`<w:p>${run('a', BOLD)}<w:r>${CJK}<w:tab/><w:t xml:space="preserve"> 物</w:t></w:r></w:p>`)).toBe(
      '<w:p><w:r><w:t xml:space="preserve">a</w:t><w:tab/><w:t xml:space="preserve"> 物</w:t></w:r></w:p>',
    );
  });

  it('keeps runs apart when something stands between them, and other runs as they are', () => {
    const apart = [
      `<w:p>${run('a')}<w:hyperlink r:id="rId1">${run('b')}</w:hyperlink>${run('c')}</w:p>`,
      `<w:p>${run('a')}<w:r>${BOLD}<w:footnoteReference w:id="1"/></w:r>${run('b')}</w:p>`,
      `<w:p>${run('a')}<w:r><w:br/></w:r>${run('b')}</w:p>`,
      `<w:p>${run('a')}</w:p><w:p>${run('b')}</w:p>`,
      `<w:p>${run('a')}<w:ins w:id="1" w:author="x">${run('b')}</w:ins></w:p>`,
    ];
    for (const xml of apart) {
      const runs = (simplifyContentXml(xml).match(/<w:r>/g) ?? []).length;
      expect(runs, xml).toBe((xml.match(/<w:r>/g) ?? []).length);
    }
    // A run that holds more than text keeps its properties.
    expect(simplifyContentXml(`<w:p><w:r>${BOLD}<w:footnoteReference w:id="1"/></w:r></w:p>`)).toContain(BOLD);
  });

  it('drops revision ids from tags, never from text, then spell-check marks and bookmarks between runs', () => {
    const xml =
      '<w:p w:rsidR="00A1" w:rsidRDefault=\'00B2\'><w:bookmarkStart w:id="0" w:name="_Toc1"/>' +
      '<w:r w:rsidRPr="00C3"><w:t>w:rsidR="kept" </w:t></w:r><w:proofErr w:type="spellStart"/>' +
      '<w:r><w:lastRenderedPageBreak/><w:t>b</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>';
    expect(simplifyContentXml(xml)).toBe('<w:p><w:r><w:t xml:space="preserve">w:rsidR="kept" b</w:t></w:r></w:p>');
    // An attribute's value is never taken for an attribute.
    expect(simplifyContentXml(`<w:p w:x=' w:rsidR="1"' w:rsidP="2"/>`)).toBe(`<w:p w:x=' w:rsidR="1"'/>`);
  });

  it('leaves a part with a comment or a CDATA section as it is', () => {
    for (const extra of ['<!-- a > b -->', '<![CDATA[<w:r>]]>']) {
      const xml = `<w:p>${run('a')}${extra}${run('b')}</w:p>`;
      expect(simplifyContentXml(xml)).toBe(xml);
    }
  });
});

/** What readBody gets from mammoth for a screened package. */
async function bodyOf(screened: ScreenedPackage): Promise<unknown> {
  let document: MammothDocument | undefined;
  await mammoth.convertToHtml(
    { buffer: Buffer.from(repack(screened)) },
    {
      transformDocument: (element: unknown) => {
        document = element as MammothDocument;
        return { ...document, children: [] };
      },
    },
  );
  if (!document) throw new Error('mammoth gave no document');
  const { lines, footnotes } = readBody(document, { file: 'x', section: screened.mainPart });
  return { lines, footnotes };
}

/** Compares the bodies mammoth reads; says whether it could (a refused or unreadable file has nothing to compare). */
async function sameBody(path: string): Promise<'compared' | 'refused' | 'unreadable'> {
  let screened: ScreenedPackage;
  try {
    screened = inspectPackage(readFileSync(path), path, DEFAULT_DOCX_LIMITS);
  } catch {
    return 'refused'; // refused by the screen: mammoth never sees it
  }
  let original: unknown;
  try {
    original = await bodyOf(screened);
  } catch {
    return 'unreadable'; // mammoth cannot read it either way
  }
  const simplified = await bodyOf({ ...screened, parts: simplifyContentParts(screened) });
  expect(simplified, relative(SHARED, path)).toEqual(original);
  return 'compared';
}

function docxFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.toLowerCase().endsWith('.docx'))
    .map((name) => join(dir, name))
    .sort();
}

const CORPUS = join(SHARED, 'corpus');
// Corpus files with what simplification touches: editing sessions, spell-check marks, bookmarks,
// fields, hyperlinks, tracked changes, notes. TSAG_SIMPLIFY_ALL=1 checks every corpus file.
const CHOSEN = /(?:footnote|endnote|hyperlink|bookmark|field|tracked|comment|tab|underline|strike|simple-list|sample|test)/i;

describe('mammoth reads the simplified package as the original', () => {
  const fixtures = [fromRoot('input/008C.docx'), ...['en', 'fr', 'es', 'ru', 'ar'].map((c) => fromRoot(`fixtures/lang-${c}/${c}-lo.docx`))];
  it.each(fixtures)('%s', async (path) => {
    expect(await sameBody(path)).toBe('compared');
  });

  const corpus = existsSync(CORPUS) ? docxFiles(CORPUS).filter((path) => statSync(path).size < 2_000_000) : [];
  const chosen = process.env['TSAG_SIMPLIFY_ALL'] === '1' ? corpus : corpus.filter((path) => CHOSEN.test(path));
  it.skipIf(chosen.length === 0)(
    `corpus: ${chosen.length} files`,
    async () => {
      const outcomes: string[] = [];
      for (const path of chosen) outcomes.push(await sameBody(path));
      // Most chosen files are ordinary Word files: a run that compares none checked nothing.
      expect(outcomes.filter((outcome) => outcome === 'compared').length).toBeGreaterThan(chosen.length / 2);
    },
    600_000,
  );
});
