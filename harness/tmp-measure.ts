import { chromium } from 'playwright-core';
import { readdirSync } from 'node:fs';
import { auditPage } from './test/browser/audit.js';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
for (const dir of process.argv.slice(2)) {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
    for (const w of [1440, 390]) {
      const a = await auditPage(browser, `${dir}/${f}`, w, `${dir}/${f}-${w}.png`);
      console.log(`${dir}/${f} @${w}: height ${a.height}, pageScrollX ${a.pageScrollX}, boxes ${JSON.stringify(a.boxesScrollX.slice(0,5))} (${a.boxesScrollX.length}), errors ${a.errors.length}, requests ${a.requests.length}, svgs ${a.svgs}, unlabelled ${a.unlabelled.length} ${JSON.stringify(a.unlabelled.slice(0,3))}`);
    }
  }
}
await browser.close();
