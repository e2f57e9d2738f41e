/**
 * The paper's signal model: x = Uc with c ~ N(0, I_d) on a d-dimensional subspace of R^n,
 * measured as y = Ax + z with z ~ N(0, σ² I_n) and A diagonal (A = I: denoising). Test sets are
 * drawn once and shared by every estimator of a seed, so comparisons are paired.
 */
import type { Rng } from '#harness/random';
import { randomOrthogonal, type Matrix } from '#harness/linalg';

export interface SubspaceModel {
  n: number;
  d: number;
  /** n x d with orthonormal columns. */
  U: Matrix;
  /** Per-coordinate noise standard deviation σ. */
  noiseStd: number;
  /** Diagonal of the forward operator A (length n); all ones for denoising. */
  forward: Float64Array;
}

/** A Haar-random d-dimensional subspace of R^n: the first d columns of a random orthogonal matrix. */
export function randomSubspace(n: number, d: number, rng: Rng): Matrix {
  const Q = randomOrthogonal(n, rng);
  const U = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) U[i * d + j] = Q.data[i * n + j];
  return { rows: n, cols: d, data: U };
}

/** The coordinate subspace span(e_1..e_d), as in the original code's subspace data set. */
export function coordinateSubspace(n: number, d: number): Matrix {
  const U = new Float64Array(n * d);
  for (let j = 0; j < d; j++) U[j * d + j] = 1;
  return { rows: n, cols: d, data: U };
}

export function denoisingModel(U: Matrix, noiseStd: number): SubspaceModel {
  return { n: U.rows, d: U.cols, U, noiseStd, forward: new Float64Array(U.rows).fill(1) };
}

/** The original's "linear decay" operator: A = diag(1/n, 2/n, ..., n/n). */
export function linearDecay(n: number): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (i + 1) / n);
}

export interface TestSet {
  count: number;
  n: number;
  /** count x n, row-major. */
  x: Float64Array;
  /** count x n measurements y = Ax + z. */
  y: Float64Array;
}

export function makeTestSet(model: SubspaceModel, count: number, rng: Rng): TestSet {
  const { n, d, U, noiseStd, forward } = model;
  const x = new Float64Array(count * n);
  const y = new Float64Array(count * n);
  const c = new Float64Array(d);
  for (let s = 0; s < count; s++) {
    for (let j = 0; j < d; j++) c[j] = rng.normal();
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < d; j++) v += U.data[i * d + j] * c[j];
      x[s * n + i] = v;
      y[s * n + i] = forward[i] * v + noiseStd * rng.normal();
    }
  }
  return { count, n, x, y };
}

/** E||x||² = d (unit-variance coordinates); ε² = ζ·E||x||². */
export function attackRadius(zeta: number, d: number): number {
  return Math.sqrt(zeta * d);
}
