import test from 'ava';
import { censoredRatio, medianRatio } from '../../src/claims/kinds/median-ratio.js';
import { recordWith } from './fixtures.js';

const INF = Number.POSITIVE_INFINITY;

/** Steps to a target for a baseline (a) and a method (b), one value per seed. */
const steps = (a: number[], b: number[]) => recordWith((r) => {
  a.forEach((v, seed) => r.scalar('a', v, { seed }));
  b.forEach((v, seed) => r.scalar('b', v, { seed }));
});
const six = (v: number) => Array(6).fill(v);

test('censored ratios: ∞ when A never reached the target, 0 when B never did, undefined when neither', (t) => {
  t.is(censoredRatio(300, 200), 1.5);
  t.is(censoredRatio(INF, 200), INF);
  t.is(censoredRatio(300, INF), 0);
  t.true(Number.isNaN(censoredRatio(INF, INF)));
  t.true(Number.isNaN(censoredRatio(-1, 2)));
});

test('median-ratio passes a clear speed-up, with the median and the interval both above their bars', (t) => {
  const check = medianRatio('a', 'b').within({ gt: 1 }, { median: { ge: 1.2 } });
  const d = check.decide(steps([400, 420, 380, 440, 400, 410], [200, 220, 210, 190, 230, 200]));
  t.is(d.verdict, 'pass', d.reason);
  t.true((d.statistic as number) > 1.8 && d.ci![0] > 1);
  t.regex(d.method, /order-statistic/);
  t.truthy(d.chart);
});

test('below six seeds no order-statistic interval reaches 95%: inconclusive, whatever the data', (t) => {
  const check = medianRatio('a', 'b').within({ gt: 1 });
  const d = check.decide(steps([400, 420, 380, 440, 400], [200, 220, 210, 190, 230]));
  t.is(d.verdict, 'inconclusive');
  t.regex(d.reason, /6 seeds/);
});

test('median-ratio fails when the method never reaches the target (ratios 0), and when the median misses its bar', (t) => {
  const check = medianRatio('a', 'b').within({ gt: 1 }, { median: { ge: 1.2 } });
  const never = check.decide(steps(six(400), six(INF)));
  t.is(never.verdict, 'fail', never.reason);
  t.is(never.statistic, 0);
  const small = check.decide(steps(six(110), six(100)));
  t.is(small.verdict, 'fail', small.reason);
});

test('median-ratio is inconclusive when the interval straddles the band or a ratio is undefined', (t) => {
  const check = medianRatio('a', 'b').within({ gt: 1 });
  t.is(check.decide(steps([300, 100, 300, 100, 300, 100], six(200))).verdict, 'inconclusive');
  const neither = check.decide(steps([INF, 100, 300, 100, 300, 300], [INF, 200, 200, 200, 200, 200]));
  t.is(neither.verdict, 'inconclusive');
  t.regex(neither.reason, /undefined for seeds 0/);
});

test('median-ratio on a two-sided band: a diverged method (∞ steps) fails it', (t) => {
  const check = medianRatio('a', 'b').within({ ge: 0.77, le: 1.3 });
  t.is(check.decide(steps([200, 210, 190, 205, 195, 200], six(200))).verdict, 'pass');
  t.is(check.decide(steps(six(INF), six(200))).verdict, 'fail');
  t.is(check.decide(steps([INF, INF, INF, 205, INF, INF], six(200))).verdict, 'inconclusive');
});
