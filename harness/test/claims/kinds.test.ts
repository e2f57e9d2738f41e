import test from 'ava';
import { allOf, correlation, count, expRate, noTrend, paired, powerLaw, ratio, reportOnly, trend, value } from '../../src/claims/index.js';
import { powerCurves, recordWith, seeds } from './fixtures.js';

test('power-law passes on y ∝ 1/x and fails on y ∝ 1/x²', (t) => {
  const check = powerLaw('s', { window: [50, 200] }).exponentWithin({ lo: -1.1, hi: -0.9 }, { minR2: 0.99 });
  const pass = check.decide(recordWith((r) => powerCurves(r, 's', -1)));
  t.is(pass.verdict, 'pass');
  t.true(Math.abs((pass.statistic as number) + 1) < 1e-9);
  t.is(pass.perSeed?.length, 5);
  t.truthy(pass.chart);
  t.is(check.decide(recordWith((r) => powerCurves(r, 's', -2))).verdict, 'fail');
});

test('power-law fails on an exponential decay through its R² guard, even with a wide exponent band', (t) => {
  const check = powerLaw('s', { window: [1, 200] }).exponentWithin({ lo: -10, hi: 10 }, { minR2: 0.999 });
  const decision = check.decide(recordWith((r) => {
    const xs = Array.from({ length: 100 }, (_, i) => 2 * (i + 1));
    r.curve('s', xs, xs.map((x) => Math.exp(-0.05 * x)), { seed: 0 });
  }));
  t.is(decision.verdict, 'fail');
  t.regex(decision.reason, /R²/);
});

test('a missing series is an error that names what was recorded', (t) => {
  const check = value('nope').within({ hi: 1 });
  t.throws(() => check.decide(recordWith((r) => r.scalar('there', 1))), { message: /nope.*there/ });
});

test('exponential rate: e^{-t} passes ≤ −0.9, e^{-0.5t} fails', (t) => {
  const check = expRate('k', { yRange: [1e-5, 1e-1] }).rateWithin({ hi: -0.9 });
  const curve = (rate: number) => recordWith((r) => {
    for (const seed of seeds) {
      const xs = Array.from({ length: 400 }, (_, i) => i * 0.1);
      r.curve('k', xs, xs.map((x) => Math.exp(-rate * x)), { seed });
    }
  });
  const pass = check.decide(curve(1));
  t.is(pass.verdict, 'pass');
  t.true(Math.abs((pass.statistic as number) + 1) < 1e-9);
  t.is(check.decide(curve(0.5)).verdict, 'fail');
});

test('exponential rate with too few points in the window is inconclusive', (t) => {
  const check = expRate('k', { yRange: [1e-5, 1e-4] }).rateWithin({ hi: -0.9 });
  const d = check.decide(recordWith((r) => r.curve('k', [0, 1, 2], [1, 0.5, 0.25], { seed: 0 })));
  t.is(d.verdict, 'inconclusive');
});

test('value: every-seed, ci and mean rules', (t) => {
  const rec = (vals: number[]) => recordWith((r) => vals.forEach((v, seed) => r.scalar('v', v, { seed })));
  t.is(value('v').within({ lo: 0.45, hi: 0.55 }).decide(rec([0.5, 0.49, 0.51])).verdict, 'pass');
  t.is(value('v').within({ lo: 0.45, hi: 0.55 }).decide(rec([0.5, 0.49, 0.56])).verdict, 'fail');
  t.is(value('v').within({ lo: 0.45, hi: 0.55 }).decide(rec([0.5, Number.NaN])).verdict, 'inconclusive');
  // A CI straddling the edge is inconclusive; one entirely outside fails.
  t.is(value('v').within({ lo: 0 }, 'ci').decide(rec([-1, 1, 0.5, -0.5])).verdict, 'inconclusive');
  t.is(value('v').within({ lo: 0 }, 'ci').decide(rec([-1, -1.1, -0.9, -1.05])).verdict, 'fail');
  t.is(value('v').within({ lo: 0 }, 'ci').decide(rec([1, 1.1, 0.9, 1.05])).verdict, 'pass');
  t.is(value('v').within({ hi: 1 }, 'mean').decide(rec([0.5, 1.2])).verdict, 'pass');
});

test('count: at least k seeds in the band', (t) => {
  const rec = recordWith((r) => [1e-7, 1e-7, 0.3, 1e-8].forEach((v, seed) => r.scalar('err', v, { seed })));
  t.is(count('err', { hi: 1e-6 }).atLeast(3).decide(rec).verdict, 'pass');
  t.is(count('err', { hi: 1e-6 }).atLeast(4).decide(rec).verdict, 'fail');
  t.is(count('err', { hi: 1e-6 }).atLeast(10).decide(rec).verdict, 'inconclusive');
});

