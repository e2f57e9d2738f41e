/**
 * How much of the learned first layer lies in the ground-truth subspace span(M), in float64:
 *   energy E = ||WM||²_F / ||W||²_F (r/d in expectation for an isotropic W, 1 when every neuron
 *   lies in span(M)), and the spread of WM's singular values σ_min/σ_max (near 0 when the
 *   neurons see only one of the r directions, as after a single task).
 */
import { symmetricEigenvalues, type Matrix } from '#harness/linalg';

/** WM (m×r) for W m×d row-major (float32) and M d×r. */
export function project(W: Float32Array, M: Matrix): Matrix {
  const { rows: d, cols: r } = M;
  const m = W.length / d;
  if (!Number.isInteger(m)) throw new Error(`project: W has ${W.length} entries, not a multiple of d = ${d}`);
  const out = new Float64Array(m * r);
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < d; i++) {
      const w = W[j * d + i];
      if (w === 0) continue;
      for (let k = 0; k < r; k++) out[j * r + k] += w * M.data[i * r + k];
    }
  }
  return { rows: m, cols: r, data: out };
}

export function subspaceEnergy(W: Float32Array, M: Matrix): number {
  let total = 0;
  for (let i = 0; i < W.length; i++) total += W[i] * W[i];
  const P = project(W, M).data;
  let inside = 0;
  for (let i = 0; i < P.length; i++) inside += P[i] * P[i];
  return inside / total;
}

/** σ_min/σ_max of WM, from the eigenvalues of the r×r Gram (WM)ᵀ(WM). */
export function singularValueRatio(W: Float32Array, M: Matrix): number {
  const P = project(W, M);
  const { rows: m, cols: r } = P;
  const G = new Float64Array(r * r);
  for (let a = 0; a < r; a++) {
    for (let b = a; b < r; b++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += P.data[j * r + a] * P.data[j * r + b];
      G[a * r + b] = G[b * r + a] = s;
    }
  }
  const values = symmetricEigenvalues({ rows: r, cols: r, data: G });
  const max = Math.max(...values);
  const min = Math.max(0, Math.min(...values));
  return max > 0 ? Math.sqrt(min / max) : Number.NaN;
}
