/**
 * The phase-transition grid: for one n, gradient descent on every (seed, m = ρn) problem at
 * once in tfjs (float32). Per seed, one Gaussian matrix with max(ρ)·n rows serves every ρ
 * through its first m rows (a nested design: each cell is still an exact Gaussian problem), so
 * a step is two batched products X·Aᵀ and W·A over [seeds, ratios, ·] — ~2 ms at n = 200
 * where float64 loops took ~15 ms. Large ratios succeed first: once every seed of the largest
 * remaining ratio has succeeded, that ratio and the rows only it used are sliced off the batch.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '#harness/random';
import { plantedSignal, type Indicator } from './gaussian-model.js';

type Tf = typeof tfc;
/**
 * nonlinear: gradient descent on (1/2m) Σ (e^{−⟨a, x⟩₊} − y)², the paper's method. post-log: the
 * linearisation a scanner would use, p = −log y (= ⟨a, x*⟩₊), then gradient descent on the linear
 * least squares (1/2m) Σ (⟨a, x⟩ − p)², which ignores the clipping (the near-minimal claim's control).
 */
export type Solver = 'nonlinear' | 'post-log';

export interface GridOptions {
  n: number;
  ratios: readonly number[];
  seeds: readonly number[];
  step: number;
  iterations: number;
  /** Success: relative error below this at some checked iterate within the budget. */
  tolerance: number;
  /** Errors are read back (and success checked) every this many iterations. */
  checkEvery: number;
  indicator: Indicator;
  signalNorm: number;
  /** Which loss gradient descent minimizes (default nonlinear). */
  solver?: Solver;
}

export interface GridCell { n: number; ratio: number; m: number; seed: number; success: boolean; finalError: number; iterations: number }

