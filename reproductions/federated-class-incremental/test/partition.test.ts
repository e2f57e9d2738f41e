import test from 'ava';
import { createRng } from '#harness/random';
import { dirichlet, dirichletSplit, gammaSample } from '../partition.js';

test('Gamma(a) samples have mean a and variance a (shape above and below 1)', (t) => {
  for (const shape of [0.5, 1, 3]) {
    const rng = createRng(7);
    const n = 40_000;
    const xs = Array.from({ length: n }, () => gammaSample(rng, shape));
    const mean = xs.reduce((s, v) => s + v, 0) / n;
    const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
    // 5 standard errors of the mean (sd √a / √n); the variance within 10%.
    t.true(Math.abs(mean - shape) < 5 * Math.sqrt(shape / n), `shape ${shape}: mean ${mean}`);
    t.true(Math.abs(variance / shape - 1) < 0.1, `shape ${shape}: variance ${variance}`);
  }
});

test('Dirichlet proportions are positive and sum to 1', (t) => {
  const rng = createRng(3);
  for (let i = 0; i < 100; i++) {
    const p = dirichlet(rng, 1, 10);
    t.true(p.every((v) => v > 0));
    t.true(Math.abs(p.reduce((s, v) => s + v, 0) - 1) < 1e-12);
  }
});

test('the split gives every row of the task classes to exactly one client, each with at least the minimum', (t) => {
  const labels = Int32Array.from({ length: 600 }, (_, i) => i % 6);
  const split = dirichletSplit(createRng(1), labels, [2, 3], 10, 1, 4);
  const all = split.flat().sort((a, b) => a - b);
  const expected = [...labels.keys()].filter((i) => labels[i] === 2 || labels[i] === 3);
  t.deepEqual(all, expected);
  t.true(split.every((rows) => rows.length >= 4));
});

test('an impossible minimum is a clear error', (t) => {
  const labels = Int32Array.from({ length: 20 }, (_, i) => i % 2);
  t.throws(() => dirichletSplit(createRng(1), labels, [0, 1], 10, 1, 5, 20), { message: /lower min_client_samples/ });
});
