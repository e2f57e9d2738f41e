import test from 'ava';
import { allOf, correlation, countOfSeeds, exponentialRate, noTrend, pairedDifference, powerLaw, ratio, reportOnly, monotoneTrend, valueInBand } from '../../src/claims/index.js';
import { powerCurves, recordWith, seeds } from './fixtures.js';

test('power-law passes on y ∝ 1/x and fails on y ∝ 1/x²', (t) => {
  const check = powerLaw('s', { window: [50, 200] }).exponentWithin({ ge: -1.1, le: -0.9 }, { minR2: 0.99 });
  const pass = check.decide(recordWith((r) => powerCurves(r, 's', -1)));
  t.is(pass.verdict, 'pass');
  t.true(Math.abs((pass.statistic as number) + 1) < 1e-9);
  t.is(pass.perSeed?.length, 5);
  t.truthy(pass.chart);
  t.is(check.decide(recordWith((r) => powerCurves(r, 's', -2))).verdict, 'fail');
});

test('power-law fails on an exponential decay through its R² guard, even with a wide exponent band', (t) => {
  const check = powerLaw('s', { window: [1, 200] }).exponentWithin({ ge: -10, le: 10 }, { minR2: 0.999 });
  const decision = check.decide(recordWith((r) => {
    const xs = Array.from({ length: 100 }, (_, i) => 2 * (i + 1));
    r.curve('s', xs, xs.map((x) => Math.exp(-0.05 * x)), { seed: 0 });
  }));
  t.is(decision.verdict, 'fail');
  t.regex(decision.reason, /R²/);
});

test('a missing series is an error that names what was recorded', (t) => {
  const check = valueInBand('nope').within({ le: 1 });
  t.throws(() => check.decide(recordWith((r) => r.scalar('there', 1))), { message: /nope.*there/ });
});

test('exponential rate: e^{-t} passes ≤ −0.9, e^{-0.5t} fails', (t) => {
  const check = exponentialRate('k', { yRange: [1e-5, 1e-1] }).rateWithin({ le: -0.9 });
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
  const check = exponentialRate('k', { yRange: [1e-5, 1e-4] }).rateWithin({ le: -0.9 });
  const d = check.decide(recordWith((r) => r.curve('k', [0, 1, 2], [1, 0.5, 0.25], { seed: 0 })));
  t.is(d.verdict, 'inconclusive');
});

test('value: the mean over seeds with its t interval; exact values; one seed is undecided', (t) => {
  const rec = (vals: number[]) => recordWith((r) => vals.forEach((v, seed) => r.scalar('v', v, { seed })));
  t.is(valueInBand('v').within({ ge: 0.45, le: 0.55 }).decide(rec([0.5, 0.49, 0.51])).verdict, 'pass');
  t.is(valueInBand('v').within({ ge: 0.45, le: 0.55 }).decide(rec([0.6, 0.61, 0.59])).verdict, 'fail');
  t.is(valueInBand('v').within({ ge: 0.45, le: 0.55 }).decide(rec([0.5, Number.NaN])).verdict, 'inconclusive');
  t.is(valueInBand('v').within({ gt: 0 }).decide(rec([-1, 1, 0.5, -0.5])).verdict, 'inconclusive');
  t.is(valueInBand('v').within({ gt: 0 }).decide(rec([-1, -1.1, -0.9, -1.05])).verdict, 'fail');
  t.is(valueInBand('v').within({ gt: 0 }).decide(rec([1, 1.1, 0.9, 1.05])).verdict, 'pass');
  t.is(valueInBand('v').within({ le: 1 }).decide(rec([0.5])).verdict, 'inconclusive');
  t.is(valueInBand('v').within({ le: 1 }, 'exact').decide(rec([0.5])).verdict, 'pass');
  t.is(valueInBand('v').within({ le: 1 }, 'exact').decide(rec([0.5, 0.6])).verdict, 'inconclusive');
});

test('value: ±∞ fails the end it crosses and is undecided otherwise; all zeros pass "at most 0"', (t) => {
  const rec = (vals: number[]) => recordWith((r) => vals.forEach((v, seed) => r.scalar('v', v, { seed })));
  t.is(valueInBand('v').within({ le: 1e-5 }).decide(rec([1e-6, Infinity, 1e-7])).verdict, 'fail');
  t.is(valueInBand('v').within({ ge: 1 }).decide(rec([2, Infinity, 3])).verdict, 'inconclusive');
  const zeros = valueInBand('v').within({ le: 0 }).decide(rec([0, 0, 0]));
  t.is(zeros.verdict, 'pass');
  t.regex(zeros.degenerate ?? '', /same value/);
  t.is(valueInBand('v').within({ gt: 0 }).decide(rec([0, 0, 0])).verdict, 'fail');
});

