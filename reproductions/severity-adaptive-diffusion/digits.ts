/**
 * The 8x8 digits (scikit-learn's, extracted by the `datasets` DVC stage), scaled to [−1, 1] and
 * split per seed into a training set and `testCount` held-out test images.
 */
import { loadDigits } from '#datasets/real';
import { createRng, deriveSeed } from '#harness/random';

export const SIDE = 8;
export const PIXELS = SIDE * SIDE;

/** Streams of the RNG per seed, so one purpose's draws never shift another's. */
export const STREAM = { split: 1, autoencoder: 2, severity: 3, diffusion: 4, test: 5, solver: 6, ordering: 7, signal: 8, signalOrdering: 9 } as const;

export interface DigitSplit { train: Float32Array[]; test: Float32Array[] }

/** Pixel values 0..16 to [−1, 1]. */
export function scalePixels(values: readonly number[]): Float32Array {
  return Float32Array.from(values, (v) => v / 8 - 1);
}

/** A seeded permutation of all images: the first `testCount` are the test set, the rest train. */
export function splitDigits(images: readonly number[][], testCount: number, seed: number): DigitSplit {
  if (testCount < 1 || testCount >= images.length) throw new Error(`splitDigits: testCount ${testCount} must be in [1, ${images.length - 1}]`);
  const rng = createRng(deriveSeed(seed, STREAM.split));
  const order = images.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const scaled = order.map((i) => scalePixels(images[i]));
  return { test: scaled.slice(0, testCount), train: scaled.slice(testCount) };
}

export function loadSplit(root: string, testCount: number, seed: number): DigitSplit {
  return splitDigits(loadDigits(root).images, testCount, seed);
}
