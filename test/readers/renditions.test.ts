/**
 * The renditions of 008C that real tools make (`../shared/renditions/008C/`, made by
 * `../shared/renditions/make.sh`): each reads as the model read from `008C.docx`. Compared as
 * `tsag diff` compares: the content (front matter with Table 1, Questions, footnotes), not the
 * metadata that says where the model came from. Skipped, saying so, when the folder is absent.
 * Then the same for the renditions of the five fixture editions (`fixtures/renditions/`), made
 * by the same script: English, French, Spanish, Russian and Arabic texts of another study group.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffEditions } from '../../src/diff/index.js';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readHtml } from '../../src/readers/html/index.js';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import { ROOT, SHARED } from '../helpers/paths.js';

const DIR = `${SHARED}renditions/008C/`;
const DOCX = `${SHARED}input/008C.docx`;

interface Rendition {
  file: string;
  read: (bytes: Buffer, file: string) => QuestionsDocument;
  /**
   * The extraction drops footnote texts (LibreOffice keeps the mark as a digit, mammoth drops
   * both): the diff then compares everything but the footnotes and says so in the metadata
   * (src/diff/uncarried.ts).
   */
  footnoteLost?: boolean;
}

const text = (bytes: Buffer, file: string) => readText(bytes, file).value;
const markdown = (bytes: Buffer, file: string) => readMarkdown(bytes.toString('utf8'), file).value;
const html = (bytes: Buffer, file: string) => readHtml(bytes, file).value;

const RENDITIONS: Rendition[] = [
  { file: 'lo.txt', read: text, footnoteLost: true },
  { file: 'mammoth-raw.txt', read: text, footnoteLost: true },
  { file: 'pandoc-plain.txt', read: text },
  { file: 'pandoc-gfm.md', read: markdown },
  { file: 'lo.html', read: html },
  { file: 'pandoc.html', read: html },
];

const present = existsSync(DIR) && existsSync(DOCX);
if (!present) console.warn(`skipped: the renditions of 008C are not in ${DIR} (see ../shared/renditions/make.sh)`);

/** What `tsag diff` compares: all but the metadata. */
function content(doc: QuestionsDocument) {
  const { metadata: _metadata, ...rest } = doc;
  return rest;
}

describe.skipIf(!present)('renditions of 008C read as the DOCX does', async () => {
  const docx = present ? (await readDocx(readFileSync(DOCX), '008C.docx')).value : undefined;
  for (const rendition of RENDITIONS) {
    it(rendition.file, () => {
      const model = rendition.read(readFileSync(DIR + rendition.file), rendition.file);
      const expected = docx as QuestionsDocument;
      expect(model.frontMatter).toEqual(expected.frontMatter);
      if (!rendition.footnoteLost) {
        expect(content(model)).toEqual(content(expected));
        return;
      }
      expect(model.footnotes).toEqual([]);
      const diff = diffEditions(expected, model);
      expect(diff.changes).toEqual([]);
      expect(diff.metadata).toContainEqual({ field: 'footnotes', old: '[^1]', new: expect.any(String) });
    });
  }
});

/** The text and HTML renditions of every fixture edition: each file but the PDF and DOCX. */
const EDITIONS = ['en', 'fr', 'es', 'ru', 'ar'];
const TEXT_RENDITIONS: Rendition[] = [...RENDITIONS, { file: 'pdftotext-raw.txt', read: text }, { file: 'pdftotext-layout.txt', read: text }];

/**
 * What pdftotext itself loses, so that no reading gets it back: the content changes each such
 * rendition still shows, with why. Asserted as they are, so that a change either way is seen.
 * - ru raw: pdftotext joined `по-` + `прежнему` at a line end into `попрежнему`; nothing in
 *   the text shows the hyphen was there.
 * - ar: pdftotext writes right-to-left text in visual order with lam-alef ligatures reversed;
 *   inside a word a reversed ligature looks like a real alef-lam (`حاالت` for `حالات`, while
 *   `العالم` is right), a final `ة` moves to a line of its own, and -layout places Arabic runs
 *   by their left end (Table 1's columns off by up to 8).
 */
const KNOWN_CHANGES: Record<string, number> = {
  'ru/pdftotext-raw.txt': 1,
  'ar/pdftotext-raw.txt': 13,
  'ar/pdftotext-layout.txt': 17,
};

describe.each(EDITIONS)('renditions of the %s fixture read as its DOCX does', async (code) => {
  const dir = `${ROOT}fixtures/renditions/${code}/`;
  const docx = (await readDocx(readFileSync(`${ROOT}fixtures/lang-${code}/${code}-lo.docx`), `${code}-lo.docx`)).value;
  for (const rendition of TEXT_RENDITIONS) {
    it(rendition.file, () => {
      const model = rendition.read(readFileSync(dir + rendition.file), rendition.file);
      expect(model.metadata.language).toBe(code);
      const diff = diffEditions(docx, model);
      const known = KNOWN_CHANGES[`${code}/${rendition.file}`];
      if (known !== undefined) {
        expect(diff.changes).toHaveLength(known);
        return;
      }
      expect(diff.changes.map((change) => [change.kind, change.target, change.path])).toEqual([]);
      // lo.txt and mammoth's text hold no footnote text: the note is not compared, and the diff says so.
      expect(diff.metadata.some((change) => change.field === 'footnotes')).toBe(rendition.footnoteLost === true);
    });
  }
});
