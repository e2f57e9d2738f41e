/**
 * The degradation: Gaussian blur of severity t ∈ [0, 1] (std(t) = stdMin + stdSpan·t pixels,
 * reflect padding) followed by white noise. The blur is separable, so B(t) = K ⊗ K for the 8x8
 * one-dimensional blur K; `blurMatrix` builds the full 64x64 operator the solver applies, and
 * `blurImage` applies it row then column (the same numbers, in float64).
 */
import type { Rng } from '#harness/random';
import { SIDE } from './digits.js';

export interface BlurSpec { stdMin: number; stdSpan: number; noise: number }

export const blurStd = (spec: BlurSpec, t: number): number => spec.stdMin + spec.stdSpan * t;

/** Mirror an index into [0, n): … 2 1 | 0 1 2 … n−1 | n−2 … (no edge repeat, as numpy's 'reflect'). */
export function reflectIndex(i: number, n: number): number {
  const period = 2 * (n - 1);
  let j = ((i % period) + period) % period;
  if (j >= n) j = period - j;
  return j;
}

/** Normalised Gaussian taps of radius ceil(3σ). */
export function gaussianTaps(sigma: number): Float64Array {
  if (!(sigma > 0)) throw new Error(`gaussianTaps: sigma must be > 0, got ${sigma}`);
  const r = Math.ceil(3 * sigma);
  const taps = Float64Array.from({ length: 2 * r + 1 }, (_, k) => Math.exp(-((k - r) ** 2) / (2 * sigma * sigma)));
  const total = taps.reduce((a, b) => a + b, 0);
  return taps.map((v) => v / total);
}

/** The n x n one-dimensional blur with reflect padding, row-major: out[i] = Σ_j K[i][j] in[j]. */
export function blurMatrix1d(sigma: number, n = SIDE): Float64Array {
  const taps = gaussianTaps(sigma);
  const r = (taps.length - 1) / 2;
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = -r; k <= r; k++) K[i * n + reflectIndex(i + k, n)] += taps[k + r];
  return K;
}

/** B = K ⊗ K, the (n²) x (n²) blur of a row-major n x n image. */
export function blurMatrix(sigma: number, n = SIDE): Float64Array {
  const K = blurMatrix1d(sigma, n);
  const N = n * n;
  const B = new Float64Array(N * N);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) {
    B[(i * n + j) * N + k * n + l] = K[i * n + k] * K[j * n + l];
  }
  return B;
}

/** K x Kᵀ for a row-major n x n image x: blur along columns then rows. */
export function blurImage(x: ArrayLike<number>, sigma: number, n = SIDE): Float64Array {
  const K = blurMatrix1d(sigma, n);
  const tmp = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let l = 0; l < n; l++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += K[i * n + k] * x[k * n + l];
    tmp[i * n + l] = s;
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let l = 0; l < n; l++) s += tmp[i * n + l] * K[j * n + l];
    out[i * n + j] = s;
  }
  return out;
}

/** y = B(t) x + noise·N(0, I). */
export function degrade(x: ArrayLike<number>, t: number, spec: BlurSpec, rng: Rng): Float32Array {
  const blurred = blurImage(x, blurStd(spec, t));
  return Float32Array.from(blurred, (v) => v + spec.noise * rng.normal());
}
