import test from 'ava';
import { createRng } from '#harness/random';
import { gaussianProblem, gradientDescent, lossAndGradient, plantedSignal, relativeError } from '../gaussian-model.js';

test('the planted signal has the requested norm and sparsity', (t) => {
  const dense = plantedSignal(50, 1, createRng(1));
  t.true(Math.abs(Math.hypot(...dense) - 1) < 1e-12);
  const sparse = plantedSignal(100, 2, createRng(2), 5);
  t.is(sparse.filter((v) => v !== 0).length, 5);
  t.true(Math.abs(Math.hypot(...sparse) - 2) < 1e-12);
});

test('the measurements follow y = exp(−⟨a, x*⟩₊): unclipped where ⟨a, x*⟩ ≤ 0', (t) => {
  const rng = createRng(3);
  const p = gaussianProblem(10, 40, plantedSignal(10, 1, rng), rng);
  for (let i = 0; i < p.m; i++) {
    let z = 0;
    for (let j = 0; j < p.n; j++) z += p.A[i * p.n + j] * p.xStar[j];
    t.true(Math.abs(p.y[i] - (z > 0 ? Math.exp(-z) : 1)) < 1e-12);
  }
});

test('the gradient matches central finite differences of the loss', (t) => {
  const rng = createRng(4);
  const p = gaussianProblem(8, 64, plantedSignal(8, 1, rng), rng);
  const x = Float64Array.from({ length: 8 }, () => 0.3 * rng.normal());
  const g = new Float64Array(8);
  lossAndGradient(p, x, g);
  const h = 1e-6;
  const scratch = new Float64Array(8);
  for (let j = 0; j < 8; j++) {
    const plus = Float64Array.from(x);
    const minus = Float64Array.from(x);
    plus[j] += h;
    minus[j] -= h;
    const numeric = (lossAndGradient(p, plus, scratch) - lossAndGradient(p, minus, scratch)) / (2 * h);
    t.true(Math.abs(numeric - g[j]) < 1e-7, `coordinate ${j}: ${numeric} vs ${g[j]}`);
  }
});

test('from x₀ = 0 the closed indicator moves and the strict one is stuck', (t) => {
  const rng = createRng(5);
  const p = gaussianProblem(10, 80, plantedSignal(10, 1, rng), rng);
  const g = new Float64Array(10);
  lossAndGradient(p, new Float64Array(10), g, 'strict');
  t.true(g.every((v) => v === 0));
  lossAndGradient(p, new Float64Array(10), g, 'closed');
  t.true(Math.hypot(...g) > 0.1);
  const stuck = gradientDescent(p, { step: 0.5, iterations: 100, indicator: 'strict', stallBelow: 1e-12 });
  t.is(stuck.stopped, 'stalled');
  t.is(stuck.relativeError, 1);
});

test('gradient descent recovers x* geometrically with many measurements and not with m = n', (t) => {
  const rng = createRng(6);
  const xStar = plantedSignal(20, 1, rng);
  const many = gradientDescent(gaussianProblem(20, 160, xStar, rng), { step: 0.5, iterations: 3000, stopBelow: 1e-10 });
  t.is(many.stopped, 'converged');
  t.true(many.iterations < 3000);
  const few = gradientDescent(gaussianProblem(20, 20, xStar, rng), { step: 0.5, iterations: 3000 });
  t.true(few.relativeError > 0.3, `m = n: relative error ${few.relativeError}`);
  t.is(relativeError(xStar, xStar), 0);
});
