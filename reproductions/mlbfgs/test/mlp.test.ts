import test from 'ava';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '#harness/random';
import { loadDigitsSplit, splitDigits } from '../data.js';
import { evaluate, initParams, layoutOf, lossAndGrad, workspace } from '../model/mlp.js';
import { BatchSampler, stepsToTarget, type TrainResult } from '../train.js';

const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));

function problem(seed: number) {
  const layout = layoutOf({ input: 6, hidden: 5, output: 3 });
  const rng = createRng(seed);
  const n = 7;
  const X = Float64Array.from({ length: n * 6 }, () => (rng.next() < 0.3 ? 0 : rng.normal()));
  const y = Int32Array.from({ length: n }, () => rng.int(3));
  const theta = initParams(layout, rng);
  for (let i = 0; i < theta.length; i++) theta[i] += 0.1 * rng.normal(); // non-zero biases too
  return { layout, X, y, theta, rows: Int32Array.from({ length: n }, (_, i) => i), ws: workspace(layout, n) };
}

test('the MLP gradient matches central finite differences', (t) => {
  const { layout, X, y, theta, rows, ws } = problem(1);
  const grad = new Float64Array(layout.size);
  lossAndGrad(layout, theta, X, y, rows, ws, grad);
  const h = 1e-6;
  let worst = 0;
  for (let i = 0; i < layout.size; i++) {
    const keep = theta[i];
    theta[i] = keep + h;
    const up = lossAndGrad(layout, theta, X, y, rows, ws);
    theta[i] = keep - h;
    const down = lossAndGrad(layout, theta, X, y, rows, ws);
    theta[i] = keep;
    worst = Math.max(worst, Math.abs((up - down) / (2 * h) - grad[i]));
  }
  t.true(worst < 1e-7, `largest gradient error ${worst}`);
});

/** lossAndGrad written one row at a time, without blocking: the order of every sum that the blocked loops must keep. */
function oneRowReference(layout: ReturnType<typeof layoutOf>, theta: Float64Array, X: Float64Array, y: Int32Array, rows: Int32Array, grad: Float64Array): number {
  const { input: nIn, hidden: nH, output: nOut } = layout.shape;
  const B = rows.length;
  const h = new Float64Array(B * nH);
  const d = new Float64Array(B * nOut);
  let loss = 0;
  for (let b = 0; b < B; b++) {
    for (let j = 0; j < nH; j++) h[b * nH + j] = theta[layout.b1 + j];
    for (let i = 0; i < nIn; i++) {
      const xv = X[rows[b] * nIn + i];
      if (xv !== 0) for (let j = 0; j < nH; j++) h[b * nH + j] += xv * theta[layout.w1 + i * nH + j];
    }
    for (let j = 0; j < nH; j++) if (h[b * nH + j] < 0) h[b * nH + j] = 0;
    for (let k = 0; k < nOut; k++) d[b * nOut + k] = theta[layout.b2 + k];
    for (let j = 0; j < nH; j++) {
      const hv = h[b * nH + j];
      if (hv !== 0) for (let k = 0; k < nOut; k++) d[b * nOut + k] += hv * theta[layout.w2 + j * nOut + k];
    }
    const logits = d.subarray(b * nOut, (b + 1) * nOut);
    const max = Math.max(...logits);
    const label = y[rows[b]];
    const labelLogit = logits[label] - max;
    let sum = 0;
    for (let k = 0; k < nOut; k++) sum += (logits[k] = Math.exp(logits[k] - max));
    loss += Math.log(sum) - labelLogit;
    for (let k = 0; k < nOut; k++) logits[k] = (logits[k] / sum - (k === label ? 1 : 0)) / B;
  }
  grad.fill(0);
  for (let b = 0; b < B; b++) {
    for (let k = 0; k < nOut; k++) grad[layout.b2 + k] += d[b * nOut + k];
    for (let j = 0; j < nH; j++) {
      const hv = h[b * nH + j];
      if (hv === 0) continue;
      let dh = 0;
      for (let k = 0; k < nOut; k++) {
        grad[layout.w2 + j * nOut + k] += hv * d[b * nOut + k];
        dh += d[b * nOut + k] * theta[layout.w2 + j * nOut + k];
      }
      h[b * nH + j] = dh;
    }
    for (let j = 0; j < nH; j++) grad[layout.b1 + j] += h[b * nH + j];
  }
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < nIn; i++) {
      const xv = X[rows[b] * nIn + i];
      if (xv !== 0) for (let j = 0; j < nH; j++) grad[layout.w1 + i * nH + j] += xv * h[b * nH + j];
    }
  }
  return loss / B;
}

