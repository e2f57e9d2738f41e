import test from 'ava';
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFixtureReport, scripts, type BuiltReport } from './helpers.js';

let report: BuiltReport;
test.before(async () => {
  report = await buildFixtureReport();
});
test.after.always(async () => {
  await report?.cleanup();
});

test('writes index and one page per readable reproduction, each paper page with the chart runtime inlined', async (t) => {
  t.deepEqual(
    report.pages.map((p) => p.slice(report.outDir.length + 1)),
    ['index.html', 'scaling-laws.html', 'xss-test.html'],
  );
  for (const p of report.pages) t.true((await stat(p)).size > 1000);
  // The runtime is inlined (allowed by its hash), so no script file is written beside the pages.
  t.true((await stat(join(report.outDir, 'scaling-laws.html'))).size > 500_000);
  t.false(existsSync(join(report.outDir, 'assets', 'vega-bundle.js')));
  const files = await readdir(report.outDir);
  t.false(files.some((f) => f.endsWith('.tmp')), 'no temp files left behind');
  t.false(files.includes('broken.html'), 'unreadable results get no page');
});

test('index: verdict matrix, counts, control power, runtime, backend, links', async (t) => {
  const html = await report.read('index.html');
  t.regex(html, /<a href="scaling-laws\.html">Scaling Laws for Neural Language Models<\/a>/);
  t.regex(html, /<a class="badge v-pass" href="scaling-laws\.html#claim-loss-power-law"[^>]*><span aria-hidden="true">✓<\/span> loss-power-law<\/a>/);
  t.regex(html, /class="badge v-inconclusive" href="scaling-laws\.html#claim-compute-ratio"/);
  // Totals over all papers: scaling-laws 1/1/1/1, xss-test 1 pass, 1 fail, 0 inc, 1 error (unknown verdict).
  const count = (v: string, g: string, n: number) => `<span class="count v-${v}"><span aria-hidden="true">${g}</span> <b>${n}</b>${v}</span>`;
  t.true(html.includes(count('pass', '✓', 2) + count('fail', '✗', 2) + count('inconclusive', '?', 1) + count('error', '!', 2)));
  t.regex(html, /1 \/ 2/, 'control power of scaling-laws');
  t.regex(html, /12 min 34 s/);
  t.regex(html, /tfjs-node/);
  t.regex(html, /<code>broken<\/code>: verdicts\.json could not be read/);
  t.notRegex(html, /in-progress/);
});

