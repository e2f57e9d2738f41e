import test from 'ava';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { choleskySolve } from '#harness/linalg';
import { accuracy, fitLogistic } from '../logistic.js';

const tf = await getTf();

/** A float64 reference: plain Newton on the same penalised mean logistic loss. */
function referenceFit(X: number[][], y: number[], l2: number): Float64Array {
  const N = X.length;
  const p = X[0].length;
  const w = new Float64Array(p);
  for (let it = 0; it < 100; it++) {
    const g = new Float64Array(p);
    const H = new Float64Array(p * p);
    for (let i = 0; i < N; i++) {
      const z = X[i].reduce((s, x, k) => s + x * w[k], 0);
      const s = 1 / (1 + Math.exp(-z));
      for (let a = 0; a < p; a++) {
        g[a] += ((s - y[i]) * X[i][a]) / N;
        for (let b = 0; b < p; b++) H[a * p + b] += (s * (1 - s) * X[i][a] * X[i][b]) / N;
      }
    }
    for (let a = 0; a < p; a++) {
      g[a] += l2 * w[a];
      H[a * p + a] += l2;
    }
    const step = choleskySolve({ rows: p, cols: p, data: H }, { rows: p, cols: 1, data: g }).data;
    for (let a = 0; a < p; a++) w[a] -= step[a];
    if (Math.hypot(...step) < 1e-12) break;
  }
  return w;
}

function problem(seed: number, N: number, p: number, noise: number): { X: number[][]; y: number[] } {
  const rng = createRng(seed);
  const truth = Array.from({ length: p }, () => rng.normal());
  const X = Array.from({ length: N }, () => [...Array.from({ length: p - 1 }, () => rng.normal()), 1]);
  const y = X.map((x) => (x.reduce((s, v, k) => s + v * truth[k], 0) + noise * rng.normal() > 0 ? 1 : 0));
  return { X, y };
}

test('batched damped Newton agrees with a float64 reference, problem by problem', (t) => {
  // One noisy problem, one separable (the penalty keeps its optimum finite).
  const problems = [problem(1, 300, 5, 1), problem(2, 300, 5, 0)];
  const l2 = 1e-2;
  const Phi = tf.tensor3d(problems.map((q) => q.X));
  const y = tf.tensor3d(problems.map((q) => q.y.map((v) => [v])));
  const fit = fitLogistic(tf, Phi, y, { l2 });
  t.is(fit.unconverged, 0);
  problems.forEach((q, b) => {
    const ref = referenceFit(q.X, q.y, l2);
    const got = fit.weights.subarray(b * 5, (b + 1) * 5);
    const err = Math.max(...Array.from(ref, (r, k) => Math.abs(r - got[k]))) / Math.max(...Array.from(ref, Math.abs));
    t.true(err < 2e-3, `problem ${b}: relative error ${err}`);
  });
  const acc = accuracy(tf, Phi, y, fit.weights);
  t.true(acc[1] > 0.97, `separable problem fitted to ${acc[1]}`);
  t.true(acc[0] > 0.6 && acc[0] < 0.95, `noisy problem fitted to ${acc[0]}`);
  tf.dispose([Phi, y]);
});

test('accuracy counts 1[φᵀw > 0] = y (a tie φᵀw = 0 predicts 0)', (t) => {
  const Phi = tf.tensor3d([[[1, 0], [0, 1], [-1, 0], [0, -1]]]);
  const y = tf.tensor3d([[[1], [0], [0], [1]]]);
  t.deepEqual(accuracy(tf, Phi, y, Float64Array.from([1, 0])), [0.75]);
  tf.dispose([Phi, y]);
});
