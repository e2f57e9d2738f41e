/**
 * A page audited as a reviewer sees it, at one viewport width: its height, horizontal scrolling
 * (the page's, and any scroll box inside it), console errors, requests leaving the machine, and
 * charts without a text alternative. Used by the browser test and to measure pages by hand.
 */
import type { Browser } from 'playwright-core';

export interface Audit {
  width: number;
  height: number;
  /** The page scrolls sideways. */
  pageScrollX: boolean;
  /** Elements inside the page that scroll sideways (selector-ish names). */
  boxesScrollX: string[];
  errors: string[];
  requests: string[];
  svgs: number;
  /** Outermost SVGs with no aria-label / aria-labelledby / title that are not hidden from readers. */
  unlabelled: string[];
}

export async function auditPage(browser: Browser, file: string, width: number, screenshot?: string): Promise<Audit> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => { if (!/^(file|data|about):/.test(r.url())) requests.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${file}`);
  await page.waitForLoadState('load');
  const charts = await page.locator('[data-chart]').count();
  // Every chart drawn live (or left static by a failed embed) before measuring.
  await page.waitForFunction((n) => document.querySelectorAll('[data-chart].is-live').length >= n, charts, { timeout: 30000 }).catch(() => undefined);
  const facts = await page.evaluate(() => {
    const doc = document.documentElement;
    const boxes: string[] = [];
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      const style = getComputedStyle(el);
      if (!['auto', 'scroll'].includes(style.overflowX)) continue;
      if (el.closest('[hidden], details:not([open])')) continue;
      if (el.scrollWidth > el.clientWidth + 1) boxes.push(`${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').replace(/\s+/g, '.')}`);
    }
    const svgs = Array.from(document.querySelectorAll('svg')).filter((s) => !s.parentElement?.closest('svg'));
    const unlabelled = svgs
      .filter((s) => !s.closest('[hidden], [aria-hidden="true"]'))
      .filter((s) => !s.getAttribute('aria-label') && !s.getAttribute('aria-labelledby') && !s.querySelector(':scope > title'))
      .map((s) => `${s.getAttribute('class') ?? 'svg'} in ${s.parentElement?.className ?? '?'}`);
    return { height: doc.scrollHeight, pageScrollX: doc.scrollWidth > window.innerWidth, boxes, svgs: svgs.length, unlabelled };
  });
  if (screenshot) await page.screenshot({ path: screenshot, fullPage: facts.height <= 30000 });
  await page.close();
  return { width, height: facts.height, pageScrollX: facts.pageScrollX, boxesScrollX: facts.boxes, errors, requests, svgs: facts.svgs, unlabelled: facts.unlabelled };
}
