/**
 * Trains the severity encoder on (clean, degraded) pairs drawn afresh each step (t ~ U[0, 1]),
 * with the paper's loss, per image:
 *   (1/d)||ẑ − z₀||² + λ_σ (σ̂² − Var(ẑ − z₀))² + λ_img (1/d_img)||D(ẑ) − x||²,
 * where Var is the sample variance over the d latent entries of the error (as the original code),
 * z₀ the autoencoder's latent of the clean image and D its frozen decoder. Like the original, it
 * starts from the autoencoder's encoder (the ẑ outputs of the last layer are the encoder's,
 * rescaled to standardised latents); the log σ̂² output starts random.
 */
import type { tf as TF } from '#harness/tf';
import { createRng, deriveSeed } from '#harness/random';
import { degrade } from '../blur.js';
import { PIXELS, STREAM } from '../digits.js';
import { FlatAdam } from '#harness';
import { LossLog, logEvery, stackImages, type Trained, type TrainOptions } from './autoencoder.js';
import { cosineRate, denseInit, disposeAll, fromTensors, toTensors, toVariables, type Tf, type Weights } from './mlp.js';
import { decode, encode, severity } from './networks.js';
import type { SeverityEncoderSpec } from './specs.js';

/** The severity encoder's initial weights: the autoencoder's encoder plus a random log-variance column. */
export function severityInit(spec: SeverityEncoderSpec, ae: Weights, seed: number): Weights {
  const { hidden, latentDim: d } = spec.autoencoder;
  const head = denseInit(createRng(deriveSeed(seed, STREAM.severity)), 'logvar', hidden, 1)['logvar.w'].data;
  const w = new Float32Array(hidden * (d + 1));
  const b = new Float32Array(d + 1);
  const [mean, std] = [ae['latent.mean'].data, ae['latent.std'].data];
  for (let i = 0; i < hidden; i++) {
    for (let j = 0; j < d; j++) w[i * (d + 1) + j] = ae['enc2.w'].data[i * d + j] / std[j];
    w[i * (d + 1) + d] = head[i];
  }
  for (let j = 0; j < d; j++) b[j] = (ae['enc2.b'].data[j] - mean[j]) / std[j];
  return {
    'sev1.w': { shape: [PIXELS, hidden], data: Float32Array.from(ae['enc1.w'].data) },
    'sev1.b': { shape: [hidden], data: Float32Array.from(ae['enc1.b'].data) },
    'sev2.w': { shape: [hidden, d + 1], data: w },
    'sev2.b': { shape: [d + 1], data: b },
  };
}

/** The per-image loss terms, averaged over the batch. */
export function severityLoss(tf: Tf, sev: Record<string, TF.Tensor>, ae: Record<string, TF.Tensor>, y: TF.Tensor, x: TF.Tensor, z0: TF.Tensor, spec: SeverityEncoderSpec): TF.Scalar {
  const d = spec.autoencoder.latentDim;
  const { zHat, logVar } = severity(tf, sev, y, d);
  const e = tf.sub(zHat, z0);
  let perImage = tf.div(tf.sum(tf.square(e), 1), d);
  if (spec.lambdaSigma > 0) {
    const errorVar = tf.div(tf.sum(tf.square(tf.sub(e, tf.mean(e, 1, true))), 1), d - 1);
    perImage = tf.add(perImage, tf.mul(spec.lambdaSigma, tf.square(tf.sub(tf.exp(logVar), errorVar))));
  }
  if (spec.lambdaImage > 0) perImage = tf.add(perImage, tf.mul(spec.lambdaImage, tf.mean(tf.square(tf.sub(decode(tf, ae, zHat), x)), 1)));
  return tf.mean(perImage) as TF.Scalar;
}

export function trainSeverityEncoder(tf: Tf, spec: SeverityEncoderSpec, ae: Weights, train: readonly Float32Array[], options: TrainOptions = {}): Trained {
  const seed = spec.autoencoder.seed;
  const rng = createRng(deriveSeed(seed, STREAM.severity) + 1);
  const aeT = toTensors(tf, ae);
  const vars = toVariables(tf, severityInit(spec, ae, seed));
  const data = tf.tensor2d(stackImages(train), [train.length, PIXELS]);
  const latents = tf.tidy(() => encode(tf, aeT, data));
  const adam = new FlatAdam(tf, Object.values(vars));
  const log = new LossLog(logEvery(spec.steps));
  const degraded = new Float32Array(spec.batch * PIXELS);
  for (let step = 0; step < spec.steps; step++) {
    const index = Int32Array.from({ length: spec.batch }, () => rng.int(train.length));
    index.forEach((k, i) => degraded.set(degrade(train[k], rng.next(), spec.blur, rng), i * PIXELS));
    const idx = tf.tensor1d(index, 'int32');
    const y = tf.tensor2d(degraded, [spec.batch, PIXELS]);
    const x = tf.gather(data, idx);
    const z0 = tf.gather(latents, idx);
    log.add(adam.minimize(() => severityLoss(tf, vars, aeT, y, x, z0, spec), cosineRate(spec.lr, step, spec.steps)));
    disposeAll({ idx, y, x, z0 });
    options.onStep?.(step);
  }
  const weights = fromTensors(vars);
  disposeAll(vars);
  disposeAll(aeT);
  disposeAll({ data, latents });
  adam.dispose();
  return { weights, history: log.history };
}
