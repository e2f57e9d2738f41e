import test from 'ava';
import { getTf } from '#harness/tf';
import { successGrid, successRates, threshold } from '../success-grid.js';

const OPTIONS = { n: 12, ratios: [1, 6], seeds: [0, 1, 2], step: 0.5, iterations: 3000, tolerance: 1e-3, checkEvery: 10, indicator: 'closed' as const, signalNorm: 1 };

test('the batched grid succeeds with many measurements, fails at m = n, and leaks no tensors', async (t) => {
  const tf = await getTf();
  const before = tf.memory().numTensors;
  const cells = successGrid(tf, OPTIONS);
  t.is(tf.memory().numTensors, before);
  t.is(cells.length, 6);
  t.deepEqual(successRates(cells, OPTIONS.ratios), [0, 1]);
  for (const c of cells.filter((c) => c.ratio === 6)) t.true(c.success && c.finalError < 1e-3 && c.iterations <= 3000);
  for (const c of cells.filter((c) => c.ratio === 1)) t.true(c.finalError > 0.1);
});

test('with the strict indicator nothing moves and the grid stops at the first check', async (t) => {
  const tf = await getTf();
  const cells = successGrid(tf, { ...OPTIONS, indicator: 'strict' });
  t.true(cells.every((c) => !c.success && c.finalError === 1 && c.iterations === 10));
});

test('m* is the smallest grid m with a success rate ≥ the bar, or a censored stand-in', (t) => {
  t.deepEqual(threshold(100, [1, 2, 3, 4], [0, 0.4, 0.6, 1], 0.5), { m: 300, censored: false });
  t.deepEqual(threshold(100, [1, 2, 3, 4], [0, 0, 0, 0], 0.5), { m: 800, censored: true });
});

test('ratios out of order are rejected', async (t) => {
  const tf = await getTf();
  t.throws(() => successGrid(tf, { ...OPTIONS, ratios: [6, 1] }), { message: /strictly increasing/ });
});
