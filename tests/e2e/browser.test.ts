import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledBank, fixture, tempDir } from '../helpers.js';
import { findBrowser, SKIP_BROWSER } from './helpers/browser.js';
import { runCli } from './run-cli.js';

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** The number of pages in a PDF that Chromium wrote: its page objects, not the page tree's. */
const countPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** How many questions the bundled bank has. */
const bundledCount = () => (JSON.parse(runCli(['list', '--json', '--bank', bundledBank]).stdout) as unknown[]).length;

/** An HTML sheet of the bundled bank, exported by the CLI with the given options; returns its file. */
function exportBundledSheet(name: string, extra: string[] = []): string {
  const out = join(tempDir(), name);
  expect(runCli(['export', '--format', 'html', ...extra, '--out', out, '--bank', bundledBank]).status).toBe(0);
  return out;
}

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
    expect(countPages(pdf)).toBeGreaterThan(10);
    expect(readFileSync(join(artifacts, 'study-sheet.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    await page.close();
  }, 120_000);

  it('prints the bundled bank as a booklet: questions flow several to a page, each kept with the start of its answer', async () => {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(exportBundledSheet('booklet.html')).href, { waitUntil: 'load' });
    mkdirSync(artifacts, { recursive: true });
    const pdf = await page.pdf({ format: 'A4', path: join(artifacts, 'bundled-bank.pdf') });
    // Several questions to a page: a page each would pass the question count (the 71-question bank
    // printed on 33 pages); far fewer than a question per three pages would mean answers went missing.
    const questions = (JSON.parse(runCli(['list', '--json', '--bank', bundledBank]).stdout) as unknown[]).length;
    expect(countPages(pdf)).toBeLessThan(questions / 2);
    expect(countPages(pdf)).toBeGreaterThan(questions / 4);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').evaluate((nav) => nav.ownerDocument.defaultView.getComputedStyle(nav).display)).toBe('none');
    // Each question's heading, details and first block of answer are one box that print never splits.
    const starts = await page.locator('article').evaluateAll((articles) =>
      articles.map((article) => {
        const start = article.querySelector(':scope > .question-start');
        return { question: article.querySelector('h3')?.textContent, unbroken: start !== null && article.ownerDocument.defaultView.getComputedStyle(start).breakInside === 'avoid' && start.querySelector('h3') !== null && (start.querySelector('.answer')?.textContent?.trim() ?? '') !== '' };
      }),
    );
    expect(starts).toHaveLength(bundledCount());
    expect(starts.filter((start) => !start.unbroken)).toEqual([]);
    expect(await page.locator('section.topic > h2').allInnerTexts()).toEqual(expect.arrayContaining(['CNN', 'Sequence models', 'Activations']));
    await page.close();
  }, 120_000);

  it('prints a practice sheet with a bordered box to write in for each question, larger as questions get harder', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(pathToFileURL(exportBundledSheet('practice.html', ['--no-answers'])).href, { waitUntil: 'load' });
    expect(await page.title()).toBe('Neural-network interview questions — practice sheet');
    expect(await page.locator('h1').innerText()).toBe('Neural-network interview questions — practice sheet');
    await page.emulateMedia({ media: 'print' });
    const boxes = await page.locator('article').evaluateAll((articles) =>
      articles.map((article) => {
        const box = article.querySelector('.answer-space');
        const style = box ? article.ownerDocument.defaultView.getComputedStyle(box) : undefined;
        return { difficulty: article.querySelector('.difficulty')?.textContent ?? '', height: box?.getBoundingClientRect().height ?? 0, border: style ? `${style.borderTopStyle} ${style.borderTopWidth}` : '' };
      }),
    );
    expect(boxes).toHaveLength(bundledCount());
    for (const box of boxes) expect(box.border).toBe('solid 1px');
    expect(new Set(boxes.map((b) => b.difficulty))).toEqual(new Set(['easy', 'medium', 'hard']));
    const heights = (difficulty: string) => boxes.filter((b) => b.difficulty === difficulty).map((b) => b.height);
    expect(Math.min(...heights('easy'))).toBeGreaterThan(60);
    expect(Math.max(...heights('easy'))).toBeLessThan(Math.min(...heights('medium')));
    expect(Math.max(...heights('medium'))).toBeLessThan(Math.min(...heights('hard')));

    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'practice-sheet.png') });
    const pdf = await page.pdf({ format: 'A4', path: join(artifacts, 'practice-sheet.pdf') });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(countPages(pdf)).toBeGreaterThan(10);
    await page.close();
  }, 120_000);
});
