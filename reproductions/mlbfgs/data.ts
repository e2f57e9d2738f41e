/**
 * The 8x8 digits (1797 images, DVC-tracked, sha256-checked by loadDigits), pixels scaled from
 * 0..16 to [0, 1], split once into train and test by a seeded shuffle that does not depend on the
 * training seeds: every method and seed sees the same split.
 */
import { loadDigits } from '#datasets/real';
import { createRng } from '#harness/random';

export interface Split { X: Float64Array; y: Int32Array; n: number }
export interface DigitsSplit { train: Split; test: Split; features: number; classes: number }

export function splitDigits(images: readonly number[][], labels: readonly number[], testFraction: number, seed: number): DigitsSplit {
  if (!(testFraction > 0 && testFraction < 1)) throw new Error(`splitDigits: testFraction must be in (0, 1), got ${testFraction}`);
  if (images.length !== labels.length || images.length < 2) throw new Error(`splitDigits: ${images.length} images and ${labels.length} labels`);
  const features = images[0].length;
  const order = Array.from({ length: images.length }, (_, i) => i);
  const rng = createRng(seed);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nTest = Math.max(1, Math.round(testFraction * images.length));
  const pack = (idx: number[]): Split => {
    const X = new Float64Array(idx.length * features);
    idx.forEach((k, r) => images[k].forEach((v, c) => { X[r * features + c] = v / 16; }));
    return { X, y: Int32Array.from(idx, (k) => labels[k]), n: idx.length };
  };
  return { train: pack(order.slice(nTest)), test: pack(order.slice(0, nTest)), features, classes: Math.max(...labels) + 1 };
}

export function loadDigitsSplit(root: string, testFraction: number, seed: number): DigitsSplit {
  const { images, labels } = loadDigits(root);
  return splitDigits(images, labels, testFraction, seed);
}
