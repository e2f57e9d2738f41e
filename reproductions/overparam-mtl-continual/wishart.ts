/**
 * Exact samplers for the Gram matrix of iid N(0, 1) columns, used for the coordinates of x
 * orthogonal to the tasks' span: Σ_c z_c z_cᵀ over k columns is Wishart_N(I, k). Either the k
 * columns are drawn (`direct`, O(N²k)) or the sum is drawn at once by the Bartlett
 * decomposition (`bartlett`, O(N³), independent of k): W = AAᵀ with A lower triangular,
 * A_ii = √χ²(k − i), A_ij ~ N(0, 1) below the diagonal (i = 0..N−1; needs k ≥ N).
 */
import type { Rng } from '#harness/random';
import { accumulateGram } from './gram.js';

export type GramSampler = 'direct' | 'bartlett';

/** Gamma(shape, 1) by Marsaglia and Tsang (2000); shapes below 1 by the boost Gamma(a + 1)·U^{1/a}. */
export function gamma(shape: number, rng: Rng): number {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new Error(`gamma: shape must be a positive finite number, got ${shape}`);
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return gamma(shape + 1, rng) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = rng.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = rng.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export function chiSquare(dof: number, rng: Rng): number {
  return 2 * gamma(dof / 2, rng);
}

/** G (N×N) += W with W ~ Wishart_N(I, dof) by the Bartlett decomposition (dof ≥ N). */
export function addBartlettWishart(G: Float64Array, N: number, dof: number, rng: Rng): void {
  if (!(dof >= N)) throw new Error(`addBartlettWishart: needs dof ≥ N (${N}) for a full-rank factor, got ${dof}`);
  const A = new Float64Array(N * N);
  for (let i = 0; i < N; i++) {
    A[i * N + i] = Math.sqrt(chiSquare(dof - i, rng));
    for (let j = 0; j < i; j++) A[i * N + j] = rng.normal();
  }
  for (let i = 0; i < N; i++) {
    for (let j = 0; j <= i; j++) {
      // A is lower triangular: (AAᵀ)_ij = Σ_{l ≤ j} A_il A_jl for j ≤ i.
      let s = 0;
      for (let l = 0; l <= j; l++) s += A[i * N + l] * A[j * N + l];
      G[i * N + j] += s;
      if (i !== j) G[j * N + i] += s;
    }
  }
}

/** Column blocks drawn at a time by the direct sampler (bounds the scratch memory). */
const BLOCK = 256;

/** G (N×N) += Z Zᵀ for Z an N×dof matrix of iid N(0, 1), drawn column by column. */
export function addDirectGram(G: Float64Array, N: number, dof: number, rng: Rng): void {
  const scratch = new Float64Array(N * Math.min(BLOCK, Math.max(dof, 1)));
  for (let done = 0; done < dof; done += BLOCK) {
    const c = Math.min(BLOCK, dof - done);
    for (let col = 0; col < c; col++) for (let i = 0; i < N; i++) scratch[i * c + col] = rng.normal();
    accumulateGram(G, N, scratch, c, 0, c);
  }
}

/** G += the Gram of dof fresh iid N(0, 1) columns; Bartlett only where it is exact (dof ≥ N) and cheaper. */
export function addComplementGram(G: Float64Array, N: number, dof: number, rng: Rng, sampler: GramSampler): void {
  if (dof <= 0) return;
  // Bartlett (~N³/6 multiply-adds) is exact only for dof ≥ N, where it is also cheaper than drawing (N²·dof/2).
  if (sampler === 'bartlett' && dof >= N) addBartlettWishart(G, N, dof, rng);
  else addDirectGram(G, N, dof, rng);
}
