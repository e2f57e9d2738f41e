import test from 'ava';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { jitteredDiagonal, trainDiagonalAdversarial } from '../diagonal.js';
import { GaussianStream } from '../gaussian.js';
import { learningRate, trainLinearArms } from '../linear-training.js';
import { leakageOf, shrinkageMatrix, shrinkageOf } from '../measures.js';
import { attackRadius, coordinateSubspace, linearDecay, randomSubspace } from '../subspace.js';
import { bestShrinkage, jitteredShrinkage } from '../theory.js';

test('the Gaussian stream is reproducible and standard normal', (t) => {
  const a = new GaussianStream(5).fill(new Float32Array(200_001));
  const b = new GaussianStream(5).fill(new Float32Array(200_001));
  t.deepEqual(a, b);
  t.notDeepEqual(a.subarray(0, 10), new GaussianStream(6).fill(new Float32Array(10)));
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  const v = a.reduce((s, x) => s + x * x, 0) / a.length;
  const k = a.reduce((s, x) => s + x ** 4, 0) / a.length;
  t.true(Math.abs(m) < 0.01 && Math.abs(v - 1) < 0.01 && Math.abs(k - 3) < 0.05, `mean ${m}, variance ${v}, fourth moment ${k}`);
  t.true(Math.abs(new GaussianStream(1).fill(new Float32Array(100_000), 0.5).reduce((s, x) => s + x * x, 0) / 100_000 - 0.25) < 0.005);
});

test('the learning rate decays geometrically from lr to lrFinal', (t) => {
  const o = { lr: 1e-2, lrFinal: 1e-4, steps: 101 };
  t.is(learningRate(o, 0), 1e-2);
  t.true(Math.abs(learningRate(o, 100) - 1e-4) < 1e-15);
  t.true(Math.abs(learningRate(o, 50) - 1e-3) < 1e-12);
});

test.serial('jittered training by Adam on fresh samples reaches the closed-form least-squares optimum', async (t) => {
  const tf = await getTf();
  const [n, d, sigma, jitterVar] = [16, 4, 0.3, 0.2];
  const U = randomSubspace(n, d, createRng(3));
  const [W] = await trainLinearArms(tf, [{ U, noiseStd: Math.sqrt(sigma ** 2 + jitterVar), eps: 0, stream: 9 }], { steps: 1500, batch: 256, lr: 0.01, lrFinal: 1e-4, pgdIters: 1, pgdStepFactor: 2.5 });
  const alpha = jitteredShrinkage(sigma ** 2, jitterVar);
  const closed = shrinkageMatrix(U, alpha);
  const maxDiff = Math.max(...W.data.map((v, k) => Math.abs(v - closed.data[k])));
  t.true(Math.abs(shrinkageOf(W, U) - alpha) < 0.005, `α̂ ${shrinkageOf(W, U)} vs ${alpha}`);
  t.true(maxDiff < 0.03, `max |W − αUUᵀ| = ${maxDiff}`);
  t.true(leakageOf(W, U) < 0.05);
});

test.serial('linear training leaks no tensors, step by step (Gaussian and adversarial arms)', async (t) => {
  const tf = await getTf();
  const U = randomSubspace(8, 2, createRng(1));
  const before = tf.memory().numTensors;
  const counts: number[] = [];
  await trainLinearArms(tf, [{ U, noiseStd: 0.2, eps: 0, stream: 1 }, { U, noiseStd: 0.2, eps: 0.5, stream: 1 }], {
    steps: 20, batch: 8, lr: 0.01, lrFinal: 0.001, pgdIters: 3, pgdStepFactor: 2.5,
    onStep: () => counts.push(tf.memory().numTensors),
  });
  t.is(new Set(counts).size, 1, `tensor count changed across steps: ${[...new Set(counts)].join(', ')}`);
  t.is(tf.memory().numTensors, before);
});

test('the diagonal jitter optimum is a_i/(a_i² + σ² + σ_w²) on the signal coordinates and 0 elsewhere', (t) => {
  const p = { n: 5, d: 3, forward: linearDecay(5), noiseStd: 0.2 };
  const w = jitteredDiagonal(p, 0.1);
  t.true(Math.abs(w[1] - 0.4 / (0.16 + 0.04 + 0.1)) < 1e-15);
  t.deepEqual([w[3], w[4]], [0, 0]);
});

test('adversarial training of a diagonal denoiser (A = I) reaches the finite-d robust optimum', (t) => {
  const [n, d, sigma, zeta] = [12, 8, 0.2, 0.3];
  const p = { n, d, forward: new Float64Array(n).fill(1), noiseStd: sigma };
  const w = trainDiagonalAdversarial(p, attackRadius(zeta, d), { steps: 1500, batch: 64, lr: 0.01, lrFinal: 1e-4, pgdIters: 10, pgdStepFactor: 2.5 }, 4);
  const signal = Array.from(w.subarray(0, d));
  const mean = signal.reduce((s, v) => s + v, 0) / d;
  const target = bestShrinkage(zeta, sigma ** 2, d).alpha;
  t.true(Math.abs(mean - target) < 0.02, `mean gain ${mean} vs robust optimum ${target}`);
  t.true(Math.max(...Array.from(w.subarray(d)).map(Math.abs)) < 0.05, `off-signal gains ${Array.from(w.subarray(d))}`);
  t.true(coordinateSubspace(n, d).data[0] === 1);
});
