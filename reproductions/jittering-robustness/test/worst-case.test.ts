import test from 'ava';
import { createRng } from '#harness/random';
import type { Matrix } from '#harness/linalg';
import { attackRadius, denoisingModel, makeTestSet, randomSubspace } from '../subspace.js';
import { exactWorstCaseRisk } from '../theory.js';
import { diagonalWorstCase, linearPgd, linearWorstCase, prepareLinear, trustRegionMax, twoLevelStats, twoLevelWorstCase, worstCaseAt, worstCaseBounds } from '../worst-case.js';

function shrinkage(U: Matrix, alpha: number): Matrix {
  const n = U.rows;
  const d = U.cols;
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let v = 0;
    for (let k = 0; k < d; k++) v += U.data[i * d + k] * U.data[j * d + k];
    W[i * n + j] = alpha * v;
  }
  return { rows: n, cols: n, data: W };
}

function randomMatrix(n: number, seed: number, scale = 1): Matrix {
  const rng = createRng(seed);
  return { rows: n, cols: n, data: Float64Array.from({ length: n * n }, () => (scale * rng.normal()) / Math.sqrt(n)) };
}

/** Brute force: the best of many random directions on the sphere and PGD restarts. */
function bruteForce(W: Matrix, x: Float64Array, y: Float64Array, eps: number, seed: number): number {
  const n = W.rows;
  const rng = createRng(seed);
  let best = 0;
  const delta = new Float64Array(n);
  for (let trial = 0; trial < 20000; trial++) {
    let norm = 0;
    for (let j = 0; j < n; j++) { delta[j] = rng.normal(); norm += delta[j] ** 2; }
    norm = Math.sqrt(norm);
    let e = 0;
    for (let i = 0; i < n; i++) {
      let v = -x[i];
      for (let j = 0; j < n; j++) v += W.data[i * n + j] * (y[j] + (eps * delta[j]) / norm);
      e += v * v;
    }
    best = Math.max(best, e);
  }
  return best;
}

test('the trust-region maximum matches closed cases: isotropic W, zero pull, and a 1-D problem', (t) => {
  // 1-D: max over |δ| ≤ ε of (a + wδ)² = (|a| + |w|ε)².
  t.true(Math.abs(trustRegionMax(0.25, [2 * 0.5], [4], 0.3) - (0.5 + 2 * 0.3) ** 2) < 1e-12);
  // W = αI: (||a|| + αε)².
  const a = [0.3, -0.4, 1.2];
  const alpha = 0.7;
  const aa = a.reduce((s, v) => s + v * v, 0);
  const got = trustRegionMax(aa, a.map((v) => alpha * v), [alpha ** 2, alpha ** 2, alpha ** 2], 0.5);
  t.true(Math.abs(got - (Math.sqrt(aa) + alpha * 0.5) ** 2) < 1e-12);
  // Hard case: a = 0, so the best δ is ε along the top eigenvector: λmax ε².
  t.true(Math.abs(trustRegionMax(0, [0, 0], [1, 4], 0.5) - 4 * 0.25) < 1e-15);
  // β orthogonal to the top eigenvector and too weak to fill the ball: μ = λmax.
  const hard = trustRegionMax(1, [0.1, 0], [1, 4], 1);
  t.true(Math.abs(hard - (1 + 4 + 0.01 / 3)) < 1e-12);
  t.is(trustRegionMax(2, [1, 1], [1, 1], 0), 2);
});

test('per sample, the trust-region maximum beats brute force and PGD, and PGD nearly reaches it', (t) => {
  const n = 6;
  const W = randomMatrix(n, 3);
  const rng = createRng(11);
  const x = Float64Array.from({ length: n }, () => rng.normal());
  const y = Float64Array.from(x, (v) => v + 0.3 * rng.normal());
  const eps = 0.8;
  const exact = linearWorstCase(W, { count: 1, n, x, y }, eps).mean;
  const brute = bruteForce(W, x, y, eps, 5);
  const pgd = linearPgd(W, x, y, eps, 50, 2.5);
  t.true(exact >= brute - 1e-12, `exact ${exact} < brute force ${brute}`);
  t.true(exact >= pgd - 1e-12, `exact ${exact} < PGD ${pgd}`);
  t.true(brute > 0.995 * exact, `brute force ${brute} far below ${exact}`);
  t.true(pgd > 0.999 * exact, `PGD ${pgd} far below ${exact}`);
});

