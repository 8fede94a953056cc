/**
 * The HTML reader (src/readers/html/) on small pages written here and on the two Question pages
 * of fixtures/html/ (made after ITU's site of 2009 and 2013, with the texts of ../shared/real/):
 * what a browser shows is read, what it does not (scripts, styles, navigation, hidden elements)
 * is not, footnotes are found by their links, limits refuse in one line. The renditions of whole
 * editions by LibreOffice and pandoc are in ./renditions.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readHtml } from '../../src/readers/html/index.js';
import { readDocument } from '../../src/readers/index.js';
import { readText } from '../../src/readers/text/index.js';
import { rejectedInputError } from '../helpers/input-error.js';
import { ROOT, SHARED } from '../helpers/paths.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const read = (html: string) => readHtml(utf8(html), 'q.html');

/** A one-Question edition in English around `body` parts. */
function page(question: string, head = ''): string {
  return `<!DOCTYPE html><html lang="en"><head><title>t</title>${head}</head><body>
<h1>1 Introduction</h1><p>Intro.</p><h1>2 Text of the Questions</h1>
<h2>A Question 1/20 – Internet of things</h2>
${question}
</body></html>`;
}

const SECTIONS = `<h3>A.1 Motivation</h3><p>Why.</p><h3>A.2 Question</h3><p>What.</p><h3>A.3 Tasks</h3><p>Tasks.</p><h3>A.4 Relationships</h3><p>Recommendations:</p><ul><li>Y.4100</li></ul>`;

function content(doc: QuestionsDocument) {
  const { metadata: _metadata, ...rest } = doc;
  return rest;
}

