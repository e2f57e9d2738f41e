/**
 * The two restoration tasks, as (degraded, clean) pairs of side × side images.
 * - deblur: Gaussian blur (σ_blur) then white noise; the blur is applied to a crop larger by 3σ on
 *   each side and cut back ("valid"), so no boundary rule leaks into the task.
 * - offset: the clean image is shifted to mean 0.5, then an unknown per-image offset
 *   b ~ U(−m, m) and white noise are added. Only the image-wide mean reveals b, so a restorer
 *   needs a receptive field as large as the image; a local window sees b mixed with content.
 */
import type { Rng } from '#harness/random';

export type Task = 'deblur' | 'offset';

export interface Degradation {
  task: Task;
  blurSigma: number;
  blurNoise: number;
  offsetMax: number;
  offsetNoise: number;
}

export const blurRadius = (sigma: number) => Math.ceil(3 * sigma);

/** Side of the clean source a task needs to produce a side × side pair. */
export function sourceSide(d: Degradation, side: number): number {
  return d.task === 'deblur' ? side + 2 * blurRadius(d.blurSigma) : side;
}

function gaussianTaps(sigma: number): Float64Array {
  const r = blurRadius(sigma);
  const taps = Float64Array.from({ length: 2 * r + 1 }, (_, i) => Math.exp(-((i - r) ** 2) / (2 * sigma * sigma)));
  const total = taps.reduce((a, b) => a + b, 0);
  return taps.map((t) => t / total);
}

/** Separable Gaussian blur, 'valid': a (side + 2r)² source gives a side² image. */
export function blurValid(source: Float64Array, sourceSide: number, sigma: number): Float64Array {
  const taps = gaussianTaps(sigma);
  const r = (taps.length - 1) / 2;
  const side = sourceSide - 2 * r;
  const rowsDone = new Float64Array(sourceSide * side);
  for (let y = 0; y < sourceSide; y++) {
    for (let x = 0; x < side; x++) {
      let s = 0;
      for (let k = 0; k < taps.length; k++) s += taps[k] * source[y * sourceSide + x + k];
      rowsDone[y * side + x] = s;
    }
  }
  const out = new Float64Array(side * side);
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      let s = 0;
      for (let k = 0; k < taps.length; k++) s += taps[k] * rowsDone[(y + k) * side + x];
      out[y * side + x] = s;
    }
  }
  return out;
}

/** The centre side × side crop of a larger square image. */
export function centreCrop(source: Float64Array, sourceSide: number, side: number): Float64Array {
  const m = (sourceSide - side) / 2;
  const out = new Float64Array(side * side);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) out[y * side + x] = source[(y + m) * sourceSide + x + m];
  return out;
}

export interface Pair { degraded: Float64Array; clean: Float64Array }

/** Degrade a clean source of side sourceSide(d, side). */
export function degrade(rng: Rng, d: Degradation, source: Float64Array, side: number): Pair {
  if (d.task === 'deblur') {
    const big = sourceSide(d, side);
    const degraded = blurValid(source, big, d.blurSigma).map((v) => v + d.blurNoise * rng.normal());
    return { degraded, clean: centreCrop(source, big, side) };
  }
  const mean = source.reduce((a, b) => a + b, 0) / source.length;
  const clean = source.map((v) => v - mean + 0.5);
  const offset = d.offsetMax * (2 * rng.next() - 1);
  return { degraded: clean.map((v) => v + offset + d.offsetNoise * rng.normal()), clean };
}

/** PSNR in dB with peak 1. */
export function psnr(estimate: ArrayLike<number>, clean: ArrayLike<number>): number {
  let mse = 0;
  for (let i = 0; i < clean.length; i++) mse += (estimate[i] - clean[i]) ** 2;
  return -10 * Math.log10(mse / clean.length);
}