test('count: the exact binomial interval of the success rate, so chance alone does not pass', (t) => {
  const rec = (vals: number[]) => recordWith((r) => vals.forEach((v, seed) => r.scalar('err', v, { seed })));
  const check = countOfSeeds('err', { lt: 1e-6 }).rateWithin({ ge: 0.5 });
  t.is(check.decide(rec(Array(12).fill(1e-7))).verdict, 'pass');
  t.is(check.decide(rec([1e-7, 1e-7, 1e-7, 1e-7, 0.3])).verdict, 'inconclusive');
  t.is(check.decide(rec(Array(12).fill(0.3))).verdict, 'fail');
  // 10 of 10 cannot establish a rate ≥ 0.8 at 95% (the Clopper-Pearson lower end is 0.69).
  t.is(countOfSeeds('err', { lt: 1e-6 }).rateWithin({ ge: 0.8 }).decide(rec(Array(10).fill(1e-7))).verdict, 'inconclusive');
});

test('paired difference: a clear improvement passes, a clear loss fails, noise is inconclusive', (t) => {
  const rec = (a: number[], b: number[]) => recordWith((r) => a.forEach((v, seed) => { r.scalar('a', v, { seed }); r.scalar('b', b[seed], { seed }); }));
  const check = pairedDifference('a', 'b').differenceWithin({ gt: 0 });
  t.is(check.decide(rec([0.9, 0.91, 0.92, 0.9, 0.93], [0.7, 0.72, 0.69, 0.71, 0.7])).verdict, 'pass');
  t.is(check.decide(rec([0.6, 0.61, 0.62, 0.6, 0.63], [0.7, 0.72, 0.69, 0.71, 0.7])).verdict, 'fail');
  t.is(check.decide(rec([0.7, 0.8, 0.6, 0.75, 0.65], [0.72, 0.7, 0.69, 0.71, 0.7])).verdict, 'inconclusive');
  const same = check.decide(rec([0.7, 0.8, 0.6], [0.7, 0.8, 0.6]));
  t.is(same.verdict, 'fail');
  t.regex(same.degenerate ?? '', /bit-identical/);
  t.is(check.decide(rec([Number.NaN, 1], [0, 0])).verdict, 'inconclusive');
});

test('ratio: Fieller interval of a ratio of means; exact counts decide on the value', (t) => {
  const rec = (a: number[], b: number[]) => recordWith((r) => a.forEach((v, seed) => { r.scalar('a', v, { seed }); r.scalar('b', b[seed], { seed }); }));
  t.is(ratio('a', 'b').within({ ge: 1.05 }).decide(rec([2, 2.1, 1.9, 2.05], [1, 1.02, 0.98, 1])).verdict, 'pass');
  t.is(ratio('a', 'b').within({ ge: 1.05 }).decide(rec([1, 1.01, 0.99, 1], [1, 1.02, 0.98, 1])).verdict, 'fail');
  t.is(ratio('a', 'b').within({ le: 1 }).decide(rec([1, 1, 1], [1, 1, 1])).verdict, 'pass');
  t.is(ratio('a', 'b').within({ lt: 1 }).decide(rec([1, 1, 1], [1, 1, 1])).verdict, 'fail');
  // A denominator not clearly away from 0: the interval is unbounded, so undecided.
  t.is(ratio('a', 'b').within({ gt: 1 }).decide(rec([1, 1.1, 0.9], [-1, 1, 0.1])).verdict, 'inconclusive');
  t.is(ratio('a', 'b').within({ ge: 10 }).decide(rec([150], [1])).verdict, 'inconclusive');
  t.is(ratio('a', 'b', { exact: true }).within({ ge: 10 }).decide(rec([150], [1])).verdict, 'pass');
});

test('correlation: a monotone relation passes ρ ≥ 0.8, noise fails', (t) => {
  const check = correlation('sev').within({ ge: 0.8 });
  const xs = Array.from({ length: 60 }, (_, i) => i / 60);
  const noise = (i: number) => Math.sin(i * 12.9898) * 0.5;
  t.is(check.decide(recordWith((r) => r.curve('sev', xs, xs.map((x, i) => x + 0.01 * noise(i)), { seed: 0 }))).verdict, 'pass');
  t.is(check.decide(recordWith((r) => r.curve('sev', xs, xs.map((_x, i) => noise(i)), { seed: 0 }))).verdict, 'fail');
});

