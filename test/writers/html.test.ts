/**
 * The HTML writer (src/writers/html/): the page of 008C and of the five fixture editions reads
 * back with the HTML reader as the same model (metadata but the source included); the page
 * holds the anchors, links and attributes it promises, needs nothing from the network, and is
 * the same bytes every time. The page in a real browser: test/browser/html.test.ts.
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuestionsDocument } from '../../src/model/document.js';
import { readDocx } from '../../src/readers/docx/index.js';
import { readHtml } from '../../src/readers/html/index.js';
import { walkElements } from '../../src/readers/html/notes.js';
import { writeHtml } from '../../src/writers/html/index.js';
import { ROOT } from '../helpers/paths.js';

/** All but where the model was read from. */
function withoutSource(doc: QuestionsDocument) {
  const { source: _source, ...metadata } = doc.metadata;
  return { ...doc, metadata };
}

function elements(html: string): Element[] {
  const tree = unified().use(rehypeParse).parse(html) as Root;
  const found: Element[] = [];
  walkElements(tree, (element) => found.push(element));
  return found;
}

const text = (element: Element | undefined): string =>
  (element?.children ?? []).map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? text(child) : '')).join('');

const EDITIONS: [name: string, file: string][] = [
  ['008C', 'input/008C.docx'],
  ...['en', 'fr', 'es', 'ru', 'ar'].map((code): [string, string] => [code, `fixtures/lang-${code}/${code}-lo.docx`]),
];

describe('the HTML page of an edition', () => {
  const models = new Map<string, QuestionsDocument>();
  const pages = new Map<string, string>();
  beforeAll(async () => {
    for (const [name, file] of EDITIONS) {
      const model = (await readDocx(readFileSync(ROOT + file), file)).value;
      models.set(name, model);
      pages.set(name, writeHtml(model));
    }
  });

  it.each(EDITIONS)('%s reads back as the same model', (name) => {
    const read = readHtml(new TextEncoder().encode(pages.get(name)), `${name}.html`);
    expect(read.value.metadata.source.format).toBe('html');
    expect(withoutSource(read.value)).toEqual(withoutSource(models.get(name) as QuestionsDocument));
  });

  it('is the same bytes every time', () => {
    expect(writeHtml(models.get('008C') as QuestionsDocument)).toBe(pages.get('008C'));
  });

  it('takes lang and dir from the language table', () => {
    const root = (name: string) => elements(pages.get(name) ?? '').find((e) => e.tagName === 'html')?.properties;
    expect(root('008C')).toMatchObject({ lang: 'zh-CN', dir: 'ltr' });
    expect(root('ar')).toMatchObject({ lang: 'ar-SA', dir: 'rtl' });
    expect(root('fr')).toMatchObject({ dir: 'ltr' });
  });

  it('gives each Question and section an anchor on its heading, and links them from the table of contents', () => {
    const all = elements(pages.get('008C') ?? '');
    const byId = new Map(all.filter((e) => typeof e.properties['id'] === 'string').map((e) => [e.properties['id'] as string, e]));
    expect(byId.get('Q1_20')?.tagName).toBe('h2');
    expect(text(byId.get('Q1_20'))).toBe('A 第1/20号课题 – 物联网及智慧城市和社区应用和服务的互操作性和互联');
    expect(text(byId.get('Q7_20-G.4'))).toBe('G.4 关系');
    const toc = all.filter((e) => e.tagName === 'a' && all.some((nav) => nav.tagName === 'nav' && walkIncludes(nav, e)));
    const targets = toc.map((a) => String(a.properties['href']).slice(1));
    expect(targets).toHaveLength(2 + 7 * 5);
    for (const id of targets) expect(byId.get(id)?.tagName).toMatch(/^h[1-3]$/);
  });

  it('links Table 1 rows, Recommendations, SDGs, the work programme and the footnote', () => {
    const links = elements(pages.get('008C') ?? '').filter((e) => e.tagName === 'a');
    const hrefs = links.map((a) => String(a.properties['href']));
    const rowLinks = links.filter((a) => /^\d+\/20$/u.test(text(a)) && String(a.properties['href']).startsWith('#Q'));
    expect(rowLinks.map((a) => [text(a), a.properties['href']])).toContainEqual(['4/20', '#Q4_20']);
    expect(hrefs).toContain('https://www.itu.int/rec/T-REC-Y.4100');
    expect(hrefs).toContain('https://www.itu.int/rec/T-REC-Y.2066');
    expect(hrefs).toContain('https://sdgs.un.org/goals/goal11');
    expect(hrefs).toContain('https://www.itu.int/ITU-T/workprog/wp_search.aspx?q=1/20');
    const reference = links.find((a) => a.properties['role'] === 'doc-noteref');
    expect(reference?.properties).toMatchObject({ href: '#fn1', id: 'fnref1' });
    expect(links.find((a) => a.properties['role'] === 'doc-backlink')?.properties['href']).toBe('#fnref1');
  });

  it('gives a second reference to one note an id of its own, and reads both back', () => {
    const model = structuredClone(models.get('008C') as QuestionsDocument);
    const first = model.questions[0]?.sections[0]?.blocks[0];
    if (first?.type !== 'paragraph') throw new Error('008C: A.1 starts with a paragraph');
    first.content.push({ type: 'footnoteReference', id: '1' });
    const html = writeHtml(model);
    const ids = elements(html)
      .filter((e) => e.properties['role'] === 'doc-noteref')
      .map((e) => e.properties['id']);
    expect(ids).toEqual(['fnref1', 'fnref1-2']);
    expect(withoutSource(readHtml(new TextEncoder().encode(html), 'x.html').value)).toEqual(withoutSource(model));
  });

  it('needs nothing from the network: no script, no external style sheet, image or frame', () => {
    for (const html of pages.values()) {
      const all = elements(html);
      expect(all.filter((e) => ['script', 'link', 'img', 'iframe', 'object'].includes(e.tagName))).toEqual([]);
      expect(all.filter((e) => e.properties['src'] !== undefined)).toEqual([]);
      expect(all.filter((e) => e.tagName === 'style')).toHaveLength(1);
    }
  });
});

function walkIncludes(outer: Element, inner: Element): boolean {
  let found = false;
  walkElements(outer, (element) => {
    if (element === inner) found = true;
  });
  return found;
}