describe('the HTML reader', () => {
  it('reads headings, sections, nested lists and relationship groups by their elements', () => {
    const { value, warnings } = read(
      page(`<p>(Continuation of Question 1/20)</p><h3>A.1 Motivation</h3><p>Why.</p><h3>A.2 Question</h3>
<ul><li>First<ul><li>Inner one</li><li>– starts with a dash</li></ul></li><li>Second</li></ul>
<h3>A.3 Tasks</h3><p>Tasks.</p><h3>A.4 Relationships</h3><p>Recommendations:</p><ul><li>Y.4100/Y.2066</li></ul>`),
    );
    expect(warnings.map((w) => w.code)).toEqual([]);
    const [question] = value.questions;
    expect(question).toMatchObject({ letter: 'A', number: '1/20', title: 'Internet of things', continuation: 'Continuation of Question 1/20' });
    expect(question?.sections.map((s) => s.role)).toEqual(['motivation', 'question', 'tasks', 'relationships']);
    const list = question?.sections[1]?.blocks[0];
    expect(list).toEqual({
      type: 'list',
      items: [
        {
          content: [{ type: 'text', value: 'First' }],
          children: [
            { content: [{ type: 'text', value: 'Inner one' }], children: [] },
            // An li has no literal marker: a dash in its text is text.
            { content: [{ type: 'text', value: '– starts with a dash' }], children: [] },
          ],
        },
        { content: [{ type: 'text', value: 'Second' }], children: [] },
      ],
    });
    expect(question?.sections[3]?.blocks[0]).toMatchObject({ role: 'recommendations', items: ['Y.4100/Y.2066'] });
  });

  it('ends a line at a br; what follows is no longer a heading or an item, as after a line break in Word', () => {
    const { value } = read(page(`<h3>A.1 Motivation</h3><ul><li>Item<br>more of it</li></ul>${SECTIONS.slice(SECTIONS.indexOf('<h3>A.2'))}`));
    expect(value.questions[0]?.sections[0]?.blocks).toEqual([
      { type: 'list', items: [{ content: [{ type: 'text', value: 'Item' }], children: [] }] },
      { type: 'paragraph', content: [{ type: 'text', value: 'more of it' }] },
    ]);
  });

  it('never reads scripts, styles, templates, navigation or hidden elements', () => {
    const hidden = [
      '<script>document.write("<p>scripted</p>")</script>',
      '<style>p::after { content: "styled" }</style>',
      '<template><p>templated</p></template>',
      '<nav><ul><li>navigation</li></ul></nav>',
      '<div role="navigation">navigation</div>',
      '<p hidden>hidden</p>',
      '<p aria-hidden="true">hidden</p>',
      '<p style="color: red; display: none">hidden</p>',
      '<noscript>no script</noscript>',
      '<img src="https://example.org/x.png" alt="image">',
    ].join('\n');
    const { value } = read(page(`${hidden}\n${SECTIONS}`, '<script>var q = "Question 9/9 – Not";</script>'));
    const json = JSON.stringify(content(value));
    for (const word of ['scripted', 'styled', 'templated', 'navigation', 'hidden', 'no script', 'image', '9/9']) expect(json).not.toContain(word);
    expect(value.questions).toHaveLength(1);
  });

  it('collapses white space as a browser does, but keeps it where the page says pre', () => {
    const { value } = read(
      page(`<h3>A.1 Motivation</h3>
<p>  one
   two  three </p>
<p style="white-space:pre-wrap">a  b\tc</p>
<pre>x   y</pre>
<p class="x">Word&#160; &#160; &#160; &#160; tab</p>
<p class=MsoNormal>Word<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>tab</p>${SECTIONS.slice(SECTIONS.indexOf('<h3>A.2'))}`),
    );
    const texts = value.questions[0]?.sections[0]?.blocks.map((b) =>
      b.type === 'paragraph' ? b.content.map((i) => (i.type === 'text' ? i.value : '')).join('') : '',
    );
    // LibreOffice writes a tab as `&#160; ` four times: a tab again.
    // And Word's (`mso-tab-count`).
    expect(texts).toEqual(['one two three', 'a  b\tc', 'x   y', 'Word\ttab', 'Word\ttab']);
  });

  it('reads the footnotes of Word, pandoc and LibreOffice by their links both ways', () => {
    const forms = [
      // Word: `name`s, not ids.
      ['<a href="#_ftn1" name="_ftnref1">[1]</a>', '<div><p><a href="#_ftnref1" name="_ftn1">[1]</a> The note.</p></div>'],
      // pandoc
      [
        '<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>',
        '<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>The note.<a href="#fnref1" role="doc-backlink">↩︎</a></p></li></ol></section>',
      ],
      // LibreOffice
      [
        '<span title="Footnote"><a href="#ftn1" id="body_ftn1">1</a></span>',
        '<p class="Footnote"><span class="footnodeNumber"><a id="ftn1" href="#body_ftn1">1</a></span> The note.</p>',
      ],
    ];
    for (const [reference, note] of forms) {
      const html = page(`<h3>A.1 Motivation</h3><p>Why${reference} here.</p>${SECTIONS.slice(SECTIONS.indexOf('<h3>A.2'))}${note}`);
      const { value, warnings } = read(html);
      expect(warnings.map((w) => w.code)).toEqual([]);
      expect(value.footnotes).toEqual([{ id: '1', text: 'The note.' }]);
      expect(value.questions[0]?.sections[0]?.blocks[0]).toEqual({
        type: 'paragraph',
        content: [
          { type: 'text', value: 'Why' },
          { type: 'footnoteReference', id: '1' },
          { type: 'text', value: ' here.' },
        ],
      });
    }
  });

  it('reads a data table as Table 1 and a table that lays out a page as its blocks', () => {
    const table = `<table><tr><td>New</td><td>Title</td><td>Status</td><td>Previous</td><td>Previous title</td></tr>
<tr><td>1/20</td><td>Internet of things</td><td>Continuation</td><td>1/20</td><td>IoT</td></tr></table>`;
    const html = page(SECTIONS)
      .replace('<p>Intro.</p>', `<p>Intro.</p><p>Table 1 – Questions</p>${table}`)
      .replace('<body>', '<body><table role="presentation"><tr><td>')
      .replace('</body>', '</td></tr></table></body>');
    const { value } = read(html);
    expect(value.frontMatter.blocks.at(-1)).toMatchObject({
      type: 'questionTable',
      caption: 'Table 1 – Questions',
      rows: [{ newNumber: '1/20', previousTitle: 'IoT' }],
    });
    expect(value.questions[0]?.sections).toHaveLength(4);
  });

  it("keeps LibreOffice's page header and footer as metadata, never as content", () => {
    const html = page(`${SECTIONS}<p>______________</p>`)
      .replace('<body>', '<body><div title="header"><p align="center"><img src="q_html_1f2e.png" name="image1.png"></p></div>')
      .replace('</body>', '<div title="footer"><p>\n\t<font size="1">L:\\008C.DOCX\t27.01.21\t25.11.19</font></p></div></body>');
    const { value, warnings } = read(html);
    expect(warnings.map((w) => w.code)).toEqual([]);
    expect(value.metadata).toMatchObject({
      documentReference: '008C.DOCX',
      footer: { path: 'L:\\008C.DOCX', dates: ['27.01.21', '25.11.19'] },
      images: ['image1.png'],
    });
    expect(JSON.stringify(content(value))).not.toMatch(/008C\.DOCX|______/u);
  });

  it('decodes the encoding a page declares (Windows-1252 as a browser does)', () => {
    const html = page(SECTIONS.replace('<p>Why.</p>', '<p>The \u201cMediacom\u201d project \u2013 caf\u00e9.</p>'), '<meta charset="iso-8859-1">');
    const bytes = Uint8Array.from(html, (c) => {
      const code = { '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96 }[c] ?? c.charCodeAt(0);
      if (code > 0xff) throw new Error(`not in Windows-1252: ${c}`);
      return code;
    });
    const first = readHtml(bytes, 'q.html').value.questions[0]?.sections[0]?.blocks[0];
    expect(first).toEqual({ type: 'paragraph', content: [{ type: 'text', value: 'The \u201cMediacom\u201d project \u2013 caf\u00e9.' }] });
  });

  it('is told by its extension or its start, and reads as the same model either way', async () => {
    const html = page(SECTIONS);
    const named = await readDocument(utf8(html), 'q.html');
    const sniffed = await readDocument(utf8(html), 'q');
    expect(named.value.metadata.source.format).toBe('html');
    expect(content(sniffed.value)).toEqual(content(named.value));
  });

  it('refuses, in one line, a page with no Question, too many elements, too deep a nesting or bytes that are no text', async () => {
    const cases: [Uint8Array, string, RegExp][] = [
      [utf8('<!doctype html><title>Home</title><p>Welcome to our site.</p>'), 'input.notQuestions', /not a Questions text/],
      [utf8(`<!doctype html>${'<p>x'.repeat(200)}`), 'input.tooLarge', /more than 100 HTML elements/],
      [utf8(`<!doctype html>${'<div>'.repeat(80)}x`), 'input.tooDeep', /nesting too deep/],
      [utf8(`<!doctype html>${'<p>x</p>'.repeat(30)}`), 'input.tooLarge', /too many lines/],
      [Uint8Array.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x00, 0x81]), 'input.encoding', /cannot decode/],
    ];
    for (const [bytes, code, message] of cases) {
      const error = await rejectedInputError(() =>
        readDocument(bytes, 'q.html', { docxLimits: { maxElements: 100, maxDepth: 50 }, maxTextLines: 20 }),
      );
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.describe()).not.toContain('\n');
    }
  });
});

