import { assertSquare, identity, maxAbs, shapeOf, type Matrix } from './matrix.js';

export interface LU {
  /** Packed factors: strictly-lower part is L (unit diagonal implied), upper part is U. */
  readonly lu: Matrix;
  /** Row i of P a is row perm[i] of a. */
  readonly perm: Int32Array;
  /** Sign of the permutation, +1 or -1. */
  readonly sign: number;
}

/**
 * LU decomposition with partial pivoting, P a = L U. Throws if `a` is singular to working
 * precision: a pivot no larger than n * eps * max|a_ij| (or a non-finite entry).
 */
export function luDecompose(a: Matrix): LU {
  assertSquare('luDecompose', a);
  const n = a.rows;
  const A = Float64Array.from(a.data);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  let sign = 1;
  const scale = maxAbs(a);
  if (!Number.isFinite(scale)) throw new Error(`luDecompose: ${shapeOf(a)} matrix has a non-finite entry`);
  const tiny = n * Number.EPSILON * scale;
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(A[k * n + k]);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(A[i * n + k]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > tiny)) {
      throw new Error(`luSolve: ${shapeOf(a)} matrix is singular to working precision (pivot ${k} is ${best})`);
    }
    if (p !== k) {
      const rk = k * n;
      const rp = p * n;
      for (let j = 0; j < n; j++) {
        const t = A[rk + j];
        A[rk + j] = A[rp + j];
        A[rp + j] = t;
      }
      const t = perm[k];
      perm[k] = perm[p];
      perm[p] = t;
      sign = -sign;
    }
    const rk = k * n;
    const inv = 1 / A[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const f = A[ri + k] * inv;
      A[ri + k] = f;
      if (f === 0) continue;
      for (let j = k + 1; j < n; j++) A[ri + j] -= f * A[rk + j];
    }
  }
  return { lu: { rows: n, cols: n, data: A }, perm, sign };
}

/** Solves a x = b given a's LU decomposition. */
export function luSolveFactor(f: LU, b: Matrix): Matrix {
  const n = f.lu.rows;
  if (b.rows !== n) throw new Error(`luSolve: shape mismatch, ${shapeOf(f.lu)} vs ${shapeOf(b)}`);
  const m = b.cols;
  const A = f.lu.data;
  const X = new Float64Array(n * m);
  for (let i = 0; i < n; i++) X.set(b.data.subarray(f.perm[i] * m, (f.perm[i] + 1) * m), i * m);
  // Forward: L y = P b (unit diagonal).
  for (let i = 0; i < n; i++) {
    const xi = i * m;
    for (let k = 0; k < i; k++) {
      const lik = A[i * n + k];
      if (lik === 0) continue;
      const xk = k * m;
      for (let j = 0; j < m; j++) X[xi + j] -= lik * X[xk + j];
    }
  }
  // Backward: U x = y.
  for (let i = n - 1; i >= 0; i--) {
    const xi = i * m;
    for (let k = i + 1; k < n; k++) {
      const uik = A[i * n + k];
      if (uik === 0) continue;
      const xk = k * m;
      for (let j = 0; j < m; j++) X[xi + j] -= uik * X[xk + j];
    }
    const inv = 1 / A[i * n + i];
    for (let j = 0; j < m; j++) X[xi + j] *= inv;
  }
  return { rows: n, cols: m, data: X };
}

/** Solves a x = b by LU with partial pivoting; throws on a singular a. */
export function luSolve(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== a.cols || a.rows !== b.rows) {
    throw new Error(`luSolve: shape mismatch, ${shapeOf(a)} vs ${shapeOf(b)}`);
  }
  return luSolveFactor(luDecompose(a), b);
}

export function inverse(a: Matrix): Matrix {
  assertSquare('inverse', a);
  return luSolve(a, identity(a.rows));
}

/** Determinant via LU; 0 for a matrix singular to working precision. */
export function determinant(a: Matrix): number {
  assertSquare('determinant', a);
  let f: LU;
  try {
    f = luDecompose(a);
  } catch (e) {
    if (e instanceof Error && e.message.includes('singular')) return 0;
    throw e;
  }
  const n = a.rows;
  let d = f.sign;
  for (let i = 0; i < n; i++) d *= f.lu.data[i * n + i];
  return d;
}
