import test from 'ava';
import {
  binomialCdf,
  clopperPearson,
  correlationInterval,
  correlationOverSeeds,
  fiellerRatioInterval,
  medianInterval,
  medianMinimumN,
  tInterval,
  welchInterval,
} from '../../src/stats/index.js';
import { closeRelative } from './close.js';

// Reference values from scipy 1.16 (stats.t.interval, ttest_ind(equal_var=False).confidence_interval,
// binomtest(...).proportion_ci(method='exact')); Fieller checked by inverting ttest_1samp on a − θb.

test('t interval of a mean matches scipy', (t) => {
  const ci = tInterval([1, 2, 3, 4, 7]);
  closeRelative(t, ci.lo, 0.5414748090129775, 1e-12);
  closeRelative(t, ci.hi, 6.258525190987022, 1e-12);
});

test('Welch interval matches scipy', (t) => {
  const ci = welchInterval([1, 2, 3, 4, 7], [2, 2.5, 9]);
  closeRelative(t, ci.lo, -9.212797410561784, 1e-10);
  closeRelative(t, ci.hi, 7.0127974105617845, 1e-10);
  const exact = welchInterval([1, 1], [0, 0]);
  t.deepEqual([exact.lo, exact.hi], [1, 1]);
});

test('Fieller interval of a ratio of paired means is the set where the paired t test does not reject', (t) => {
  const ci = fiellerRatioInterval([3, 4, 5.5, 6, 4], [1, 1.2, 2, 1.9, 1.4]);
  closeRelative(t, ci.lo, 2.7160535, 1e-6);
  closeRelative(t, ci.hi, 3.3745405, 1e-6);
  const unbounded = fiellerRatioInterval([1, 1.1, 0.9], [-1, 1, 0.1]);
  t.deepEqual([unbounded.lo, unbounded.hi], [-Infinity, Infinity]);
  const exact = fiellerRatioInterval([2, 2, 2], [1, 1, 1]);
  t.deepEqual([exact.lo, exact.hi], [2, 2]);
});

test('Clopper-Pearson matches scipy, including the all-success and no-success ends', (t) => {
  const a = clopperPearson(8, 10);
  closeRelative(t, a.lo, 0.4439045376923585, 1e-9);
  closeRelative(t, a.hi, 0.9747892736731665, 1e-9);
  const b = clopperPearson(10, 10);
  closeRelative(t, b.lo, 0.6915028921812371, 1e-9);
  t.is(b.hi, 1);
  const c = clopperPearson(0, 7);
  t.is(c.lo, 0);
  closeRelative(t, c.hi, 0.4096163972250487, 1e-9);
  t.throws(() => clopperPearson(3, 2));
});

test('order-statistic median interval: exact coverage, and none below six values', (t) => {
  t.is(medianMinimumN(), 6);
  t.is(medianInterval([5, 1, 3, 9, 2]), null);
  const six = medianInterval([5, 1, 3, 9, 2, 8])!;
  t.deepEqual([six.lo, six.hi, six.ranks], [1, 9, [1, 6]]);
  closeRelative(t, six.level, 1 - 2 / 64, 1e-12);
  const twenty = medianInterval(Array.from({ length: 20 }, (_, i) => i + 1))!;
  t.deepEqual(twenty.ranks, [6, 15]);
  closeRelative(t, twenty.level, 0.9586105346679688, 1e-12);
  const censored = medianInterval([1, 2, 3, Infinity, Infinity, Infinity, Infinity])!;
  t.is(censored.hi, Infinity);
  closeRelative(t, binomialCdf(3, 10, 0.5), 176 / 1024, 1e-12);
});

test('Fisher z intervals of correlations', (t) => {
  const one = correlationInterval(0.5, 50, 'pearson');
  // tanh(atanh(0.5) ± 1.959964/√47)
  closeRelative(t, one.lo, Math.tanh(Math.atanh(0.5) - 1.959963984540054 / Math.sqrt(47)), 1e-12);
  const seeds = correlationOverSeeds([{ r: 0.9, points: 10 }, { r: 0.8, points: 10 }, { r: 0.85, points: 10 }]);
  t.true(seeds.lo < 0.85 && seeds.hi > 0.8 && seeds.hi < 1);
  const perfect = correlationOverSeeds([{ r: 1, points: 5 }, { r: 1, points: 5 }]);
  t.true(perfect.lo > 0.99);
});
