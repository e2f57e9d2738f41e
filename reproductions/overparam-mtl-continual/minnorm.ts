/**
 * Minimum-norm least squares in float64. With p ≥ r samples (rows) the minimum-norm interpolant
 * is ŵ = Xᵀα with (XXᵀ)α = y: one r×r Cholesky solve of the Gram matrix. With p < r it is the
 * ordinary least-squares fit ŵ = (XᵀX)⁻¹Xᵀy: one p×p Cholesky solve of the normal matrix.
 */
import { cholesky, choleskySolveFactor, wrap } from '#harness/linalg';

/**
 * Solves M X = B for symmetric positive definite M (r×r) and B (r×m), both row-major. Returns
 * null when M is numerically singular (a non-positive Cholesky pivot): exactly at an
 * interpolation threshold the error is unbounded and is then recorded as +∞.
 */
export function spdSolve(M: Float64Array, r: number, B: Float64Array, m: number): Float64Array | null {
  let L;
  try {
    L = cholesky(wrap(r, r, M));
  } catch {
    return null;
  }
  const X = choleskySolveFactor(L, wrap(r, m, B)).data;
  for (const v of X) if (!Number.isFinite(v)) return null;
  return X;
}

/** Row-major r×m matrix whose columns are the given r-vectors. */
export function columns(vectors: readonly ArrayLike<number>[], r: number): Float64Array {
  const m = vectors.length;
  const out = new Float64Array(r * m);
  vectors.forEach((v, j) => {
    for (let i = 0; i < r; i++) out[i * m + j] = v[i];
  });
  return out;
}

/** Column j of a row-major r×m matrix. */
export function columnOf(M: Float64Array, r: number, m: number, j: number): Float64Array {
  const out = new Float64Array(r);
  for (let i = 0; i < r; i++) out[i] = M[i * m + j];
  return out;
}