test('paired difference: a clear improvement passes, a clear loss fails, noise is inconclusive', (t) => {
  const rec = (a: number[], b: number[]) => recordWith((r) => a.forEach((v, seed) => { r.scalar('a', v, { seed }); r.scalar('b', b[seed], { seed }); }));
  const check = paired('a', 'b').differenceWithin({ lo: 0 });
  t.is(check.decide(rec([0.9, 0.91, 0.92, 0.9, 0.93], [0.7, 0.72, 0.69, 0.71, 0.7])).verdict, 'pass');
  t.is(check.decide(rec([0.6, 0.61, 0.62, 0.6, 0.63], [0.7, 0.72, 0.69, 0.71, 0.7])).verdict, 'fail');
  t.is(check.decide(rec([0.7, 0.8, 0.6, 0.75, 0.65], [0.72, 0.7, 0.69, 0.71, 0.7])).verdict, 'inconclusive');
});

test('ratio: bootstrap CI of a ratio of means against a band', (t) => {
  const rec = (a: number[], b: number[]) => recordWith((r) => a.forEach((v, seed) => { r.scalar('a', v, { seed }); r.scalar('b', b[seed], { seed }); }));
  t.is(ratio('a', 'b').within({ lo: 1.05 }).decide(rec([2, 2.1, 1.9, 2.05], [1, 1.02, 0.98, 1])).verdict, 'pass');
  t.is(ratio('a', 'b').within({ lo: 1.05 }).decide(rec([1, 1.01, 0.99, 1], [1, 1.02, 0.98, 1])).verdict, 'fail');
  // One exact pair: no interval, the value decides.
  t.is(ratio('a', 'b').within({ lo: 10 }).decide(rec([150], [1])).verdict, 'pass');
});

test('correlation: a monotone relation passes ρ ≥ 0.8, noise fails', (t) => {
  const check = correlation('sev').within({ lo: 0.8 });
  const xs = Array.from({ length: 60 }, (_, i) => i / 60);
  const noise = (i: number) => Math.sin(i * 12.9898) * 0.5;
  t.is(check.decide(recordWith((r) => r.curve('sev', xs, xs.map((x, i) => x + 0.01 * noise(i)), { seed: 0 }))).verdict, 'pass');
  t.is(check.decide(recordWith((r) => r.curve('sev', xs, xs.map((_x, i) => noise(i)), { seed: 0 }))).verdict, 'fail');
});

test('monotone trend: strictly decreasing means pass, a bump fails', (t) => {
  const rec = (ys: number[]) => recordWith((r) => seeds.forEach((seed) => r.curve('F', [0, 5, 10, 20], ys.map((y) => y + 0.001 * seed), { seed })));
  t.is(trend('F').monotone('decreasing').decide(rec([0.5, 0.4, 0.3, 0.2])).verdict, 'pass');
  t.is(trend('F').monotone('decreasing').decide(rec([0.5, 0.4, 0.45, 0.2])).verdict, 'fail');
  t.is(trend('F').monotone('increasing').decide(rec([0.5, 0.4, 0.3, 0.2])).verdict, 'fail');
});

test('no trend: a flat metric passes a −0.05 margin, a degrading one fails', (t) => {
  const rec = (drop: number) => recordWith((r) => seeds.forEach((seed) => r.curve('acc', [32, 64, 128], [0.9, 0.9 - drop / 2, 0.9 - drop].map((y, i) => y + 0.005 * Math.sin(seed * 3 + i)), { seed })));
  t.is(noTrend('acc').differenceWithin({ lo: -0.05 }).decide(rec(0)).verdict, 'pass');
  t.is(noTrend('acc').differenceWithin({ lo: -0.05 }).decide(rec(0.2)).verdict, 'fail');
});

test('report-only is always inconclusive', (t) => {
  const d = reportOnly('s', 'no clean test').decide(recordWith((r) => r.curve('s', [1, 2], [3, 4], { seed: 0 })));
  t.is(d.verdict, 'inconclusive');
});

test('all-of: any failing part fails the claim; fail dominates inconclusive', (t) => {
  const rec = recordWith((r) => { r.scalar('a', 1, { seed: 0 }); r.scalar('b', Number.NaN, { seed: 0 }); });
  t.is(allOf(value('a').within({ hi: 2 }), value('a').within({ lo: 0 })).decide(rec).verdict, 'pass');
  t.is(allOf(value('a').within({ hi: 2 }), value('a').within({ lo: 3 })).decide(rec).verdict, 'fail');
  t.is(allOf(value('b').within({ hi: 2 }), value('a').within({ lo: 3 })).decide(rec).verdict, 'fail');
  t.is(allOf(value('b').within({ hi: 2 }), value('a').within({ lo: 0 })).decide(rec).verdict, 'inconclusive');
});
