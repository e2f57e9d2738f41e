import test from 'ava';
import { join } from 'node:path';
import { readDvcLock, runStage } from '../../src/report/dvc.js';
import { arxivUrl, escapeHtml, fmtDuration, jsonForScript, safeHttpUrl, slug, uniqueSlug } from '../../src/report/format.js';
import { normalizeVerdicts } from '../../src/report/load.js';
import { ciStripSvg } from '../../src/report/strip.js';
import { compactSvg, sanitizeSvg } from '../../src/report/svg.js';
import { parseThreshold } from '../../src/report/threshold.js';
import { FIXTURES } from './helpers.js';
import { formatNumber } from '../../src/claims/band.js';

test('escapeHtml and jsonForScript', (t) => {
  t.is(escapeHtml(`<a href="x" onclick='y'>&\``), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
  const json = jsonForScript({ s: '</script><!-- & \u2028' });
  t.false(/[<>&\u2028]/.test(json));
  t.deepEqual(JSON.parse(json), { s: '</script><!-- & \u2028' });
});

test('number, duration and URL formatting', (t) => {
  t.is(formatNumber(null), '—');
  t.is(formatNumber(Number.NaN), 'NaN');
  t.is(formatNumber(-0.98765), '-0.9877');
  t.is(formatNumber(1.5e-5), '1.50e-5');
  t.is(formatNumber(123456), '1.23e+5');
  t.is(fmtDuration(0.25), '250 ms');
  t.is(fmtDuration(7.25), '7.3 s');
  t.is(fmtDuration(754.2), '12 min 34 s');
  t.is(fmtDuration(7384), '2 h 03 min');
  t.is(fmtDuration(undefined), '—');
  t.is(safeHttpUrl('javascript:alert(1)'), null);
  t.is(safeHttpUrl(' https://example.org/a b'), 'https://example.org/a%20b');
  t.is(safeHttpUrl('//evil.example'), null);
  t.is(arxivUrl('2001.08361'), 'https://arxiv.org/abs/2001.08361');
  t.is(arxivUrl('arXiv:1706.03762v5'), 'https://arxiv.org/abs/1706.03762v5');
  t.is(arxivUrl('hep-th/9901001'), 'https://arxiv.org/abs/hep-th/9901001');
  t.is(arxivUrl('https://arxiv.org/abs/2001.08361'), 'https://arxiv.org/abs/2001.08361');
  t.is(arxivUrl('https://evil.example/arxiv.org/'), null);
  t.is(arxivUrl('"><script>'), null);
});

test('slugs are safe file names and fragments, and unique', (t) => {
  t.is(slug('<script>alert(1)</script>'), 'script_alert_1_script_');
  t.is(slug('../../etc/passwd'), 'etc_passwd');
  t.is(slug(''), 'item');
  const taken = new Set(['index']);
  t.is(uniqueSlug('index', taken), 'index-2');
  t.is(uniqueSlug('a b', taken), 'a_b');
  t.is(uniqueSlug('a?b', taken), 'a_b-2');
});

test('thresholds in words become bands', (t) => {
  t.like(parseThreshold('exponent in [-1.1, -0.9] with R² ≥ 0.9 for every seed, x in [10, 100]'), { lo: -1.1, hi: -0.9 });
  t.like(parseThreshold('95% CI of a − b ≤ 0'), { hi: 0 });
  t.like(parseThreshold('accuracy ≥ 0.95 in at least 3 seeds'), { lo: 0.95 });
  t.like(parseThreshold('ratio >= 1.50e-2'), { lo: 0.015 });
  t.like(parseThreshold('value in [−2, 3]'), { lo: -2, hi: 3 });
  t.is(parseThreshold('mean over seeds strictly increasing in x'), undefined);
  t.is(parseThreshold(undefined), undefined);
});

test('CI strip: numbers only, escaped label, null without a statistic', (t) => {
  const svg = ciStripSvg({ statistic: 1, ci: [0.5, 1.5], band: { lo: 0.8, hi: 2, label: '<b>' } })!;
  t.regex(svg, /^<svg class="strip"/);
  t.regex(svg, /<rect [^>]*class="band"/);
  t.regex(svg, /<circle [^>]*class="stat"/);
  t.false(svg.includes('<b>'));
  t.is(ciStripSvg({ statistic: null }), null);
  t.notThrows(() => ciStripSvg({ statistic: 0, ci: [0, 0] }));
});

test('SVG sanitiser: links, scripts and remote references removed', (t) => {
  const svg = '<svg><a xlink:href="javascript:x"><path d="M0,0"/></a><image xlink:href="https://e.x/i.png"/><image xlink:href="data:image/png;base64,AAAA"/><path onclick="x" d="M1,1"/></svg>';
  const out = sanitizeSvg(svg);
  t.false(out.includes('<a'));
  t.false(out.includes('https://'));
  t.true(out.includes('data:image/png;base64,AAAA'));
  t.false(out.includes('onclick'));
  t.throws(() => sanitizeSvg('<svg><script>x</script></svg>'));
  t.throws(() => sanitizeSvg('<svg><foreignObject/></svg>'));
  t.is(compactSvg('<path d="M1.23456,2.5L3.14159,0" opacity="1"/><path aria-label="hover" d="M0,0" opacity="0"/>'), '<path d="M1.23,2.5L3.14,0" opacity="1"/>');
});

test('dvc.lock: run@<id> stage with deps, params and outs', async (t) => {
  const lock = await readDvcLock(join(FIXTURES, 'dvc.lock'));
  const stage = runStage(lock, 'scaling-laws')!;
  t.is(stage.name, 'run@scaling-laws');
  t.is(stage.cmd, 'node harness/bin/repro.js run scaling-laws');
  t.deepEqual(stage.deps[0], { path: 'reproductions/scaling-laws', hash: '0f3c1f6f5a1f4b7e9d2e8c6b1a0d9e7f.dir', size: 48211, nfiles: 7 });
  t.deepEqual(stage.params.map((p) => p.key), ['profile', 'papers.scaling-laws']);
  t.is(stage.outs.length, 2);
  t.is(runStage(lock, 'nope'), null);
  t.is(await readDvcLock(join(FIXTURES, 'does-not-exist.lock')), null);
});

test('normalizeVerdicts fills defaults for partial files and rejects non-objects', (t) => {
  const v = normalizeVerdicts({ claims: [{ verdict: 'pass' }, null], figures: [null, { id: 'f' }] }, 'x');
  t.is(v.reproduction, 'x');
  t.is(v.paper.title, 'x');
  t.is(v.claims.length, 2);
  t.is(v.claims[0].id, 'claim-1');
  t.is(v.claims[1].evidence.method, '');
  t.is(v.figures.length, 1);
  t.throws(() => normalizeVerdicts([], 'x'));
});

