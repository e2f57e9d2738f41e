/** What is read off a trained linear W: its shrinkage on the subspace and its leakage off it. */
import type { Matrix } from '../../harness/src/linalg/index.js';

/** α̂ = tr(UᵀWU)/d: the average gain of W inside the signal subspace (α for W = αUUᵀ). */
export function shrinkageOf(W: Matrix, U: Matrix): number {
  const { rows: n, cols: d } = U;
  let trace = 0;
  for (let j = 0; j < d; j++) {
    for (let i = 0; i < n; i++) {
      let wu = 0;
      for (let k = 0; k < n; k++) wu += W.data[i * n + k] * U.data[k * d + j];
      trace += U.data[i * d + j] * wu;
    }
  }
  return trace / d;
}

/** ||W(I − UUᵀ)||_F / ||W||_F: the share of W acting on directions that carry only noise (0 for αUUᵀ). */
export function leakageOf(W: Matrix, U: Matrix): number {
  const { rows: n, cols: d } = U;
  // W(I − UUᵀ) = W − (WU)Uᵀ
  const WU = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += W.data[i * n + k] * U.data[k * d + j];
      WU[i * d + j] = s;
    }
  }
  let off = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      let p = 0;
      for (let j = 0; j < d; j++) p += WU[i * d + j] * U.data[k * d + j];
      const w = W.data[i * n + k];
      off += (w - p) ** 2;
      total += w * w;
    }
  }
  return total > 0 ? Math.sqrt(off / total) : Number.NaN;
}

/** The estimator αUUᵀ as a dense matrix. */
export function shrinkageMatrix(U: Matrix, alpha: number): Matrix {
  const { rows: n, cols: d } = U;
  const W = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += U.data[i * d + j] * U.data[k * d + j];
      W[i * n + k] = alpha * s;
    }
  }
  return { rows: n, cols: n, data: W };
}
