import { assertSymmetric, gram, shapeOf, transpose, type Matrix } from './matrix.js';

export interface SymmetricEigen {
  /** Eigenvalues in ascending order. */
  values: number[];
  /** Orthonormal eigenvectors as columns, in the order of `values`. */
  vectors: Matrix;
}

const MAX_SWEEPS = 100;

/**
 * Cyclic Jacobi on a full symmetric copy of `a` (symmetrised first). Returns the eigenvalues in
 * storage order and, if asked, the eigenvectors as the rows of a row-major n x n array.
 */
function jacobi(a: Matrix, wantVectors: boolean): { values: Float64Array; vt: Float64Array | null } {
  assertSymmetric('symmetricEigen', a);
  const n = a.rows;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i * n + i] = a.data[i * n + i];
    for (let j = 0; j < i; j++) {
      const v = 0.5 * (a.data[i * n + j] + a.data[j * n + i]);
      A[i * n + j] = v;
      A[j * n + i] = v;
    }
  }
  for (let k = 0; k < A.length; k++) {
    if (!Number.isFinite(A[k])) throw new Error(`symmetricEigen: ${shapeOf(a)} matrix has a non-finite entry`);
  }
  // Work on A / max|a_ij|: the squared norms below overflow above ~1e154 and underflow below
  // ~1e-162, which silently stopped the iteration before any rotation.
  // A power of two, so the scaling is exact and ordinary matrices give bit-identical results.
  let largest = 0;
  for (let k = 0; k < A.length; k++) largest = Math.max(largest, Math.abs(A[k]));
  const scale = largest > 0 ? 2 ** Math.round(Math.log2(largest)) : 1;
  if (scale !== 1) for (let k = 0; k < A.length; k++) A[k] /= scale;
  let vt: Float64Array | null = null;
  if (wantVectors) {
    vt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) vt[i * n + i] = 1;
  }
  let total = 0;
  for (let k = 0; k < A.length; k++) total += A[k] * A[k];
  // Converged once the off-diagonal mass is below (eps * ||A||_F)^2; Jacobi converges
  // quadratically, so the eigenvalues are then accurate to a few eps * ||A||.
  const stop = total * Number.EPSILON * Number.EPSILON;

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) off += A[p * n + q] * A[p * n + q];
    }
    if (off <= stop || off === 0) break;
    // Early sweeps only rotate the larger elements (Rutishauser's threshold), which saves work.
    const threshold = sweep < 3 ? (0.2 * Math.sqrt(off / 2)) / (n * n) : 0;
    for (let p = 0; p < n - 1; p++) {
      const rp = p * n;
      for (let q = p + 1; q < n; q++) {
        const rq = q * n;
        const apq = A[rp + q];
        const absApq = Math.abs(apq);
        if (absApq === 0) continue;
        const app = A[rp + p];
        const aqq = A[rq + q];
        const g = 100 * absApq;
        if (sweep > 3 && Math.abs(app) + g === Math.abs(app) && Math.abs(aqq) + g === Math.abs(aqq)) {
          A[rp + q] = 0;
          A[rq + p] = 0;
          continue;
        }
        if (absApq <= threshold) continue;
        const h = aqq - app;
        let t: number;
        if (Math.abs(h) + g === Math.abs(h)) {
          t = apq / h;
        } else {
          const theta = (0.5 * h) / apq;
          t = 1 / (Math.abs(theta) + Math.sqrt(1 + theta * theta));
          if (theta < 0) t = -t;
        }
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        // Rows p and q (contiguous): a'_pk = c a_pk - s a_qk, a'_qk = s a_pk + c a_qk.
        for (let k = 0; k < n; k++) {
          const x = A[rp + k];
          const y = A[rq + k];
          A[rp + k] = c * x - s * y;
          A[rq + k] = s * x + c * y;
        }
        A[rp + p] = app - t * apq;
        A[rq + q] = aqq + t * apq;
        A[rp + q] = 0;
        A[rq + p] = 0;
        // Mirror rows p and q into columns p and q.
        for (let k = 0; k < n; k++) {
          if (k === p || k === q) continue;
          A[k * n + p] = A[rp + k];
          A[k * n + q] = A[rq + k];
        }
        if (vt !== null) {
          for (let k = 0; k < n; k++) {
            const x = vt[rp + k];
            const y = vt[rq + k];
            vt[rp + k] = c * x - s * y;
            vt[rq + k] = s * x + c * y;
          }
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = A[i * n + i] * scale;
  return { values, vt };
}

/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi: a = V diag(values) V^T with values
 * ascending and V's columns orthonormal. Throws if `a` is not square and symmetric (relative
 * asymmetry above 1e-8); small asymmetry is removed by symmetrising first.
 */
export function symmetricEigen(a: Matrix): SymmetricEigen {
  const n = a.rows;
  const { values, vt } = jacobi(a, true);
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => values[i] - values[j]);
  const V = new Float64Array(n * n);
  const src = vt as Float64Array;
  for (let c = 0; c < n; c++) {
    const r = order[c];
    for (let i = 0; i < n; i++) V[i * n + c] = src[r * n + i];
  }
  return { values: order.map((i) => values[i]), vectors: { rows: n, cols: n, data: V } };
}

/** Eigenvalues only, ascending (skips the eigenvector accumulation). */
export function symmetricEigenvalues(a: Matrix): number[] {
  const { values } = jacobi(a, false);
  return Array.from(values).sort((x, y) => x - y);
}

/** Largest eigenvalue of a symmetric matrix (-Infinity for 0 x 0). */
export function lambdaMax(a: Matrix): number {
  const v = symmetricEigenvalues(a);
  return v.length === 0 ? -Infinity : v[v.length - 1];
}

/** Smallest eigenvalue of a symmetric matrix (Infinity for 0 x 0). */
export function lambdaMin(a: Matrix): number {
  const v = symmetricEigenvalues(a);
  return v.length === 0 ? Infinity : v[0];
}

/** Largest singular value, sqrt(lambdaMax(a^T a)), using the smaller of a^T a and a a^T. */
export function spectralNorm(a: Matrix): number {
  if (a.rows === 0 || a.cols === 0) return 0;
  const g = a.rows <= a.cols ? gram(a) : gram(transpose(a));
  return Math.sqrt(Math.max(0, lambdaMax(g)));
}