test('monotone trend: strictly decreasing means pass, a bump fails', (t) => {
  const rec = (ys: number[]) => recordWith((r) => seeds.forEach((seed) => r.curve('F', [0, 5, 10, 20], ys.map((y) => y + 0.001 * seed), { seed })));
  t.is(monotoneTrend('F').monotone('decreasing').decide(rec([0.5, 0.4, 0.3, 0.2])).verdict, 'pass');
  t.is(monotoneTrend('F').monotone('decreasing').decide(rec([0.5, 0.4, 0.45, 0.2])).verdict, 'fail');
  t.is(monotoneTrend('F').monotone('increasing').decide(rec([0.5, 0.4, 0.3, 0.2])).verdict, 'fail');
});

test('no trend: a flat metric passes a −0.05 margin, a degrading one fails', (t) => {
  const rec = (drop: number) => recordWith((r) => seeds.forEach((seed) => r.curve('acc', [32, 64, 128], [0.9, 0.9 - drop / 2, 0.9 - drop].map((y, i) => y + 0.005 * Math.sin(seed * 3 + i)), { seed })));
  t.is(noTrend('acc').differenceWithin({ ge: -0.05 }).decide(rec(0)).verdict, 'pass');
  t.is(noTrend('acc').differenceWithin({ ge: -0.05 }).decide(rec(0.2)).verdict, 'fail');
});

test('report-only is always inconclusive', (t) => {
  const d = reportOnly('s', 'no clean test').decide(recordWith((r) => r.curve('s', [1, 2], [3, 4], { seed: 0 })));
  t.is(d.verdict, 'inconclusive');
});

test('monotone trend: constant means fail instead of throwing; noisy steps are inconclusive', (t) => {
  const rec = (f: (seed: number, i: number) => number) => recordWith((r) => seeds.forEach((seed) => r.curve('F', [0, 5, 10], [0, 1, 2].map((i) => f(seed, i)), { seed })));
  t.is(monotoneTrend('F').monotone('decreasing').decide(rec(() => 0.3)).verdict, 'fail');
  t.is(monotoneTrend('F').monotone('decreasing').decide(rec((seed, i) => 0.5 - 0.01 * i + 0.05 * Math.sin(seed * 7 + i * 3))).verdict, 'inconclusive');
});

test('correlation: several seeds are clusters; a constant y is no association, decided not thrown', (t) => {
  const xs = Array.from({ length: 6 }, (_, i) => i);
  const perSeed = (f: (x: number, seed: number) => number) => recordWith((r) => seeds.forEach((seed) => r.curve('sev', xs, xs.map((x) => f(x, seed)), { seed })));
  const check = correlation('sev').within({ ge: 0.8 });
  t.is(check.decide(perSeed((x) => x)).verdict, 'pass');
  const flat = check.decide(perSeed(() => 1));
  t.is(flat.verdict, 'fail');
  t.is(flat.statistic, 0);
  t.is(check.decide(recordWith((r) => r.curve('sev', [1, 2, 3], [1, 2, 3], { seed: 0 }))).verdict, 'inconclusive');
});

test('all-of: any failing part fails the claim; fail dominates inconclusive', (t) => {
  const rec = recordWith((r) => { r.scalar('a', 1, { seed: 0 }); r.scalar('b', Number.NaN, { seed: 0 }); });
  const exact = (name: string, band: Parameters<ReturnType<typeof valueInBand>['within']>[0]) => valueInBand(name).within(band, 'exact');
  t.is(allOf(exact('a', { le: 2 }), exact('a', { ge: 0 })).decide(rec).verdict, 'pass');
  t.is(allOf(exact('a', { le: 2 }), exact('a', { ge: 3 })).decide(rec).verdict, 'fail');
  const mixed = allOf(exact('b', { le: 2 }), exact('a', { ge: 3 })).decide(rec);
  t.is(mixed.verdict, 'fail');
  t.is(mixed.decidedBy, 1);
  t.is(mixed.parts?.length, 2);
  t.is(mixed.statistic, 1);
  t.deepEqual(mixed.band, { ge: 3 });
  t.is(allOf(exact('b', { le: 2 }), exact('a', { ge: 0 })).decide(rec).verdict, 'inconclusive');
});
