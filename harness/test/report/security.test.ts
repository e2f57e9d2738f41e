import test from 'ava';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSP, cspFor, cspHash, inlineBundle } from '../../src/report/index.js';
import { PAYLOAD, PAYLOAD_IMG, PAYLOAD_SCRIPT } from '../fixtures/report/make-results.js';
import { buildFixtureReport, scripts, urlAttributes, type BuiltReport } from './helpers.js';

let report: BuiltReport;
let pages: { name: string; html: string }[];
test.before(async () => {
  report = await buildFixtureReport();
  pages = await Promise.all(['index.html', 'scaling-laws.html', 'xss-test.html'].map(async (name) => ({ name, html: await report.read(name) })));
});
test.after.always(async () => {
  await report?.cleanup();
});

test('payloads in claim id, quote, params, paper meta and charts are escaped', async (t) => {
  const html = await report.read('xss-test.html');
  t.false(html.includes(PAYLOAD_SCRIPT), 'no raw <script>alert');
  t.false(/<script>alert/i.test(html));
  t.false(html.includes('<img src=x'), 'no raw <img');
  t.false(html.includes(PAYLOAD_IMG));
  // They are shown, escaped: id, quote, a param value.
  const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;';
  t.true(html.includes(`<h3>claim-${escaped}</h3>`), 'claim id');
  t.true(html.includes(`<blockquote>The model ${escaped} works.</blockquote>`), 'quote');
  t.true(html.includes(`lr</th><td class="mono">${escaped}</td>`), 'param value');
  t.true(html.includes(`<h1>Paper ${escaped}</h1>`), 'title');
  // An unknown verdict is shown as error, with the raw text escaped.
  t.regex(html, /id="claim-second"[\s\S]*?<span class="badge v-error"><span aria-hidden="true">!<\/span> error<\/span>/);
  // No event-handler attribute anywhere (text may mention onerror=, but never as an attribute).
  for (const { name, html: page } of pages) {
    for (const tag of page.matchAll(/<[a-zA-Z][^>]*>/g)) {
      t.false(/\son[a-z]+\s*=/i.test(tag[0].replace(/"[^"]*"/g, '""')), `${name}: event handler in ${tag[0].slice(0, 80)}`);
    }
  }
});

test('only two kinds of script element: the inlined chart runtime (allowed by its hash) and JSON data', async (t) => {
  const runtime = await inlineBundle();
  for (const { name, html } of pages) {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1];
    for (const s of scripts(html)) {
      if (s.open === '<script type="application/json">') {
        t.false(/<\/script|<!--|</i.test(s.body), `${name}: JSON block escapes <`);
        t.notThrows(() => JSON.parse(s.body));
      } else {
        t.is(s.open, '<script>', `${name}: unexpected script ${s.open}`);
        t.is(s.body, runtime.text, `${name}: the inline script is the bundle, byte for byte`);
        t.true(csp.includes(cspHash(s.body)), `${name}: the CSP allows it by its sha256`);
      }
    }
  }
  // The payload survives intact inside the JSON spec (escaped as \u003c).
  const xss = pages.find((p) => p.name === 'xss-test.html')!.html;
  const specs = scripts(xss).filter((s) => s.open.includes('application/json')).map((s) => JSON.parse(s.body));
  t.true(specs.some((s) => JSON.stringify(s).includes(JSON.stringify(PAYLOAD).slice(1, -1))));
  t.true(xss.includes('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e'));
});

test('nothing is loaded from the network: no http(s) in src/href except <a> navigation', async (t) => {
  for (const { name, html } of pages) {
    for (const u of urlAttributes(html)) {
      if (u.tag === 'a') {
        t.regex(u.value, /^(https:\/\/|[A-Za-z0-9._-]+\.html(#[A-Za-z0-9._-]*)?$|#[A-Za-z0-9._-]+$|data\/[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+\.csv$)/, `${name}: <a href="${u.value}">`);
      } else {
        t.false(/^\s*(https?:)?\/\//i.test(u.value), `${name}: <${u.tag} ${u.attr}="${u.value.slice(0, 60)}">`);
        t.regex(u.value, /^data:image\/png;base64,/, `${name}: <${u.tag} ${u.attr}> is inline`);
      }
    }
    t.false(/<link\b/i.test(html), 'no <link> elements');
    t.false(/@import|url\(\s*['"]?https?:/i.test(html), 'no remote CSS');
  }
  const bundle = (await inlineBundle()).text;
  t.false(/(src|href)\s*=\s*["']?https?:\/\//i.test(bundle), 'bundle sets no remote src/href');
  t.false(/sourceMappingURL/.test(bundle), 'no source map requests');
});

test('unsafe link targets are not linked', (t) => {
  const xss = pages.find((p) => p.name === 'xss-test.html')!.html;
  t.false(/javascript:/i.test(urlAttributes(xss).map((u) => u.value).join(' ')));
  t.true(xss.includes('paper: javascript:alert(1)'), 'shown as text instead');
});

test('CSP meta tag on every page: no remote source, no file: or self for scripts, only the sha256 of the inlined runtime', async (t) => {
  const runtime = await inlineBundle();
  t.is(CSP, cspFor([]));
  t.regex(CSP, /script-src 'none'/);
  for (const { name, html } of pages) {
    const head = html.slice(0, html.indexOf('</head>'));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(head)?.[1] ?? '';
    t.false(/https?:|\*|file:|'self'|unsafe-eval|strict-dynamic/.test(/script-src[^;]*/.exec(csp)?.[0] ?? 'missing'), `${name}: ${csp}`);
    t.false(/https?:|\*|file:/.test(csp), `${name}: nothing remote or local-file anywhere`);
    t.regex(csp, /default-src 'none'/);
    const expected = name === 'index.html' ? "script-src 'none'" : `script-src ${runtime.source}`;
    t.true(csp.includes(`${expected};`), `${name}: ${csp}`);
    t.true(head.indexOf('Content-Security-Policy') < head.indexOf('<style>'), `${name}: CSP comes first`);
  }
});
