/**
 * Trains the autoencoder (64 → h → d → h → 64, MSE, Adam) on the seed's training images, then
 * stores the per-dimension mean and standard deviation of its latents so that `encode` returns
 * standardised latents.
 */
import { createRng, deriveSeed } from '#harness/random';
import { PIXELS, STREAM } from '../digits.js';
import { FlatAdam } from '#harness';
import { cosineRate, denseInit, disposeAll, fromTensors, toVariables, type Tf, type Weights } from './mlp.js';
import { decodeRaw, encodeRaw } from './networks.js';
import type { AutoencoderSpec } from './specs.js';

export interface Trained { weights: Weights; history: number[] }

export interface TrainOptions { onStep?: (step: number) => void }

/** Loss averaged over windows of steps/50, for the report's training curves. */
export class LossLog {
  readonly history: number[] = [];
  #sum = 0;
  #count = 0;
  constructor(private readonly every: number) {}
  add(loss: number): void {
    this.#sum += loss;
    if (++this.#count === this.every) {
      this.history.push(this.#sum / this.#count);
      this.#sum = 0;
      this.#count = 0;
    }
  }
}

export const logEvery = (steps: number) => Math.max(1, Math.floor(steps / 50));

export function stackImages(images: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(images.length * PIXELS);
  images.forEach((im, i) => out.set(im, i * PIXELS));
  return out;
}

export function trainAutoencoder(tf: Tf, spec: AutoencoderSpec, train: readonly Float32Array[], options: TrainOptions = {}): Trained {
  const rng = createRng(deriveSeed(spec.seed, STREAM.autoencoder));
  const init: Weights = {
    ...denseInit(rng, 'enc1', PIXELS, spec.hidden),
    ...denseInit(rng, 'enc2', spec.hidden, spec.latentDim),
    ...denseInit(rng, 'dec1', spec.latentDim, spec.hidden),
    ...denseInit(rng, 'dec2', spec.hidden, PIXELS),
  };
  const vars = toVariables(tf, init);
  const data = tf.tensor2d(stackImages(train), [train.length, PIXELS]);
  const adam = new FlatAdam(tf, Object.values(vars));
  const log = new LossLog(logEvery(spec.steps));
  for (let step = 0; step < spec.steps; step++) {
    const idx = tf.tensor1d(Int32Array.from({ length: spec.batch }, () => rng.int(train.length)), 'int32');
    const x = tf.gather(data, idx);
    log.add(adam.minimize(() => tf.mean(tf.square(tf.sub(decodeRaw(tf, vars, encodeRaw(tf, vars, x)), x))) as ReturnType<Tf['scalar']>, cosineRate(spec.lr, step, spec.steps)));
    idx.dispose();
    x.dispose();
    options.onStep?.(step);
  }
  const stats = tf.tidy(() => {
    const { mean, variance } = tf.moments(encodeRaw(tf, vars, data), 0);
    return { 'latent.mean': mean, 'latent.std': tf.sqrt(tf.add(variance, 1e-8)) };
  });
  const weights = { ...fromTensors(vars), ...fromTensors(stats) };
  disposeAll(stats);
  disposeAll(vars);
  data.dispose();
  adam.dispose();
  return { weights, history: log.history };
}
