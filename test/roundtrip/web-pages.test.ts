/**
 * A Question read from a web page (no letter, perhaps no number, sections without headings)
 * written in every output format reads back as the same model: Markdown, text and DOCX write
 * the heading as the page has it and leave headless sections headless; the readers then take
 * the lead-ins again (src/readers/assemble/web.ts). Uses the six real texts of ../shared/real/.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocument } from '../../src/readers/index.js';
import { readText } from '../../src/readers/text/index.js';
import { render } from '../../src/writers/index.js';
import { REAL, REAL_PAGES, REAL_PRESENT } from '../helpers/real-pages.js';

const PRESENT = REAL_PRESENT;
const PAGES = REAL_PAGES;

/** What `tsag diff` compares: all but the metadata. */
function content(doc: QuestionsDocument) {
  const { metadata: _metadata, ...rest } = doc;
  return rest;
}

describe.skipIf(!PRESENT)(`web pages through every writer and back${PRESENT ? '' : ' (skipped: ../shared/real is absent)'}`, () => {
  describe.each(PAGES)('%s', (name) => {
    const model = PRESENT ? readText(readFileSync(REAL + name), name).value : undefined;
    it.each(['md', 'txt', 'docx', 'json', 'html'] as const)('%s', async (format) => {
      const doc = model as QuestionsDocument;
      const written = (await render(doc, format)).value;
      const read = await readDocument(written, `page.${format}`);
      expect(content(read.value)).toEqual(content(doc));
      // A page starts at its Question: no warning about the headings of a front part it never had.
      expect(read.warnings.map((w) => w.code)).not.toContain('structure.missingHeading');
    });
  });

  it('writes the Markdown heading as the page has it, with no empty headings', async () => {
    const doc = readText(readFileSync(`${REAL}sg12-q12-en-2013-2016-itu-web.txt`), 'page.txt').value;
    const md = Buffer.from((await render(doc, 'md')).value).toString('utf8');
    const headings = md.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual(['## Question 12/12 – Operational aspects of telecommunication network service quality']);
  });
});
