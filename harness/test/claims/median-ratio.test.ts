import test from 'ava';
import { censoredRatio, medianBootstrapInterval, medianRatio, orderMedian } from '../../src/claims/kinds/median-ratio.js';
import { recordWith } from './fixtures.js';

const INF = Number.POSITIVE_INFINITY;

/** Steps to a target for a baseline (a) and a method (b) on five seeds. */
const steps = (a: number[], b: number[]) => recordWith((r) => {
  a.forEach((v, seed) => r.scalar('a', v, { seed }));
  b.forEach((v, seed) => r.scalar('b', v, { seed }));
});

test('censored ratios: ∞ when A never reached the target, 0 when B never did, undefined when neither', (t) => {
  t.is(censoredRatio(300, 200), 1.5);
  t.is(censoredRatio(INF, 200), INF);
  t.is(censoredRatio(300, INF), 0);
  t.true(Number.isNaN(censoredRatio(INF, INF)));
  t.true(Number.isNaN(censoredRatio(-1, 2)));
  t.is(orderMedian([0, 1, 2, INF, INF]), 2);
  t.is(orderMedian([1, 2, INF, INF]), INF);
  t.is(orderMedian([1, 2, 3, 4]), 2.5);
  const [lo, hi] = medianBootstrapInterval([1, 2, 3, INF, INF]);
  t.true(lo >= 1 && hi === INF);
  t.throws(() => medianBootstrapInterval([1]), { message: /at least 2/ });
});

test('median-ratio passes a clear speed-up, with the median and the CI both above their bars', (t) => {
  const check = medianRatio('a', 'b').within({ lo: 1 }, { median: { lo: 1.2 } });
  const d = check.decide(steps([400, 420, 380, 440, 400], [200, 220, 210, 190, 230]));
  t.is(d.verdict, 'pass', d.reason);
  t.true((d.statistic as number) > 1.8 && d.ci![0] >= 1);
  t.is(check.kind, 'median-ratio');
  t.truthy(d.chart);
});

test('median-ratio fails when the method never reaches the target (ratios 0), and when the median misses its bar', (t) => {
  const check = medianRatio('a', 'b').within({ lo: 1 }, { median: { lo: 1.2 } });
  const never = check.decide(steps([400, 420, 380, 440, 400], [INF, INF, INF, INF, INF]));
  t.is(never.verdict, 'fail', never.reason);
  t.is(never.statistic, 0);
  const small = check.decide(steps([110, 110, 110, 110, 110], [100, 100, 100, 100, 100]));
  t.is(small.verdict, 'fail', small.reason);
});

test('median-ratio is inconclusive when the interval straddles the band or a ratio is undefined', (t) => {
  const check = medianRatio('a', 'b').within({ lo: 1 });
  t.is(check.decide(steps([300, 100, 300, 100, 300], [200, 200, 200, 200, 200])).verdict, 'inconclusive');
  const neither = check.decide(steps([INF, 100, 300, 100, 300], [INF, 200, 200, 200, 200]));
  t.is(neither.verdict, 'inconclusive');
  t.regex(neither.reason, /undefined for seeds 0/);
});

test('median-ratio on a two-sided band: a diverged method (∞ steps) fails it', (t) => {
  const check = medianRatio('a', 'b').within({ lo: 0.77, hi: 1.3 });
  t.is(check.decide(steps([200, 210, 190, 205, 195], [200, 200, 200, 200, 200])).verdict, 'pass');
  t.is(check.decide(steps([INF, INF, INF, INF, INF], [200, 200, 200, 200, 200])).verdict, 'fail');
  // Four of five diverged: a resample with three copies of the fifth seed has a median inside the
  // band with probability ≈ 6% > 2.5%, so five seeds cannot rule it out.
  t.is(check.decide(steps([INF, INF, INF, 205, INF], [200, 200, 200, 200, 200])).verdict, 'inconclusive');
});
