/**
 * A real browser for the tests: the system's Chromium (Debian's `chromium`), driven by
 * playwright-core, which downloads nothing. `BROWSER` is its path, or undefined when none is
 * installed: a test then skips with `describe.skipIf(!BROWSER)` and says why (`NO_BROWSER`).
 * `TSAG_CHROMIUM` names another executable.
 *
 * Pages are opened from files with the network cut off: any request that is not `file:` is
 * aborted and recorded, so a test can assert that a page needs nothing from elsewhere.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const CANDIDATES = [process.env['TSAG_CHROMIUM'], '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser's executable, or undefined when none is installed. */
export const BROWSER: string | undefined = CANDIDATES.find((path): path is string => path !== undefined && path !== '' && existsSync(path));

export const NO_BROWSER = 'skipped: no Chromium installed (apt-get install chromium, or set TSAG_CHROMIUM)';

export async function launch(): Promise<Browser> {
  if (BROWSER === undefined) throw new Error(NO_BROWSER);
  // Chromium's sandbox refuses to run as root (CI containers): only then is it turned off.
  const root = process.getuid?.() === 0;
  return chromium.launch({ executablePath: BROWSER, args: root ? ['--no-sandbox'] : [] });
}

export interface OpenedPage {
  page: Page;
  /** Console messages of type `error` and uncaught exceptions, in order. */
  consoleErrors: string[];
  /** URLs the page asked for that are not files (aborted). */
  remoteRequests: string[];
}

/** Opens a file in a new page of `browser` and waits until it has loaded. */
export async function openFile(browser: Browser, file: string, viewport = { width: 1000, height: 800 }): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  const consoleErrors: string[] = [];
  const remoteRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    remoteRequests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, consoleErrors, remoteRequests };
}

/** A PNG of the page (its viewport, or all of it with `fullPage`) written to `file`. */
export async function screenshot(page: Page, file: string, fullPage = false): Promise<Buffer> {
  return page.screenshot({ path: file, fullPage });
}
