/** What is read off a trained linear W: its shrinkage on the subspace and its leakage off it. */
import { matmul, matmulTranspose, scale, type Matrix } from '#harness/linalg';

/** α̂ = tr(UᵀWU)/d: the average gain of W inside the signal subspace (α for W = αUUᵀ). */
export function shrinkageOf(W: Matrix, U: Matrix): number {
  const { rows: n, cols: d } = U;
  const WU = matmul(W, U);
  let trace = 0;
  for (let j = 0; j < d; j++) for (let i = 0; i < n; i++) trace += U.data[i * d + j] * WU.data[i * d + j];
  return trace / d;
}

/** ||W(I − UUᵀ)||_F / ||W||_F: the share of W acting on directions that carry only noise (0 for αUUᵀ). */
export function leakageOf(W: Matrix, U: Matrix): number {
  // W(I − UUᵀ) = W − (WU)Uᵀ
  const P = matmulTranspose(matmul(W, U), U);
  let off = 0;
  let total = 0;
  for (let i = 0; i < W.data.length; i++) {
    const w = W.data[i];
    off += (w - P.data[i]) ** 2;
    total += w * w;
  }
  return total > 0 ? Math.sqrt(off / total) : Number.NaN;
}

/** The estimator αUUᵀ as a dense matrix. */
export function shrinkageMatrix(U: Matrix, alpha: number): Matrix {
  return scale(matmulTranspose(U, U), alpha);
}
