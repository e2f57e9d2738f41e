/**
 * The large fixture rendered (no browser): the deciding part leads a failing all-of claim, a
 * generated sentence explains each non-pass, ∞ is shown as ∞ with its censored seeds named, a
 * 200-row per-seed table is folded behind a summary with a histogram, details carry human
 * labels, and a departing control that expected.json accepts is shown as accepted, with its why.
 */
import test from 'ava';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../../src/report/index.js';
import { LARGE_ID, makeLargeResults } from './large-results.js';

let root: string;
let html: string;
let index: string;

test.before(async () => {
  root = await mkdtemp(join(tmpdir(), 'report-large-'));
  const { resultsDir, expectedPath } = await makeLargeResults(root);
  await buildReport({ resultsDir, outDir: join(root, 'reports'), dvcLockPath: join(root, 'none.lock'), repoRoot: root, expectedPath });
  html = await readFile(join(root, 'reports', `${LARGE_ID}.html`), 'utf8');
  index = await readFile(join(root, 'reports', 'index.html'), 'utf8');
});

test.after.always(async () => {
  await rm(root, { recursive: true, force: true });
});

const section = (id: string) => html.slice(html.indexOf(`id="claim-${id}"`), html.indexOf('</section>', html.indexOf(`id="claim-${id}"`)));
const lead = (id: string) => section(id).slice(0, section(id).indexOf('<blockquote>'));

test('a failing all-of claim leads with its failing part and says why in a sentence', (t) => {
  const head = lead('time-scales-linearly');
  t.regex(head, /<span class="stat">1\.37<\/span>/);
  t.notRegex(head, /0\.969/, 'the passing part is not the headline');
  t.regex(head, /threshold: <strong>attention slope ≥ 1\.5<\/strong>/);
  t.regex(head, /Fails: part 2 of 2 \(slope\) was 1\.37 \(95% CI \[1\.2, 1\.45\]\)[^<]*likely reason: the whole interval lies below the lower end 1\.5\./);
});

test('∞ is shown as ∞, and censored seeds are named with their count', (t) => {
  const s = section('iteration-speedup');
  t.regex(lead('iteration-speedup'), /<span class="mono">\[2, ∞\]<\/span>/);
  t.regex(lead('iteration-speedup'), /Inconclusive: the statistic was 12 \(95% CI \[2, ∞\]\)[^<]*likely reason: 4 of 5 seeds never reached the target \(∞\)/);
  t.regex(s, /over the 1 finite of 5 seeds/);
  t.regex(s, /4 of 5 seeds censored at ∞ \(the run never reached its target\): seeds 1, 2, 3, 4/);
});

test('a 200-seed table is folded behind a summary with a histogram; details have human labels', (t) => {
  const s = section('two-hundred-seeds');
  t.regex(s, /<svg class="hist"[^>]*role="img" aria-label="Histogram of 200 per-seed values/);
  t.regex(s, /<details class="perseed-more"><summary>all 200 per-seed values<\/summary>/);
  t.regex(s, /over 200 seeds/);
  t.regex(s, /<th scope="row">p-value<\/th>/);
  t.regex(s, /<th scope="row">worst R²<\/th>/);
  t.regex(s, /<th scope="row">seeds above band<\/th>/);
  t.notRegex(s, />pValue<|>worstR2</);
  t.false(/explain/.test(lead('two-hundred-seeds')), 'no sentence for a pass');
});

test('a departing control that expected.json accepts is shown as accepted, with its why, on the page and the index', (t) => {
  t.regex(section('time-scales-linearly'), /class="judgement judged-accepted"><span aria-hidden="true">✓<\/span> against expected\.json: control inconclusive \(it must fail\); expected\.json accepts this: timing on a shared machine/);
  t.regex(index, /<span class="power-ok"><span aria-hidden="true">✓<\/span> 12 \/ 12<\/span>/);
  t.regex(index, /time-scales-linearly: accepted by expected\.json \(timing on a shared machine/);
});

test("each claim's numbers are downloadable as CSV beside the page", async (t) => {
  const href = /<a class="download" href="(data\/large-paper\/claim-iteration-speedup\.csv)" download/.exec(section('iteration-speedup'))?.[1];
  t.truthy(href);
  const csv = await readFile(join(root, 'reports', href!), 'utf8');
  t.true(csv.startsWith('arm,quantity,seed,value\nclaim,statistic,,12\nclaim,ci_low,,2\nclaim,ci_high,,Infinity\nclaim,per_seed,0,12\nclaim,per_seed,1,Infinity\n'));
});
