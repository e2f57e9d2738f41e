import test from 'ava';
import {
  allFinite,
  mean,
  median,
  olympicMean,
  quantile,
  std,
  sum,
  variance,
} from '../../src/stats/descriptive.js';
import { close } from './close.js';

// Reference values from numpy 2.4.6 (np.mean, np.var(ddof=1), np.std(ddof=1), np.median, np.quantile).
const sample = [2.5, 3.1, 4.7, 1.2, 9.8, 3.3, 5.0, 7.4];

test('mean, variance, std match numpy', (t) => {
  close(t, mean(sample), 4.625, 1e-15);
  close(t, variance(sample), 7.850714285714288, 1e-14);
  close(t, std(sample), 2.8019126120766664, 1e-14);
});

test('median of even and odd samples', (t) => {
  t.is(median(sample), 4.0);
  t.is(median([5, 1, 3]), 3);
  t.is(median([7]), 7);
});

test('quantile matches numpy linear interpolation', (t) => {
  const expected: [number, number][] = [
    [0, 1.2],
    [0.1, 2.1100000000000003],
    [0.25, 2.95],
    [0.333, 3.1662],
    [0.5, 4.0],
    [0.75, 5.6],
    [0.9, 8.12],
    [0.975, 9.38],
    [1, 9.8],
  ];
  for (const [q, value] of expected) close(t, quantile(sample, q), value, 1e-14, `q=${q}`);
  // The extremes are returned exactly, not interpolated.
  t.is(quantile(sample, 0), 1.2);
  t.is(quantile(sample, 1), 9.8);
});

test('quantile does not reorder its input', (t) => {
  const copy = [...sample];
  quantile(copy, 0.3);
  median(copy);
  t.deepEqual(copy, sample);
});

test('olympicMean drops exactly one min and one max', (t) => {
  close(t, olympicMean(sample), 4.333333333333333, 1e-15);
  // Duplicated extremes: only one copy of each is dropped.
  t.is(olympicMean([1, 1, 5, 9, 9]), 5);
  t.is(olympicMean([1, 2, 100]), 2);
  t.throws(() => olympicMean([1, 2]), { message: /at least 3/ });
});

test('mean is accurate with large offsets and cancellation', (t) => {
  // Naive summation returns 0 here; compensated summation recovers the exact total.
  t.is(sum([1e16, 1, -1e16]), 1);
  t.is(mean([1e16, 1, -1e16, 2]), 0.75);
  // Variance is shift-invariant: the two-pass formula keeps it at offset 1e9.
  close(t, variance([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]), 30, 1e-12);
});

test('mean of identical values is that value', (t) => {
  t.is(mean([0.1, 0.1, 0.1]), 0.1);
  t.is(variance([0.1, 0.1, 0.1]), 0);
});

test('allFinite', (t) => {
  t.true(allFinite([1, 2, -3.5]));
  t.true(allFinite([]));
  t.false(allFinite([1, NaN]));
  t.false(allFinite([Infinity]));
  t.false(allFinite([-Infinity, 0]));
});

test('descriptive functions reject empty, short and non-finite input', (t) => {
  t.throws(() => mean([]), { message: /mean: needs at least 1/ });
  t.throws(() => median([]), { message: /median/ });
  t.throws(() => variance([3]), { message: /variance: needs at least 2/ });
  t.throws(() => std([3]), { message: /std: needs at least 2/ });
  t.throws(() => mean([1, NaN, 3]), { message: /input\[1\] is NaN/ });
  t.throws(() => quantile([1, Infinity], 0.5), { message: /Infinity/ });
  t.throws(() => quantile([1, 2], 1.5), { message: /q must be a probability/ });
  t.throws(() => quantile([1, 2], NaN), { message: /q must be a probability/ });
});
