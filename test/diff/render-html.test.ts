/**
 * The HTML report (src/diff/render-html.ts), parsed back with rehype-parse: well-formed, one
 * self-contained page (nothing fetched: no script, stylesheet, image or frame, no URL in its
 * style, no http(s) reference but a link), the summary first, every change at its place with
 * deletions and insertions marked for screen readers, a changed text side by side. How it looks
 * in a real browser is the browser test's (test/helpers/browser.ts).
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { diffEditions, renderHtml } from '../../src/diff/index.js';
import { readText } from '../../src/readers/text/index.js';
import { expectAddsUp, STAT_PARTS } from '../helpers/edited-008C.js';
import { fromRoot } from '../helpers/paths.js';

const old = readText(readFileSync(fromRoot('input/008C.txt')), 'input/008C.txt').value;
const edited = readText(readFileSync(fromRoot('fixtures/008C-edited/008C-edited.txt')), 'fixtures/008C-edited/008C-edited.txt').value;
const diff = diffEditions(old, edited);
const html = renderHtml(diff);
const tree = unified().use(rehypeParse).parse(html) as Root;
// Processed once more for the parser's messages: with emitParseErrors, each HTML parse error is one.
const messages = unified().use(rehypeParse, { emitParseErrors: true }).use(rehypeStringify).processSync(html).messages;

function elements(test: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (element: Element) => {
    if (test(element)) found.push(element);
  });
  return found;
}

function textOf(node: Element | Root): string {
  let text = '';
  visit(node, 'text', (t: { value: string }) => {
    text += t.value;
  });
  return text;
}

const classes = (element: Element) => (element.properties.className as string[] | undefined) ?? [];

describe('the HTML report', () => {
  it('is well-formed HTML: a doctype, no parse error', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(messages.map((message) => message.reason)).toEqual([]);
    // The parser keeps every element where it was written: nothing misnested, nothing implied.
    const page = html.trimEnd();
    expect(unified().use(rehypeStringify).stringify(unified().use(rehypeParse).parse(page))).toBe(page);
  });

  it('is self-contained: nothing it would fetch, no script', () => {
    expect(elements((e) => ['script', 'link', 'img', 'iframe', 'object', 'embed', 'video', 'audio', 'source'].includes(e.tagName))).toEqual([]);
    for (const element of elements()) {
      for (const [name, value] of Object.entries(element.properties)) {
        if (typeof value !== 'string') continue;
        if (name === 'href' && element.tagName === 'a') continue;
        expect(value, `${element.tagName} ${name}`).not.toMatch(/^\s*(https?:)?\/\//iu);
      }
    }
    expect(textOf({ type: 'root', children: elements((e) => e.tagName === 'style') })).not.toMatch(/url\(|@import/iu);
  });

  it('starts with the summary: one row per changed part and a total that adds up', () => {
    const headings = elements((e) => e.tagName === 'h2').map(textOf);
    expect(headings[0]).toBe('Summary');
    const rows = elements((e) => e.tagName === 'tr').slice(1);
    expect(rows.map((row) => textOf(row.children.find((c): c is Element => c.type === 'element') as Element))).toEqual(STAT_PARTS);
    const counts = elements((e) => e.tagName === 'td' && classes(e).includes('count')).map((e) => Number(textOf(e)));
    expectAddsUp(counts, diff.changes.length);
  });

  it('names each part and section as the document does, each change once', () => {
    const headings = elements((e) => e.tagName === 'h2').map(textOf);
    expect(headings).toContain('Question 1/20 (A) – 物联网及智慧城市和社区应用和服务的互操作性和互联');
    expect(elements((e) => e.tagName === 'h3').map(textOf)).toEqual(['A.1 目的', 'A.2 课题', 'A.4 关系', 'E.2 课题']);
    expect(elements((e) => e.tagName === 'article')).toHaveLength(diff.changes.length);
  });

  it('marks deletions and insertions for screen readers, 架构 → 体系结构 as one replacement', () => {
    const marks = elements((e) => e.tagName === 'del' || e.tagName === 'ins');
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      const [first] = mark.children;
      expect(first?.type === 'element' && classes(first).includes('visually-hidden')).toBe(true);
      expect(textOf(mark)).toMatch(mark.tagName === 'del' ? /^deleted: / : /^inserted: /);
    }
    const words = marks.map((mark) => `${mark.tagName}:${textOf(mark).replace(/^\w+: /u, '')}`);
    expect(words).toContain('del:架构');
    expect(words).toContain('ins:体系结构');
    expect(words).not.toContain('del:架');
  });

  it('shows each changed text side by side, the old with its deletions, the new with its insertions, in the edition language', () => {
    const sides = elements((e) => classes(e).includes('side'));
    expect(sides).toHaveLength(diff.changes.filter((change) => change.kind === 'changed').length);
    for (const side of sides) {
      const [before, after] = side.children.filter((c): c is Element => c.type === 'element');
      const inside = (element: Element | undefined, tag: string) => {
        let found = 0;
        if (element) visit(element, 'element', (e: Element) => void (e.tagName === tag && found++));
        return found;
      };
      expect(inside(before, 'ins')).toBe(0);
      expect(inside(after, 'del')).toBe(0);
    }
    expect(elements((e) => e.properties.lang === 'zh').length).toBeGreaterThan(0);
  });

  it('gives the same bytes every time', () => {
    expect(renderHtml(diffEditions(old, edited))).toBe(html);
  });

  it('writes Arabic text right to left, in its language', () => {
    const ar = readText(readFileSync(fromRoot('fixtures/lang-ar/ar.txt')), 'ar.txt').value;
    const neu = structuredClone(ar);
    neu.questions[0]!.title = `${neu.questions[0]!.title} الجديدة`;
    const page = unified()
      .use(rehypeParse)
      .parse(renderHtml(diffEditions(ar, neu))) as Root;
    const texts: Element[] = [];
    visit(page, 'element', (e: Element) => void (classes(e).includes('text') && texts.push(e)));
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect([text.properties.lang, text.properties.dir]).toEqual(['ar', 'rtl']);
  });
});