test('the four- and two-rows-at-a-time loops give bit-for-bit the one-row result, for odd batches and infinite weights too', (t) => {
  for (const seed of [3, 4, 5]) {
    const { layout, X, y, theta, ws } = problem(seed);
    for (const rows of [Int32Array.of(0, 1, 2, 3, 4, 5, 6), Int32Array.of(6, 2, 2, 5), Int32Array.of(3), Int32Array.of(6, 5, 4, 3, 2, 1, 0), Int32Array.of(2, 2, 2, 2, 2)]) {
      const got = new Float64Array(layout.size);
      const want = new Float64Array(layout.size);
      t.true(Object.is(lossAndGrad(layout, theta, X, y, rows, ws, got), oneRowReference(layout, theta, X, y, rows, want)));
      t.true(got.every((g, i) => Object.is(g, want[i])), `seed ${seed}, rows ${rows.join(',')}`);
    }
    // A diverged run: 0·∞ must not be formed, so the loss is NaN only where the reference's is.
    const wild = Float64Array.from(theta, (v, i) => (i % 7 === 0 ? Infinity : v));
    const got = new Float64Array(layout.size);
    const want = new Float64Array(layout.size);
    const rows = Int32Array.of(0, 1, 2, 3, 4, 5, 6);
    t.true(Object.is(lossAndGrad(layout, wild, X, y, rows, ws, got), oneRowReference(layout, wild, X, y, rows, want)));
    t.true(got.every((g, i) => Object.is(g, want[i])));
  }
});

test('the loss is the mean cross-entropy, finite even for extreme logits; evaluate agrees with lossAndGrad', (t) => {
  const { layout, X, y, theta, rows, ws } = problem(2);
  const loss = lossAndGrad(layout, theta, X, y, rows, ws);
  const whole = evaluate(layout, theta, X, y, workspace(layout, 3));
  t.true(Math.abs(whole.loss - loss) < 1e-12);
  t.true(whole.accuracy >= 0 && whole.accuracy <= 1);
  const huge = Float64Array.from(theta, (v) => v * 1e4);
  t.true(Number.isFinite(lossAndGrad(layout, huge, X, y, rows, ws)));
  // Zero weights: uniform softmax, loss ln 3.
  t.true(Math.abs(lossAndGrad(layout, new Float64Array(layout.size), X, y, rows, ws) - Math.log(3)) < 1e-12);
});

test('the layout tiles the flat vector into two layers', (t) => {
  const l = layoutOf({ input: 64, hidden: 64, output: 10 });
  t.is(l.size, 64 * 64 + 64 + 64 * 10 + 10);
  t.deepEqual(l.layers, [[0, 64 * 64 + 64], [64 * 64 + 64, l.size]]);
  t.throws(() => layoutOf({ input: 0, hidden: 1, output: 1 }), { message: /input must be a positive integer/ });
});

test('the digits split is seeded, disjoint and scaled to [0, 1]', (t) => {
  const images = Array.from({ length: 10 }, (_, i) => Array.from({ length: 4 }, () => i));
  const labels = Array.from({ length: 10 }, (_, i) => i % 3);
  const a = splitDigits(images, labels, 0.3, 5);
  const b = splitDigits(images, labels, 0.3, 5);
  t.deepEqual(Array.from(a.test.X), Array.from(b.test.X));
  t.is(a.test.n, 3);
  t.is(a.train.n, 7);
  const ids = new Set([...a.train.X.filter((_, i) => i % 4 === 0), ...a.test.X.filter((_, i) => i % 4 === 0)].map((v) => v * 16));
  t.is(ids.size, 10);
  t.true(Math.max(...a.train.X) <= 1 && Math.min(...a.train.X) >= 0);
  t.throws(() => splitDigits(images, labels, 1, 0), { message: /testFraction/ });
});

test('the real digits load, checked, as 1797 images split 80/20', (t) => {
  const d = loadDigitsSplit(ROOT, 0.2, 0);
  t.is(d.train.n + d.test.n, 1797);
  t.is(d.test.n, 359);
  t.is(d.features, 64);
  t.is(d.classes, 10);
});

test('the batch sampler visits every row once per epoch', (t) => {
  const s = new BatchSampler(10, 5, 3);
  const seen = [...s.next(), ...s.next()].sort((x, y) => x - y);
  t.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('steps to target: the first evaluation at or below it, ∞ when never reached', (t) => {
  const r = { evalSteps: [0, 10, 20, 30], loss: [2, 1, 0.5, 0.6] } as TrainResult;
  t.is(stepsToTarget(r, 0.6), 20);
  t.is(stepsToTarget(r, 0.4), Number.POSITIVE_INFINITY);
});
