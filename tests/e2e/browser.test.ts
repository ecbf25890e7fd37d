import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBank, fixture, tempDir } from '../helpers.js';
import { findBrowser, SKIP_BROWSER } from './helpers/browser.js';
import { runCli } from './run-cli.js';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

// A Chromium from the system, or from npm (see findBrowser): nothing to install by hand.
// NNQUIZ_SKIP_BROWSER=1 skips these tests; otherwise they run or fail, saying what is missing.
describe.skipIf(SKIP_BROWSER)('the HTML study sheet in a real browser (headless Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    const found = await findBrowser();
    try {
      browser = await chromium.launch({ executablePath: found.executablePath, args: found.args });
    } catch (error) {
      throw new Error(`Chromium from ${found.source} (${found.executablePath}) did not start: ${(error as Error).message.split('\n')[0]}; set CHROMIUM_PATH to another, or NNQUIZ_SKIP_BROWSER=1 to skip these tests`);
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('loads with no console error and no network request, shows every question, and paginates in print', async () => {
    const out = join(tempDir(), 'sheet.html');
    const exported = runCli(['export', '--format', 'html', '--terms', '--out', out, '--bank', bundledBank, '--bank', fixture('xss-bank')]);
    expect(exported.status).toBe(0);
    const questions = JSON.parse(runCli(['list', '--json', '--bank', bundledBank, '--bank', fixture('xss-bank')]).stdout) as Array<{ question: string }>;

    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const consoleErrors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('request', (request) => requests.push(request.url()));
    const url = pathToFileURL(out).href;
    await page.goto(url, { waitUntil: 'load' });

    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.title()).toBe('Neural-network interview questions');
    expect(await page.locator('script, img, iframe').count()).toBe(0);

    const headings = page.locator('article h3');
    expect(await headings.count()).toBe(questions.length);
    const shown = await headings.allInnerTexts();
    expect(shown.sort()).toEqual(questions.map((q) => q.question).sort());
    for (const box of await headings.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height))) expect(box).toBeGreaterThan(0);

    await page.getByRole('link', { name: 'What is dropout, how does it work, and why does it help prevent overfitting?' }).click();
    expect(page.url()).toMatch(/#q-dropout$/);

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'study-sheet.png') });
    const pdf = await page.pdf({ format: 'A4', path: join(artifacts, 'study-sheet.pdf') });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages).toBeGreaterThan(10);
    expect(readFileSync(join(artifacts, 'study-sheet.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 120_000);
});