test('for αUUᵀ the Monte-Carlo exact worst case matches the closed form with the χ mean, inside the bounds', (t) => {
  const [n, d, nu, zeta, alpha] = [24, 8, 0.04, 0.3, 0.84];
  const rng = createRng(7);
  const U = randomSubspace(n, d, rng);
  const model = denoisingModel(U, Math.sqrt(nu));
  const test_ = makeTestSet(model, 4000, rng);
  const W = shrinkage(U, alpha);
  const eps = attackRadius(zeta, d);
  const wc = linearWorstCase(W, test_, eps);
  const closed = d * exactWorstCaseRisk(alpha, zeta, nu, d);
  t.true(Math.abs(wc.mean - closed) < 4 * wc.se, `MC ${wc.mean} ± ${wc.se} vs closed form ${closed}`);
  // Per sample it is exactly (||a|| + αε)².
  for (let s = 0; s < 5; s++) {
    let aa = 0;
    for (let i = 0; i < n; i++) {
      let v = -test_.x[s * n + i];
      for (let j = 0; j < n; j++) v += W.data[i * n + j] * test_.y[s * n + j];
      aa += v * v;
    }
    t.true(Math.abs(wc.perSample[s] - (Math.sqrt(aa) + alpha * eps) ** 2) < 1e-9);
  }
  const b = worstCaseBounds(W, model, eps);
  t.true(Math.abs(b.opNorm - alpha) < 1e-9);
  t.true(b.lower <= closed && closed <= b.upper, `${b.lower} ≤ ${closed} ≤ ${b.upper}`);
  // The upper bound is the plan's asymptotic formula times d.
  t.true(Math.abs(b.upper - d * (Math.sqrt((1 - alpha) ** 2 + alpha ** 2 * nu) + alpha * Math.sqrt(zeta)) ** 2) < 1e-9);
});

test('for a generic W the Monte-Carlo worst case lies between the closed-form bounds', (t) => {
  const [n, d] = [16, 5];
  const rng = createRng(21);
  const model = denoisingModel(randomSubspace(n, d, rng), 0.3);
  const W = randomMatrix(n, 8, 0.8);
  const eps = attackRadius(0.2, d);
  const wc = linearWorstCase(W, makeTestSet(model, 3000, rng), eps);
  const b = worstCaseBounds(W, model, eps);
  t.true(b.lower < wc.mean - 3 * wc.se && wc.mean + 3 * wc.se < b.upper, `${b.lower} < ${wc.mean} < ${b.upper}`);
});

test('the diagonal evaluation equals the dense one for a diagonal W', (t) => {
  const n = 10;
  const rng = createRng(4);
  const w = Float64Array.from({ length: n }, () => rng.next());
  const W = new Float64Array(n * n);
  w.forEach((v, i) => (W[i * n + i] = v));
  const x = Float64Array.from({ length: 3 * n }, () => rng.normal());
  const y = Float64Array.from(x, (v) => v + 0.2 * rng.normal());
  const set = { count: 3, n, x, y };
  const dense = linearWorstCase({ rows: n, cols: n, data: W }, set, 0.7);
  const diag = diagonalWorstCase(w, set, 0.7);
  for (let s = 0; s < 3; s++) t.true(Math.abs(dense.perSample[s] - diag.perSample[s]) < 1e-9);
});

test('the two-level shortcut equals the dense evaluation for a·UUᵀ + b·(I − UUᵀ)', (t) => {
  const [n, d] = [20, 6];
  const rng = createRng(31);
  const U = randomSubspace(n, d, rng);
  const set = makeTestSet(denoisingModel(U, 0.3), 200, rng);
  const [a, b, eps] = [0.8, 0.15, 1.1];
  const P = shrinkage(U, 1);
  const W = { rows: n, cols: n, data: Float64Array.from(P.data, (v, k) => a * v + b * ((Math.floor(k / n) === k % n ? 1 : 0) - v)) };
  const dense = linearWorstCase(W, set, eps);
  const fast = twoLevelWorstCase(a, b, twoLevelStats(U, set), eps);
  for (let s = 0; s < set.count; s++) t.true(Math.abs(dense.perSample[s] - fast.perSample[s]) < 1e-8 * Math.max(1, dense.perSample[s]));
  // Several radii from one preparation agree with separate evaluations.
  const prepared = prepareLinear(W, set);
  t.true(Math.abs(worstCaseAt(prepared, 0.3).mean - linearWorstCase(W, set, 0.3).mean) < 1e-9);
});