test('paper page: claims with quote, verdict, statistic, CI, threshold, why, method, seeds, control and charts', async (t) => {
  const html = await report.read('scaling-laws.html');
  t.regex(html, /<h1>Scaling Laws for Neural Language Models<\/h1>/);
  t.regex(html, /Jared Kaplan, Sam McCandlish, Tom Henighan · 2020/);
  t.regex(html, /<a href="https:\/\/arxiv\.org\/abs\/2001\.08361" rel="noopener noreferrer">arXiv 2001\.08361<\/a>/);
  t.regex(html, /<a href="https:\/\/github\.com\/example\/scaling"[^>]*>code<\/a>/);
  t.regex(html, /<section class="claim" id="claim-loss-power-law">/);
  t.regex(html, /<blockquote>The loss scales as a power-law with model size, with exponent close to -1\.<\/blockquote>/);
  t.regex(html, /<span class="stat">-0\.98<\/span> <span class="muted">95% CI<\/span> <span class="mono">\[-1\.02, -0\.94\]<\/span>/);
  t.regex(html, /threshold: <strong>exponent in \[-1\.1, -0\.9\] for every seed<\/strong>/);
  t.regex(html, /why this threshold<\/th><td>The paper reports an exponent/);
  t.regex(html, /method<\/th><td>OLS slope/);
  t.regex(html, /data<\/th><td>3 observations · seeds <span class="mono">1, 2, 3<\/span>/);
  t.regex(html, /significance level <span class="mono">0\.05<\/span><\/td>/);
  t.regex(html, /reason \(as the run recorded it\)<\/th><td>every seed&#x27;s exponent is in/);
  t.regex(html, /mean -0\.98, sd 0\.01, range \[-0\.99, -0\.97\] over 3 seeds/);
  t.regex(html, /<svg class="strip"/, 'statistic/CI/threshold strip');
  // Control with power, and one without.
  t.regex(html, /must give <span class="badge v-fail"><span aria-hidden="true">✗<\/span> fail<\/span> · got <span class="badge v-fail"><span aria-hidden="true">✗<\/span> fail<\/span>/);
  t.regex(html, /<span class="control-power">control fail as expected: the test has power<\/span>/);
  t.regex(html, /<span class="control-(no-power|not-shown)">/);
  t.regex(html, /shuffleLabels<\/th><td class="mono">true<\/td>/);
  t.regex(html, /<strong>Note:<\/strong> Proxy: a 2-layer MLP/);
  // Error claim: no statistic, no chart, still listed.
  t.regex(html, /id="claim-critical-batch"[\s\S]*?<span class="stat">—<\/span>/);
  // Figures.
  t.regex(html, /<h2 id="figures">Figures<\/h2>/);
  t.regex(html, /Mean final loss over 3 seeds\./);
});

test('every chart: static SVG plus its spec for the interactive view', async (t) => {
  const html = await report.read('scaling-laws.html');
  const figures = [...html.matchAll(/<figure class="chart" data-chart data-alt="Chart[^"]*">([\s\S]*?)<\/figure>/g)].map((m) => m[1]);
  // 4 evidence charts (incl. 1 in a control), 3 per-seed charts, 2 figures.
  t.is(figures.length, 9);
  for (const f of figures) {
    t.regex(f, /<div class="chart-static"><svg role="img" aria-label="Chart[^"]*"[^>]*class="marks"/);
    t.regex(f, /<div class="chart-live" hidden><\/div>/);
    const json = scripts(f);
    t.is(json.length, 1);
    t.is(json[0].open, '<script type="application/json">');
    const spec = JSON.parse(json[0].body);
    t.is(spec.$schema, 'https://vega.github.io/schema/vega-lite/v6.json');
  }
  t.regex(html, /xlink:href="data:image\/png;base64,/, 'image grid inlined as data URLs');
  // A claim whose evidence chart already shows the per-seed values gets no second one.
  const xss = await report.read('xss-test.html');
  const section = xss.slice(xss.indexOf('id="claim-per-seed-count"'));
  t.is((section.slice(0, section.indexOf('</section>')).match(/<figure class="chart"/g) ?? []).length, 1);
  t.regex(html, /<script>[\s\S]*vegaEmbed[\s\S]*<\/script>\n<\/body>/);
});

test('provenance: git, dirty flag, versions, machine, seeds, wall time, date, dvc stage hashes', async (t) => {
  const html = await report.read('scaling-laws.html');
  const prov = html.slice(html.indexOf('<h2 id="provenance">'));
  t.regex(prov, /3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a <span class="power-bad">\(dirty: uncommitted changes\)<\/span>/);
  t.regex(prov, /@tensorflow\/tfjs-core<\/th><td class="mono">4\.22\.0/);
  t.regex(prov, /Test CPU @ 3\.0GHz/);
  t.regex(prov, /125\.7 GiB/);
  t.regex(prov, /wall time<\/th><td>12 min 34 s/);
  t.regex(prov, /2025-03-01 10:20 UTC/);
  t.regex(prov, /tfjs-node <span class="muted">\(CPU, 4 threads\)<\/span>/);
  t.regex(prov, /run@scaling-laws/);
  t.regex(prov, /node harness\/bin\/repro\.js run scaling-laws/);
  t.regex(prov, /reproductions\/scaling-laws<\/td><td class="mono">0f3c1f6f5a1f4b7e9d2e8c6b1a0d9e7f\.dir/);
  t.regex(prov, /params\.yaml: papers\.scaling-laws<\/th><td class="mono">\{&quot;seeds&quot;:\[1,2,3\],&quot;steps&quot;:400\}/);
  t.regex(prov, /results\/scaling-laws\/verdicts\.json<\/td><td class="mono">7215ee9c7d9dc229d2921a40e899ec5f/);
  t.regex(prov, /\{&quot;shuffleLabels&quot;:true\}<\/td><td class="num">4 min 14 s/);
});

test('a missing dvc.lock is noted on the page, not an error; rebuilding replaces files', async (t) => {
  const other = await buildFixtureReport({ dvcLock: null });
  try {
    const html = await other.read('scaling-laws.html');
    t.regex(html, /no dvc\.lock at missing\.lock/);
    t.is(other.pages.length, 3);
  } finally {
    await other.cleanup();
  }
});
