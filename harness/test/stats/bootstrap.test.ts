import test from 'ava';
import { createRng } from '../../src/random.js';
import { bootstrapCI, bootstrapPairedCI, meanCI } from '../../src/stats/bootstrap.js';
import { mean, median } from '../../src/stats/descriptive.js';
import { close } from './close.js';

const sample = [5.1, 4.9, 5.6, 5.8, 6.0, 5.3, 5.5];

function normalSample(seed: number, n: number, mu = 0, sigma = 1): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => mu + sigma * rng.normal());
}

test('meanCI matches scipy t.interval', (t) => {
  // scipy 1.17.1: stats.t.interval(0.95, 6, loc=np.mean(s), scale=stats.sem(s)).
  const ci = meanCI(sample);
  close(t, ci.estimate, 5.457142857142856, 1e-14);
  close(t, ci.lo, 5.099520648481034, 1e-13);
  close(t, ci.hi, 5.814765065804679, 1e-13);
  t.is(ci.n, 7);
  t.is(ci.alpha, 0.05);
  t.regex(ci.method, /t interval/);
});

test('bootstrapCI is deterministic for a seed and varies with it', (t) => {
  const data = normalSample(11, 25);
  const first = bootstrapCI(data, mean, { seed: 7 });
  const again = bootstrapCI(data, mean, { seed: 7 });
  const other = bootstrapCI(data, mean, { seed: 8 });
  t.deepEqual(first, again);
  t.not(first.lo, other.lo);
  // Defaults: seed 0, 2000 resamples, alpha 0.05.
  t.deepEqual(bootstrapCI(data, mean), bootstrapCI(data, mean, { seed: 0, resamples: 2000, alpha: 0.05 }));
  t.regex(first.method, /percentile bootstrap.*2000 resamples, seed 7/);
});

test('bootstrapCI with defaults matches an independent Python port of the same resampling', (t) => {
  // Reference: harness/src/random.ts (splitmix32 + xoshiro128**) re-implemented in Python, 2000
  // resamples of indices floor(next() * n), then np.quantile(replicates, [0.025, 0.975]) (numpy 2.4.6).
  // If this changes, every bootstrap interval in published reports changes with it.
  const ci = bootstrapCI(sample, mean);
  close(t, ci.lo, 5.2, 1e-14);
  close(t, ci.hi, 5.714285714285714, 1e-14);
  close(t, ci.estimate, 5.457142857142856, 1e-14);
});

test('bootstrapCI brackets the estimate and agrees with the t interval on a large normal sample', (t) => {
  const data = normalSample(3, 400, 10, 2);
  const boot = bootstrapCI(data, mean, { seed: 1 });
  const classic = meanCI(data);
  t.is(boot.estimate, mean(data));
  t.true(boot.lo < boot.estimate && boot.estimate < boot.hi);
  // Both estimate the same interval; at n = 400 they agree to a few percent of the width.
  const width = classic.hi - classic.lo;
  t.true(Math.abs(boot.lo - classic.lo) < 0.1 * width, `lo ${boot.lo} vs ${classic.lo}`);
  t.true(Math.abs(boot.hi - classic.hi) < 0.1 * width, `hi ${boot.hi} vs ${classic.hi}`);
});

test('bootstrapCI covers the true mean about 95% of the time', (t) => {
  let covered = 0;
  const trials = 300;
  for (let trial = 0; trial < trials; trial++) {
    const data = normalSample(1000 + trial, 30);
    const ci = bootstrapCI(data, mean, { seed: trial, resamples: 1000 });
    if (ci.lo <= 0 && 0 <= ci.hi) covered++;
  }
  // Percentile bootstrap slightly under-covers at n = 30 (~0.93-0.94); binomial SD at 300 trials is ~0.013.
  const rate = covered / trials;
  t.true(rate >= 0.89 && rate <= 0.99, `coverage ${rate}`);
});

test('meanCI covers the true mean at its nominal rate', (t) => {
  let covered = 0;
  const trials = 2000;
  for (let trial = 0; trial < trials; trial++) {
    const ci = meanCI(normalSample(5000 + trial, 8, 3, 0.5));
    if (ci.lo <= 3 && 3 <= ci.hi) covered++;
  }
  // Exact coverage 0.95; binomial SD at 2000 trials is ~0.005.
  const rate = covered / trials;
  t.true(rate >= 0.935 && rate <= 0.965, `coverage ${rate}`);
});

test('bootstrapPairedCI resamples pairs together', (t) => {
  const a = normalSample(21, 30);
  // b is a shifted copy of a: every resampled pair keeps the exact difference 1.
  const b = a.map((v) => v - 1);
  const diffOfMeans = (x: readonly number[], y: readonly number[]) => mean(x) - mean(y);
  const ci = bootstrapPairedCI(a, b, diffOfMeans, { seed: 4 });
  close(t, ci.estimate, 1, 1e-12);
  close(t, ci.lo, 1, 1e-12);
  close(t, ci.hi, 1, 1e-12);
  t.deepEqual(ci, bootstrapPairedCI(a, b, diffOfMeans, { seed: 4 }));
  t.regex(ci.method, /pairs/);
});

test('bootstrapCI passes a fresh copy to the statistic', (t) => {
  // A statistic that sorts its argument in place must not disturb the resampling.
  const sortingMedian = (xs: readonly number[]) => median((xs as number[]).sort((p, q) => p - q));
  t.deepEqual(bootstrapCI(sample, sortingMedian, { seed: 2 }), bootstrapCI(sample, median, { seed: 2 }));
});

test('bootstrap and meanCI reject bad input', (t) => {
  t.throws(() => bootstrapCI([], mean), { message: /at least 2/ });
  t.throws(() => bootstrapCI([1], mean), { message: /at least 2/ });
  t.throws(() => bootstrapCI([1, NaN], mean), { message: /NaN/ });
  t.throws(() => bootstrapCI([1, 2, 3], () => NaN), { message: /statistic returned NaN/ });
  t.throws(() => bootstrapCI([1, 2, 3], mean, { resamples: 10 }), { message: /resamples/ });
  t.throws(() => bootstrapCI([1, 2, 3], mean, { alpha: 1 }), { message: /alpha/ });
  t.throws(() => bootstrapCI([1, 2, 3], mean, { seed: 1.5 }), { message: /seed/ });
  t.throws(() => bootstrapPairedCI([1, 2, 3], [1, 2], () => 0), { message: /same length/ });
  t.throws(() => meanCI([4]), { message: /at least 2/ });
  t.throws(() => meanCI([4, Infinity]), { message: /Infinity/ });
});
