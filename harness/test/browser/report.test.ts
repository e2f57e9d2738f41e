/**
 * The published report in a real browser (Debian's Chromium through playwright-core): every page
 * opened from disk makes no network request, logs no error, runs no injected script, renders
 * every chart interactively, and shows a tooltip on hover. Screenshots go to test-artifacts/.
 */
import test from 'ava';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { buildReport } from '../../src/report/index.js';
import { buildFixtureReport, type BuiltReport } from '../report/helpers.js';
import { makeLargeResults } from '../report/large-results.js';
import { auditPage } from './audit.js';

/** No page taller than this at 1440 px: past it a reader no longer finds a claim by scrolling. */
const MAX_HEIGHT = 20_000;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve('test-artifacts', 'browser');

let browser: Browser;
let report: BuiltReport;
let large: { root: string; pages: string[] };

test.before(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: run 'bash scripts/setup-browser.sh' (make test does)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  report = await buildFixtureReport();
  // The large fixture: a paper the size of the biggest real one (200-seed claim, a dozen claims).
  const root = await mkdtemp(path.join(tmpdir(), 'report-large-'));
  const { resultsDir, expectedPath } = await makeLargeResults(root);
  const built = await buildReport({ resultsDir, outDir: path.join(root, 'reports'), dvcLockPath: path.join(root, 'none.lock'), repoRoot: root, expectedPath });
  large = { root, pages: built.pages };
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Without the background-networking flags Chromium phones home at start, which is not the page's doing.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

test.after.always(async () => {
  await browser?.close();
  await report?.cleanup();
  if (large) await rm(large.root, { recursive: true, force: true });
});

test.serial('every page at 1440 and 390 px: no horizontal scroll, height bound, no console error or request, every chart labelled', async (t) => {
  const pages = [...report.pages, ...large.pages];
  for (const file of pages) {
    const name = path.basename(file, '.html');
    for (const width of [1440, 390]) {
      const a = await auditPage(browser, file, width, path.join(ARTIFACTS, `audit-${name}-${width}.png`));
      // Printed so that a run shows the page heights (the closing notes of issue 23 compare them).
      t.log(`${name} @ ${width} px: ${a.height} px tall, ${a.svgs} SVGs`);
      t.false(a.pageScrollX, `${name} @ ${width}: the page scrolls sideways`);
      t.deepEqual(a.boxesScrollX, [], `${name} @ ${width}: boxes that scroll sideways`);
      if (width === 1440) t.true(a.height <= MAX_HEIGHT, `${name} @ ${width}: ${a.height} px tall (at most ${MAX_HEIGHT})`);
      t.deepEqual(a.errors, [], `${name} @ ${width}: console errors`);
      t.deepEqual(a.requests, [], `${name} @ ${width}: network requests`);
      t.deepEqual(a.unlabelled, [], `${name} @ ${width}: charts without a text alternative`);
    }
  }
});

test.serial('every page: no network request, no console error, no injected script, every chart interactive', async (t) => {
  t.true(report.pages.length >= 2);
  for (const file of report.pages) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('request', (r) => { if (!/^(file|data|about):/.test(r.url())) requests.push(r.url()); });
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
    await page.goto(`file://${file}`);
    await page.waitForLoadState('load');
    const figures = page.locator('[data-chart]');
    const count = await figures.count();
    await page.waitForFunction((n) => document.querySelectorAll('[data-chart] .chart-live svg, [data-chart] .chart-live canvas').length >= n, count, { timeout: 15000 });
    const marks = await page.locator('[data-chart] .chart-live svg .mark-symbol path, [data-chart] .chart-live svg .mark-line path, [data-chart] .chart-live svg .mark-rect path, [data-chart] .chart-live svg .mark-image image, [data-chart] .chart-live svg .mark-rule line').count();
    const name = path.basename(file, '.html');
    await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
    t.deepEqual(requests, [], `${name}: network requests`);
    t.deepEqual(errors, [], `${name}: console errors`);
    t.deepEqual(dialogs, [], `${name}: an injected script ran`);
    if (name !== 'index') t.true(count > 0 && marks > 0, `${name}: ${count} charts, ${marks} marks`);
    await page.close();
  }
});

test.serial('hovering a point of a chart shows its tooltip', async (t) => {
  const file = report.pages.find((p) => !p.endsWith('index.html'))!;
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`file://${file}`);
  await page.waitForSelector('[data-chart] .chart-live svg .mark-symbol path', { timeout: 15000 });
  const point = page.locator('[data-chart] .chart-live svg .mark-symbol path').first();
  await point.scrollIntoViewIfNeeded();
  const box = await point.boundingBox();
  t.truthy(box);
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  const tooltip = page.locator('#vg-tooltip-element');
  await tooltip.waitFor({ state: 'visible', timeout: 5000 });
  t.regex((await tooltip.textContent()) ?? '', /\d/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'tooltip.png') });
  await page.close();
});

test.serial('the CSP: the inlined runtime runs (by its hash); a local script file or an injected inline script does not', async (t) => {
  const { readFile, writeFile } = await import('node:fs/promises');
  const file = report.pages.find((p) => p.endsWith('scaling-laws.html'))!;
  const dir = path.dirname(file);
  // What a hostile result might smuggle in: a script file beside the page, and an inline script.
  await writeFile(path.join(dir, 'evil.js'), 'document.title = "pwned-file";');
  const html = await readFile(file, 'utf8');
  const tampered = path.join(dir, 'tampered.html');
  await writeFile(tampered, html.replace('<main id="top">', '<main id="top"><script src="evil.js"></script><script>document.title = "pwned-inline";</script>'));
  const page = await browser.newPage();
  const violations: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(`file://${tampered}`);
  await page.waitForLoadState('load');
  await page.waitForFunction(() => document.querySelectorAll('[data-chart].is-live').length > 0, null, { timeout: 15000 });
  t.false((await page.title()).startsWith('pwned'), 'neither injected script ran');
  t.true(violations.some((v) => /evil\.js/.test(v)), `the script file was refused by the CSP: ${violations.join(' | ')}`);
  t.true(violations.some((v) => /inline script/i.test(v)), 'the injected inline script was refused by the CSP');
  await page.close();
});