const REAL = `${SHARED}real/`;
const PAGES = [
  ['sg12-q12-itu-web.html', 'sg12-q12-en-2013-2016-itu-web.txt'],
  ['sg16-q20-itu-web.html', 'sg16-q20-en-2009-2012-itu-web.txt'],
] as const;

it("reads LibreOffice's default HTML (HTML StarWriter) of an edition as its Word file, footer and all", async () => {
  const html = readHtml(readFileSync(`${ROOT}fixtures/html/en-lo-soffice.html`), 'en-lo.html').value;
  const docx = (await readDocx(readFileSync(`${ROOT}fixtures/lang-en/en-lo.docx`), 'en-lo.docx')).value;
  const { source: _a, ...fromHtml } = html.metadata;
  const { source: _b, ...fromDocx } = docx.metadata;
  expect(fromHtml).toEqual(fromDocx);
  expect(fromHtml.footer?.path).toBe('L:\\015E.DOCX');
  expect(content(html)).toEqual(content(docx));
});

describe("Question pages as ITU's site serves them", () => {
  it.each(PAGES)('%s: one Question, its sections and lists; the site around it dropped', (html, text) => {
    const { value, warnings } = readHtml(readFileSync(`${ROOT}fixtures/html/${html}`), html);
    expect(value.metadata.language).toBe('en');
    expect(value.questions).toHaveLength(1);
    const json = JSON.stringify(content(value));
    for (const site of [
      'Skip Ribbon',
      'Advanced Search',
      'Study Group 16"',
      'Question 11/12',
      'written by a script',
      'needs JavaScript',
      'Rights Reserved',
    ]) {
      expect(json).not.toContain(site);
    }
    expect(warnings.map((w) => w.code)).toContain('noise.furniture');
    const lists = value.questions[0]?.sections.flatMap((s) => s.blocks.filter((b) => b.type === 'list')) ?? [];
    expect(lists.length).toBeGreaterThan(0);
    // The same page copied as text (../shared/real/) reads as the same Question.
    if (existsSync(REAL + text)) expect(content(value)).toEqual(content(readText(readFileSync(REAL + text), text).value));
  });
});
