/**
 * Trains the latent DDPM's ε-network on the standardised latents of the training images:
 * z_t = √ᾱ_t z₀ + √(1 − ᾱ_t) ε with t uniform on 1..T, loss ||ε̂(z_t, t) − ε||² (Ho et al.).
 */
import { createRng, deriveSeed } from '#harness/random';
import { PIXELS, STREAM } from '../digits.js';
import { alphaBars } from '../schedule.js';
import { FlatAdam } from '#harness';
import { LossLog, logEvery, stackImages, type Trained, type TrainOptions } from './autoencoder.js';
import { cosineRate, denseInit, disposeAll, fromTensors, toTensors, toVariables, type Tf, type Weights } from './mlp.js';
import { encode, epsilon, timeEmbedding } from './networks.js';
import type { DiffusionSpec } from './specs.js';

export function trainDiffusion(tf: Tf, spec: DiffusionSpec, ae: Weights, train: readonly Float32Array[], options: TrainOptions = {}): Trained {
  const d = spec.autoencoder.latentDim;
  const rng = createRng(deriveSeed(spec.autoencoder.seed, STREAM.diffusion));
  const ab = alphaBars(spec.schedule);
  const vars = toVariables(tf, {
    ...denseInit(rng, 'eps1', d + spec.embedDim, spec.hidden),
    ...denseInit(rng, 'eps2', spec.hidden, spec.hidden),
    ...denseInit(rng, 'eps3', spec.hidden, d),
  });
  const aeT = toTensors(tf, ae);
  const latents = tf.tidy(() => encode(tf, aeT, tf.tensor2d(stackImages(train), [train.length, PIXELS])));
  disposeAll(aeT);
  const adam = new FlatAdam(tf, Object.values(vars));
  const log = new LossLog(logEvery(spec.steps));
  const B = spec.batch;
  for (let step = 0; step < spec.steps; step++) {
    const ts = Int32Array.from({ length: B }, () => 1 + rng.int(spec.schedule.T));
    const noise = Float32Array.from({ length: B * d }, () => rng.normal());
    const idx = tf.tensor1d(Int32Array.from({ length: B }, () => rng.int(train.length)), 'int32');
    const signal = tf.tensor2d(Float32Array.from(ts, (t) => Math.sqrt(ab[t])), [B, 1]);
    const spread = tf.tensor2d(Float32Array.from(ts, (t) => Math.sqrt(1 - ab[t])), [B, 1]);
    const eps = tf.tensor2d(noise, [B, d]);
    const emb = tf.tensor2d(timeEmbedding(ts, spec.embedDim), [B, spec.embedDim]);
    const z0 = tf.gather(latents, idx);
    const zt = tf.tidy(() => tf.add(tf.mul(z0, signal), tf.mul(eps, spread)));
    log.add(adam.minimize(() => tf.mean(tf.square(tf.sub(epsilon(tf, vars, zt, emb), eps))) as ReturnType<Tf['scalar']>, cosineRate(spec.lr, step, spec.steps)));
    disposeAll({ idx, signal, spread, eps, emb, z0, zt });
    options.onStep?.(step);
  }
  const weights = fromTensors(vars);
  disposeAll(vars);
  latents.dispose();
  adam.dispose();
  return { weights, history: log.history };
}
