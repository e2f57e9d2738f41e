/**
 * Where clean images come from: seeded procedural images, mixed (when `real_images` is on) with
 * random crops of the real sample images of `dvc repro datasets` (datasets/real.ts). Every third
 * sample image by name is held out for testing, the rest are for training.
 */
import { createRng, deriveSeed, type Rng } from '#harness/random';
import { loadSampleImages, type SampleImage } from '#datasets/real';
import { degrade, sourceSide, type Degradation, type Pair } from './degrade.js';
import { proceduralImage, randomCrop } from './images.js';

export type CleanSampler = (rng: Rng, side: number) => Float64Array;

export interface CleanSources { train: CleanSampler; test: CleanSampler; realTrain: string[]; realTest: string[] }

function mixed(real: readonly SampleImage[], share: number): CleanSampler {
  return (rng, side) => {
    if (real.length > 0 && rng.next() < share) {
      const im = real[rng.int(real.length)];
      return randomCrop(rng, im.pixels, im.width, im.height, side);
    }
    return proceduralImage(rng, side);
  };
}

export function cleanSources(options: { realImages: boolean; realShare: number; root: string }): CleanSources {
  const real = options.realImages ? loadSampleImages(options.root) : [];
  const test = real.filter((_, i) => i % 3 === 2);
  const train = real.filter((_, i) => i % 3 !== 2);
  return {
    train: mixed(train, options.realShare),
    test: mixed(test, options.realShare),
    realTrain: train.map((im) => im.name),
    realTest: test.map((im) => im.name),
  };
}

/** Streams of the RNG per seed, so a seed's data never depends on which other seeds run beside it. */
export const STREAM = { train: 1, test: 2, init: 3, probe: 4 } as const;

/** `count` degraded/clean pairs of side × side from a clean sampler. */
export function samplePairs(rng: Rng, d: Degradation, sampler: CleanSampler, count: number, side: number): Pair[] {
  return Array.from({ length: count }, () => degrade(rng, d, sampler(rng, sourceSide(d, side)), side));
}

/** One training batch per seed, stacked model-major: [S, B, side, side] as Float32Arrays. */
export class BatchStream {
  readonly #rngs: Rng[];

  constructor(seeds: readonly number[], private readonly d: Degradation, private readonly sampler: CleanSampler, private readonly side: number) {
    this.#rngs = seeds.map((seed) => createRng(deriveSeed(seed, STREAM.train)));
  }

  next(batch: number): { degraded: Float32Array; clean: Float32Array } {
    const n = this.side * this.side;
    const degraded = new Float32Array(this.#rngs.length * batch * n);
    const clean = new Float32Array(this.#rngs.length * batch * n);
    this.#rngs.forEach((rng, s) => {
      samplePairs(rng, this.d, this.sampler, batch, this.side).forEach((p, b) => {
        degraded.set(p.degraded, (s * batch + b) * n);
        clean.set(p.clean, (s * batch + b) * n);
      });
    });
    return { degraded, clean };
  }
}
