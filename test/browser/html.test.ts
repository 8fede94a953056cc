/**
 * The HTML page of an edition in a real browser (the system's Chromium, ../helpers/browser.ts):
 * every table-of-contents link lands on its heading, the page logs no error and asks for nothing
 * from the network, a screenshot is taken; the Arabic page runs right to left. Skipped, saying
 * so, when no browser is installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../src/readers/docx/index.js';
import { writeHtml } from '../../src/writers/html/index.js';
import { BROWSER, launch, NO_BROWSER, type OpenedPage, openFile, screenshot } from '../helpers/browser.js';
import { ROOT } from '../helpers/paths.js';

if (!BROWSER) console.warn(`test/browser/html.test.ts: ${NO_BROWSER}`);

describe.skipIf(!BROWSER)(`the HTML of 008C in Chromium${BROWSER ? '' : ` (${NO_BROWSER})`}`, () => {
  let dir: string;
  let browser: Browser;
  let opened: OpenedPage;
  let arabic: OpenedPage;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsag-browser-'));
    const write = async (docx: string, name: string) => {
      const model = (await readDocx(readFileSync(ROOT + docx), name)).value;
      writeFileSync(join(dir, `${name}.html`), writeHtml(model));
    };
    await write('input/008C.docx', '008C');
    await write('fixtures/lang-ar/ar-lo.docx', 'ar');
    browser = await launch();
    opened = await openFile(browser, join(dir, '008C.html'));
    arabic = await openFile(browser, join(dir, 'ar.html'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lands every table-of-contents link on its heading', async () => {
    const landings = await opened.page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('nav.toc a')].map((link) => {
        link.click();
        const id = decodeURIComponent(new URL(link.href).hash.slice(1));
        const target = document.getElementById(id);
        const top = target?.getBoundingClientRect().top ?? Number.NaN;
        const atBottom = Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight;
        return { id, tag: target?.tagName, text: link.textContent, heading: target?.textContent, atTop: Math.abs(top) < 2 || (atBottom && top >= 0) };
      }),
    );
    // Two parts, seven Questions and their four sections each.
    expect(landings).toHaveLength(2 + 7 * 5);
    for (const landing of landings) {
      expect(landing.tag, landing.id).toMatch(/^H[1-3]$/);
      expect(landing.heading).toBe(landing.text);
      expect(landing.atTop, landing.id).toBe(true);
    }
    expect(landings.map((l) => l.id)).toContain('Q1_20');
    expect(landings.map((l) => l.id)).toContain('Q7_20-G.4');
  });

  it('links each row of Table 1 to its Question and the footnote reference to its note', async () => {
    const targets = await opened.page.evaluate(() => ({
      rows: [...document.querySelectorAll('table.questions tbody tr td:first-child a')].map(
        (a) => document.querySelector(a.getAttribute('href') ?? '')?.tagName,
      ),
      note: document.querySelector(document.querySelector('a[role="doc-noteref"]')?.getAttribute('href') ?? '')?.textContent,
    }));
    expect(targets.rows).toEqual(Array(7).fill('H2'));
    expect(targets.note).toContain('根据WTSA第2号决议');
  });

  it('logs no error and asks nothing of the network', () => {
    expect(opened.consoleErrors).toEqual([]);
    expect(opened.remoteRequests).toEqual([]);
    expect(arabic.consoleErrors).toEqual([]);
  });

  it('runs the Arabic page right to left', async () => {
    const direction = await arabic.page.evaluate(() => [document.documentElement.lang, getComputedStyle(document.body).direction]);
    expect(direction).toEqual(['ar-SA', 'rtl']);
  });

  it('takes a screenshot', async () => {
    await opened.page.evaluate(() => window.scrollTo(0, 0));
    const png = await screenshot(opened.page, join(dir, '008C.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });
});
