/**
 * The HTML diff report (`tsag diff --format html`) in a real browser (the system's Chromium,
 * ../helpers/browser.ts): no console error and nothing asked of the network; deletions struck
 * through and insertions underlined as computed by the browser, so that a change shows without
 * colour; the words for screen readers in the accessibility tree; each changed text side by
 * side on a wide screen and one above the other on a narrow one. A screenshot is taken. Skipped,
 * saying so, when no browser is installed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffEditions, renderHtml } from '../../src/diff/index.js';
import { readText } from '../../src/readers/text/index.js';
import { BROWSER, launch, NO_BROWSER, type OpenedPage, openFile, screenshot } from '../helpers/browser.js';
import { fromRoot } from '../helpers/paths.js';

if (!BROWSER) console.warn(`test/browser/diff-report.test.ts: ${NO_BROWSER}`);

describe.skipIf(!BROWSER)(`the HTML diff report of 008C against its edited copy in Chromium${BROWSER ? '' : ` (${NO_BROWSER})`}`, () => {
  let dir: string;
  let browser: Browser;
  let wide: OpenedPage;
  let narrow: OpenedPage;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tsag-diff-browser-'));
    const read = (path: string) => readText(readFileSync(fromRoot(path)), path).value;
    const report = join(dir, 'report.html');
    writeFileSync(report, renderHtml(diffEditions(read('input/008C.txt'), read('fixtures/008C-edited/008C-edited.txt'))));
    browser = await launch();
    wide = await openFile(browser, report, { width: 1200, height: 900 });
    narrow = await openFile(browser, report, { width: 600, height: 900 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('logs no error and asks for nothing from the network', () => {
    for (const opened of [wide, narrow]) {
      expect(opened.consoleErrors).toEqual([]);
      expect(opened.remoteRequests).toEqual([]);
    }
  });

  it('strikes deletions through and underlines insertions, colour or not', async () => {
    const marks = await wide.page.evaluate(() =>
      ['del', 'ins'].map((tag) => {
        const all = [...document.querySelectorAll(tag)];
        return { tag, count: all.length, lines: [...new Set(all.map((element) => getComputedStyle(element).textDecorationLine))] };
      }),
    );
    expect(marks).toEqual([
      { tag: 'del', count: expect.any(Number), lines: ['line-through'] },
      { tag: 'ins', count: expect.any(Number), lines: ['underline'] },
    ]);
    for (const mark of marks) expect(mark.count).toBeGreaterThan(0);
  });

  it('says each change to a screen reader, 架构 → 体系结构 as one replacement', async () => {
    const tree = await wide.page.locator('main, body').first().ariaSnapshot();
    expect(tree).toContain('deleted: 架构');
    expect(tree).toContain('inserted: 体系结构');
  });

  it('shows a changed text side by side when wide, one above the other when narrow', async () => {
    const columns = (opened: OpenedPage) =>
      opened.page.evaluate(() => getComputedStyle(document.querySelector('.side') as Element).gridTemplateColumns.split(' ').length);
    expect(await columns(wide)).toBe(2);
    expect(await columns(narrow)).toBe(1);
    const png = await screenshot(wide.page, join(dir, 'report.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
