/**
 * The PU split of the 8x8 digits (D1): positive = even digit. A seeded held-out test set; every
 * other image is unlabelled (so U is a sample of the marginal, the case-control setting of nnPU),
 * and `labelledCount` of its positives are also given as the labelled set P.
 */
import { createRng, deriveSeed, type Rng } from '#harness/random';

export const PIXELS = 64;

export interface PuSplit {
  /** nU×64 row-major, pixels scaled to [0, 1]. */
  unlabelled: Float32Array;
  /** 1 for a positive (even digit), 0 otherwise; hidden from the methods, used to score them. */
  unlabelledY: Uint8Array;
  /** nP×64: labelled positives, drawn from the positives of U. */
  labelled: Float32Array;
  /** nP×64: the same number of rows drawn from all of U whatever their class (the no-positive-labels control). */
  randomLabelled: Float32Array;
  test: Float32Array;
  testY: Uint8Array;
  /** Fraction of positives in U: the class prior π that nnPU and the proxy are given. */
  prior: number;
}

export interface SplitOptions { testFraction: number; labelledCount: number }

export function isPositiveDigit(label: number): boolean {
  return label % 2 === 0;
}

export function makeSplit(images: readonly number[][], labels: readonly number[], seed: number, o: SplitOptions): PuSplit {
  const total = images.length;
  if (labels.length !== total) throw new Error(`makeSplit: ${total} images but ${labels.length} labels`);
  const nTest = Math.round(o.testFraction * total);
  const order = shuffled(total, createRng(deriveSeed(seed, 11)));
  const testIdx = order.slice(0, nTest);
  const trainIdx = order.slice(nTest);
  const positives = trainIdx.filter((i) => isPositiveDigit(labels[i]));
  if (positives.length < o.labelledCount) {
    throw new Error(`makeSplit: only ${positives.length} positives in the training part, fewer than labelled_positives = ${o.labelledCount}`);
  }
  const pick = (from: number[], stream: number) => shuffled(from.length, createRng(deriveSeed(seed, stream))).slice(0, o.labelledCount).map((k) => from[k]);
  const rows = (idx: readonly number[]) => {
    const out = new Float32Array(idx.length * PIXELS);
    idx.forEach((i, r) => images[i].forEach((v, j) => { out[r * PIXELS + j] = v / 16; }));
    return out;
  };
  const classes = (idx: readonly number[]) => Uint8Array.from(idx, (i) => (isPositiveDigit(labels[i]) ? 1 : 0));
  const unlabelledY = classes(trainIdx);
  return {
    unlabelled: rows(trainIdx),
    unlabelledY,
    labelled: rows(pick(positives, 12)),
    randomLabelled: rows(pick(trainIdx, 13)),
    test: rows(testIdx),
    testY: classes(testIdx),
    prior: unlabelledY.reduce((s, y) => s + y, 0) / unlabelledY.length,
  };
}

/** A uniformly random permutation of 0..n−1 (Fisher-Yates). */
export function shuffled(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
