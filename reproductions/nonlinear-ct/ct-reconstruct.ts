/**
 * The two reconstructions compared on the metal phantom, both projected gradient descent onto
 * x ≥ 0 from x₀ = 0 with the step 1/L of their own loss's Lipschitz bound:
 *  - post-log: p = −log(max(c, 1)/I₀), then min ½||Ax − p||² (L = λmax(AᵀA));
 *  - nonlinear: min ½||exp(−Ax) − c/I₀||² on the raw counts (L = 2λmax(AᵀA), since Ax ≥ 0 and
 *    |d/dz[(e^{−z} − y)e^{−z}]| ≤ 2 for z ≥ 0, y ∈ [0, ~1]).
 */
import { csrMultiply, csrTransposeMultiply, type CsrMatrix } from '#datasets/ct';

export interface ReconstructionOptions {
  iterations: number;
  /** λmax(AᵀA) (from power iteration, with a safety margin applied by the caller). */
  lipschitz: number;
  /** Called every `recordEvery` iterations with the current image (for convergence curves). */
  recordEvery?: number;
  onRecord?: (iteration: number, x: Float64Array) => void;
}

/** The post-log sinogram: zero counts are clamped to one photon, as a scanner must. */
export function postLogSinogram(counts: ArrayLike<number>, photons: number): Float64Array {
  return Float64Array.from(counts, (c) => -Math.log(Math.max(c, 1) / photons));
}

function descend(A: CsrMatrix, o: ReconstructionOptions, step: number, residualWeights: (z: Float64Array, w: Float64Array) => void): Float64Array {
  const x = new Float64Array(A.cols);
  const z = new Float64Array(A.rows);
  const w = new Float64Array(A.rows);
  const g = new Float64Array(A.cols);
  for (let t = 1; t <= o.iterations; t++) {
    csrMultiply(A, x, z);
    residualWeights(z, w);
    csrTransposeMultiply(A, w, g);
    for (let j = 0; j < x.length; j++) x[j] = Math.max(0, x[j] - step * g[j]);
    if (o.recordEvery && t % o.recordEvery === 0) o.onRecord?.(t, x);
  }
  return x;
}

/** Least squares on the post-log data: ∇ = Aᵀ(Ax − p). */
export function postLogReconstruction(A: CsrMatrix, counts: ArrayLike<number>, photons: number, o: ReconstructionOptions): Float64Array {
  const p = postLogSinogram(counts, photons);
  return descend(A, o, 1 / o.lipschitz, (z, w) => {
    for (let i = 0; i < z.length; i++) w[i] = z[i] - p[i];
  });
}

/** Least squares on the raw counts through Beer-Lambert: ∇ = −Aᵀ((f − y) ⊙ f), f = e^{−Ax}. */
export function nonlinearReconstruction(A: CsrMatrix, counts: ArrayLike<number>, photons: number, o: ReconstructionOptions): Float64Array {
  const y = Float64Array.from(counts, (c) => c / photons);
  return descend(A, o, 1 / (2 * o.lipschitz), (z, w) => {
    for (let i = 0; i < z.length; i++) {
      const f = Math.exp(-z[i]);
      w[i] = -(f - y[i]) * f;
    }
  });
}

/** Root-mean-square error over the pixels of a mask. */
export function maskedRmse(x: ArrayLike<number>, truth: ArrayLike<number>, mask: Uint8Array): number {
  let s = 0;
  let k = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    s += (x[i] - truth[i]) ** 2;
    k++;
  }
  return k ? Math.sqrt(s / k) : Number.NaN;
}
