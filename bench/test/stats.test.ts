import test from 'ava';
import { matmulFlops, matmulGflops, maxRelativeDiff, median, ratio } from '../stats.js';

test('a 1024 matmul is 2 * 1024^3 flops', (t) => {
  t.is(matmulFlops(1024), 2_147_483_648);
  t.is(matmulFlops(1), 2);
  t.throws(() => matmulFlops(0));
  t.throws(() => matmulFlops(2.5));
});

test('GFLOP/s = flops / seconds / 1e9', (t) => {
  // 2^31 flops in 21.47483648 ms is exactly 100 GFLOP/s.
  t.true(Math.abs(matmulGflops(1024, 0.02147483648) - 100) < 1e-12);
  t.true(Math.abs(matmulGflops(1024, 2.147483648) - 1) < 1e-15);
  t.throws(() => matmulGflops(1024, 0));
  t.throws(() => matmulGflops(1024, Number.NaN));
});

test('median of odd and even samples', (t) => {
  t.is(median([3, 1, 2]), 2);
  t.is(median([4, 1, 3, 2]), 2.5);
  t.throws(() => median([]));
});

test('ratio is null when a side is missing or the denominator is not positive', (t) => {
  t.is(ratio(90, 180), 0.5);
  t.is(ratio(null, 1), null);
  t.is(ratio(1, null), null);
  t.is(ratio(1, 0), null);
  t.is(ratio(Number.NaN, 1), null);
});

test('maxRelativeDiff', (t) => {
  t.is(maxRelativeDiff([1, 2, 4], [1, 2, 4]), 0);
  t.is(maxRelativeDiff([1.5, 2], [1, 2]), 0.5);
  t.is(maxRelativeDiff([1], [1, 2]), null);
  t.is(maxRelativeDiff([], []), null);
  t.true(Number.isNaN(maxRelativeDiff([Number.NaN, 1], [1, 1]) as number));
});
