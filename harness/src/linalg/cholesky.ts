import { assertSymmetric, shapeOf, type Matrix } from './matrix.js';

/**
 * Lower-triangular L with a = L L^T. Reads the lower triangle; throws if `a` is not symmetric
 * (relative asymmetry above 1e-8) or not positive definite (a non-positive or non-finite pivot).
 */
export function cholesky(a: Matrix): Matrix {
  assertSymmetric('cholesky', a);
  const n = a.rows;
  const A = a.data;
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = A[rj + j];
    for (let k = 0; k < j; k++) d -= L[rj + k] * L[rj + k];
    if (!(d > 0) || !Number.isFinite(d)) {
      throw new Error(
        `cholesky: ${shapeOf(a)} matrix is not symmetric positive definite (pivot ${j} is ${d})`,
      );
    }
    const ljj = Math.sqrt(d);
    L[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = A[ri + j];
      for (let k = 0; k < j; k++) s -= L[ri + k] * L[rj + k];
      L[ri + j] = s * inv;
    }
  }
  return { rows: n, cols: n, data: L };
}

/** Solves L y = b for lower-triangular L (all right-hand sides at once, row by row). */
export function solveLower(L: Matrix, b: Matrix): Matrix {
  if (L.rows !== L.cols || L.rows !== b.rows) {
    throw new Error(`solveLower: shape mismatch, ${shapeOf(L)} vs ${shapeOf(b)}`);
  }
  const n = L.rows;
  const m = b.cols;
  const Ld = L.data;
  const Y = Float64Array.from(b.data);
  for (let i = 0; i < n; i++) {
    const yi = i * m;
    for (let k = 0; k < i; k++) {
      const lik = Ld[i * n + k];
      if (lik === 0) continue;
      const yk = k * m;
      for (let j = 0; j < m; j++) Y[yi + j] -= lik * Y[yk + j];
    }
    const inv = 1 / Ld[i * n + i];
    for (let j = 0; j < m; j++) Y[yi + j] *= inv;
  }
  return { rows: n, cols: m, data: Y };
}

/** Solves U x = b for upper-triangular U. */
export function solveUpper(U: Matrix, b: Matrix): Matrix {
  if (U.rows !== U.cols || U.rows !== b.rows) {
    throw new Error(`solveUpper: shape mismatch, ${shapeOf(U)} vs ${shapeOf(b)}`);
  }
  const n = U.rows;
  const m = b.cols;
  const Ud = U.data;
  const X = Float64Array.from(b.data);
  for (let i = n - 1; i >= 0; i--) {
    const xi = i * m;
    for (let k = i + 1; k < n; k++) {
      const uik = Ud[i * n + k];
      if (uik === 0) continue;
      const xk = k * m;
      for (let j = 0; j < m; j++) X[xi + j] -= uik * X[xk + j];
    }
    const inv = 1 / Ud[i * n + i];
    for (let j = 0; j < m; j++) X[xi + j] *= inv;
  }
  return { rows: n, cols: m, data: X };
}

/** Solves L^T x = b given the lower-triangular L, without forming L^T. */
export function solveLowerTranspose(L: Matrix, b: Matrix): Matrix {
  if (L.rows !== L.cols || L.rows !== b.rows) {
    throw new Error(`solveLowerTranspose: shape mismatch, ${shapeOf(L)} vs ${shapeOf(b)}`);
  }
  const n = L.rows;
  const m = b.cols;
  const Ld = L.data;
  const X = Float64Array.from(b.data);
  // Column-oriented back substitution: once x_i is final, remove its contribution L[i][k] x_i
  // from every earlier row k < i.
  for (let i = n - 1; i >= 0; i--) {
    const xi = i * m;
    const inv = 1 / Ld[i * n + i];
    for (let j = 0; j < m; j++) X[xi + j] *= inv;
    for (let k = 0; k < i; k++) {
      const lik = Ld[i * n + k];
      if (lik === 0) continue;
      const xk = k * m;
      for (let j = 0; j < m; j++) X[xk + j] -= lik * X[xi + j];
    }
  }
  return { rows: n, cols: m, data: X };
}

/** Solves a x = b given a's Cholesky factor L. */
export function choleskySolveFactor(L: Matrix, b: Matrix): Matrix {
  return solveLowerTranspose(L, solveLower(L, b));
}

/** Solves a x = b for symmetric positive definite a (throws if it is not). */
export function choleskySolve(a: Matrix, b: Matrix): Matrix {
  if (a.rows !== a.cols || a.rows !== b.rows) {
    throw new Error(`choleskySolve: shape mismatch, ${shapeOf(a)} vs ${shapeOf(b)}`);
  }
  return choleskySolveFactor(cholesky(a), b);
}
