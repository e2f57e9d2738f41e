/**
 * The report leads each claim with the part that decided it (its threshold, interval and method)
 * and judges the control from the verdicts: power only when the claim passed and the control did
 * not; degenerate controls are named as such. Built from real kind decisions.
 */
import test from 'ava';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allOf, pairedDifference, valueInBand } from '../../src/claims/index.js';
import { claim } from '../../src/claims/claim.js';
import { buildReport } from '../../src/report/index.js';
import { stringifyResults } from '../../src/results/json.js';
import { claimResult } from '../../src/runner/decide.js';
import { RESULTS_VERSION } from '../../src/types.js';
import { recordWith } from '../claims/fixtures.js';

const scalars = (values: Record<string, number[]>) => recordWith((r) => {
  for (const [name, list] of Object.entries(values)) list.forEach((v, seed) => r.scalar(name, v, { seed }));
});

test('the deciding part leads, and control status comes from the verdicts', async (t) => {
  const twoParts = claim({
    id: 'two-parts',
    quote: 'a claim of two conditions',
    why: 'test',
    check: allOf(valueInBand('a', { label: 'A' }).within({ ge: 0 }), valueInBand('b', { label: 'B' }).within({ le: 1 })),
    control: { params: { x: 1 }, why: 'B grows' },
  });
  const identical = claim({
    id: 'helps',
    quote: 'the method helps',
    why: 'test',
    check: pairedDifference('m', 'base').differenceWithin({ gt: 0 }),
    control: { params: { y: 1 }, why: 'both arms the same' },
  });
  const main = scalars({ a: [1, 1.1, 0.9], b: [2, 2.1, 1.9], m: [1, 1.1, 1.2], base: [0.5, 0.6, 0.55] });
  const control = scalars({ a: [1, 1.1, 0.9], b: [3, 3.1, 2.9], m: [1, 1.1, 1.2], base: [1, 1.1, 1.2] });
  const claims = [
    claimResult(twoParts, { ok: true, record: main }, { ok: true, record: control }),
    claimResult(identical, { ok: true, record: main }, { ok: true, record: control }),
  ];
  const root = await mkdtemp(join(tmpdir(), 'decision-report-'));
  try {
    const dir = join(root, 'results', 'demo');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'verdicts.json'), stringifyResults({ version: RESULTS_VERSION, reproduction: 'demo', paper: { title: 'Demo', authors: [], year: 2026 }, profile: 'smoke', backend: 'cpu', claims, figures: [] }));
    await buildReport({ resultsDir: join(root, 'results'), outDir: join(root, 'reports'), dvcLockPath: join(root, 'none.lock'), repoRoot: root });
    const html = await readFile(join(root, 'reports', 'demo.html'), 'utf8');
    const section = (id: string) => html.slice(html.indexOf(`id="claim-${id}"`), html.indexOf('</section>', html.indexOf(`id="claim-${id}"`)));
    const first = section('two-parts');
    // The block leads with the failing part (B), not the passing first part (A).
    const lead = first.slice(0, first.indexOf('<blockquote>'));
    t.regex(lead, /threshold: <strong>B ≤ 1 \(mean over seeds, 95% t interval\)<\/strong>/);
    t.regex(lead, /<div class="decided-by">part 2 of 2 \([a-z-]+\) decides<\/div>/);
    t.regex(lead, /<span class="stat">2<\/span>/);
    t.regex(lead, /<p class="explain v-text-fail">Fails: part 2 of 2 \([a-z-]+\) was 2 \(95% CI \[[^\]]+\]\) against the threshold &quot;B ≤ 1[^<]*; likely reason: the whole interval lies above the upper end 1\.<\/p>/);
    t.regex(first, /method<\/th><td>mean over seeds, t interval over n &#x3D; 3<\/td>/);
    t.regex(first, /decides<\/strong>/);
    // The claim failed: its control shows no power either way.
    t.regex(first, /class="control-not-shown"/);
    const second = section('helps');
    t.regex(second, /class="control-degenerate"/);
    t.regex(second, /bit-identical/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
