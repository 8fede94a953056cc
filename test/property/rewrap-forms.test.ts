/**
 * tsag's own text and Markdown of every fixture edition, written as other tools and web pages
 * write them, read back as the same model:
 * - the text in the blank-line layout (pandoc's plain text: a block a paragraph, a blank line
 *   between), re-wrapped at a random width, its headings with a TAB or spaces after the number
 *   and any dash of the language before the Question's title;
 * - each Question as a web page (the text reader's web layouts): its heading without its letter
 *   or with it and spaces, an en dash, a hyphen or no dash, page furniture of the language table
 *   (phrases, language bars, breadcrumbs) inserted between its lines;
 * - the Markdown re-wrapped at a random width, its Question headings with any dash.
 * The forms and the furniture come from the language tables, not from one language.
 *
 * Furniture goes only where a reader drops it: into web pages. A text with a Question heading
 * of the document form (`A<TAB>Question 1/20 – …`) is read as a document, where a line is
 * content whatever it says (README, "Questions copied from ITU's web pages"), and Markdown is
 * never read with the web layouts. Bounds the readers need, said where they are drawn
 * (./forms.ts): widths from 30; a web heading's dash with a space after it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../src/readers/markdown/index.js';
import { readText } from '../../src/readers/text/index.js';
import {
  blankLineText,
  content,
  DASHES,
  documentForm,
  editions,
  pageModel,
  questionPages,
  rewrappedMarkdown,
  webForm,
  webPage,
  WIDTH,
  type Edition,
} from './forms.js';
import { runs, timeoutMs } from './runs.js';

describe('tsag text and Markdown in the forms of other tools and of web pages (property)', () => {
  const models = editions.map((edition) => content(readText(Buffer.from(`${edition.text.join('\n')}\n`), 'x.txt').value));

  it(
    'the text in the blank-line layout, re-wrapped, headings in any document form, reads as the same model',
    () => {
      fc.assert(
        fc.property(fc.nat(editions.length - 1), documentForm, (which, form) => {
          const edition = editions[which] as Edition;
          expect(content(readText(Buffer.from(blankLineText(edition.text, edition.table, form)), 'x.txt').value)).toEqual(models[which]);
        }),
        runs(60),
      );
    },
    timeoutMs(20_000),
  );

  const pages = editions.flatMap((edition) => questionPages(edition).map((page) => ({ edition, page })));

  it(
    'each Question as a web page, headings in any web form, furniture inserted, reads as the same model',
    () => {
      const baselines = pages.map(({ edition, page }) =>
        pageModel(webPage(page, edition.table, { letter: false, separator: ' ', dash: ' – ', furniture: [] })),
      );
      const page = fc.nat(pages.length - 1).chain((which) => {
        const { edition, page: lines } = pages[which]!;
        return fc.tuple(fc.constant(which), webForm(edition.table, lines.length));
      });
      fc.assert(
        fc.property(page, ([which, form]) => {
          const { edition, page: lines } = pages[which]!;
          expect(pageModel(webPage(lines, edition.table, form))).toEqual(baselines[which]);
        }),
        runs(80),
      );
    },
    timeoutMs(20_000),
  );

  it(
    'the Markdown re-wrapped, Question headings with any dash, reads as the same model',
    () => {
      const markdownModels = editions.map((edition) => content(readMarkdown(edition.markdown, 'x.md').value));
      fc.assert(
        fc.property(fc.nat(editions.length - 1), WIDTH, fc.constantFrom(...DASHES), (which, width, dash) => {
          const edition = editions[which] as Edition;
          const md = rewrappedMarkdown(edition.markdown, edition.table, width, dash);
          expect(content(readMarkdown(md, 'x.md').value)).toEqual(markdownModels[which]);
        }),
        runs(30),
      );
    },
    timeoutMs(20_000),
  );
});