export function successGrid(tf: Tf, o: GridOptions): GridCell[] {
  const { n, ratios, seeds } = o;
  const S = seeds.length;
  const R = ratios.length;
  if (ratios.some((r, i) => i > 0 && r <= ratios[i - 1])) throw new RangeError(`ratios must be strictly increasing, got ${ratios.join(', ')}`);
  const ms = ratios.map((r) => Math.round(r * n));
  const M = Math.max(...ms);
  const a = new Float32Array(S * M * n);
  const y = new Float32Array(S * M);
  const xs = new Float32Array(S * n);
  seeds.forEach((seed, s) => {
    const rng = createRng(deriveSeed(seed, 1000 + n));
    const xStar = plantedSignal(n, o.signalNorm, rng);
    xs.set(xStar, s * n);
    for (let i = 0; i < M; i++) {
      let z = 0;
      for (let j = 0; j < n; j++) {
        // Round to float32 first, so the data are exact for the matrix the iteration sees.
        const v = Math.fround(rng.normal());
        a[(s * M + i) * n + j] = v;
        z += v * xStar[j];
      }
      y[s * M + i] = Math.exp(-Math.max(z, 0));
    }
  });
  const postLog = o.solver === 'post-log';
  // The post-log solver sees p = −log y instead of y (computed from the same float32 data).
  const data = postLog ? Float32Array.from(y, (v) => -Math.log(v)) : y;
  // mask[r, i] = 1/m_r on the first m_r rows: the loss's 1/m and the nested design in one factor.
  const mask = new Float32Array(R * M);
  ms.forEach((m, r) => mask.fill(1 / m, r * M, r * M + m));
  let A: tfc.Tensor3D = tf.tensor3d(a, [S, M, n]);
  // Aᵀ stored beside A: X·Aᵀ as matMul(X, A, false, true) packs A's transpose again on every
  // iteration, several times slower on one thread (see ct-batch.ts), for bit-identical products.
  let AT: tfc.Tensor3D = tf.transpose(A, [0, 2, 1]);
  let Y: tfc.Tensor3D = tf.tensor3d(data, [S, 1, M]);
  let W0: tfc.Tensor3D = tf.tensor3d(mask, [1, R, M]);
  const Xstar = tf.tensor3d(xs, [S, 1, n]);
  const starNorm = tf.tidy(() => tf.norm(Xstar, 'euclidean', 2));
  let X: tfc.Tensor3D = tf.zeros([S, R, n]);
  const success = new Array<boolean>(S * R).fill(false);
  const firstSuccess = new Array<number>(S * R).fill(o.iterations);
  const errors = new Float32Array(S * R).fill(1);
  const lastIteration = new Array<number>(R).fill(0);
  // Ratios [0, active) are still iterated; the rest have succeeded for every seed.
  let active = R;
  let t = 0;
  try {
    while (t < o.iterations && active > 0) {
      const next = tf.tidy(() => {
        const Z = tf.matMul(X, AT);
        // Post-log: −∇L = (1/m) Σ (p − ⟨a, x⟩) a.
        if (postLog) return tf.add(X, tf.mul(tf.matMul(tf.mul(tf.sub(Y, Z), W0), A), o.step)) as tfc.Tensor3D;
        const F = tf.exp(tf.neg(tf.relu(Z)));
        const on = tf.cast(o.indicator === 'closed' ? tf.greaterEqual(Z, 0) : tf.greater(Z, 0), 'float32');
        // −∇L = (1/m) Σ (f − y) f 1[z ≥ 0] a.
        const W = tf.mul(tf.mul(tf.mul(tf.sub(F, Y), F), on), W0);
        return tf.add(X, tf.mul(tf.matMul(W, A), o.step)) as tfc.Tensor3D;
      });
      X.dispose();
      X = next;
      t++;
      if (t % o.checkEvery !== 0 && t !== o.iterations) continue;
      const now = tf.tidy(() => tf.div(tf.norm(tf.sub(X, Xstar), 'euclidean', 2), starNorm).dataSync() as Float32Array);
      let moved = false;
      for (let s = 0; s < S; s++) {
        for (let r = 0; r < active; r++) {
          const c = s * R + r;
          const e = now[s * active + r];
          if (e !== errors[c]) moved = true;
          errors[c] = e;
          if (!success[c] && e < o.tolerance) {
            success[c] = true;
            firstSuccess[c] = t;
          }
        }
      }
      for (let r = 0; r < active; r++) lastIteration[r] = t;
      // Nothing moved at all: a zero gradient (e.g. '>' at x₀ = 0); no later step can change it.
      if (!moved) break;
      let keep = active;
      while (keep > 0 && seeds.every((_, s) => success[s * R + keep - 1])) keep--;
      if (keep < active && keep > 0) {
        const rows = ms[keep - 1];
        const shrunk = tf.tidy(() => [
          tf.slice(X, [0, 0, 0], [S, keep, n]),
          tf.slice(A, [0, 0, 0], [S, rows, n]),
          tf.slice(AT, [0, 0, 0], [S, n, rows]),
          tf.slice(Y, [0, 0, 0], [S, 1, rows]),
          tf.slice(W0, [0, 0, 0], [1, keep, rows]),
        ] as tfc.Tensor3D[]);
        tf.dispose([X, A, AT, Y, W0]);
        [X, A, AT, Y, W0] = shrunk;
      }
      active = keep;
    }
  } finally {
    tf.dispose([A, AT, Y, W0, Xstar, starNorm, X]);
  }
  const cells: GridCell[] = [];
  seeds.forEach((seed, s) => ratios.forEach((ratio, r) => {
    const c = s * R + r;
    cells.push({ n, ratio, m: ms[r], seed, success: success[c], finalError: errors[c], iterations: success[c] ? firstSuccess[c] : lastIteration[r] });
  }));
  return cells;
}

/** Success rate per ratio (over seeds) for one n. */
export function successRates(cells: readonly GridCell[], ratios: readonly number[]): number[] {
  return ratios.map((ratio) => {
    const here = cells.filter((c) => c.ratio === ratio);
    return here.filter((c) => c.success).length / here.length;
  });
}

/**
 * m*(n): the smallest grid m whose success rate is ≥ minRate. When no grid m succeeds, the
 * stand-in 2·max(m) is returned (flagged `censored`): "beyond the grid", outside any band
 * whose top is below twice the grid's end.
 */
export function threshold(n: number, ratios: readonly number[], rates: readonly number[], minRate: number): { m: number; censored: boolean } {
  const i = rates.findIndex((r) => r >= minRate);
  if (i >= 0) return { m: Math.round(ratios[i] * n), censored: false };
  return { m: 2 * Math.round(Math.max(...ratios) * n), censored: true };
}
