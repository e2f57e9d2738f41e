/**
 * The method, as a PROXY of the paper's idea (its exact loss and VQ variant were not found):
 * an encoder f (MLP d → hidden → embed) and a two-codeword codebook {c_P, c_N}, trained on
 *
 *   L = mean_P VQ(f(x), c_P) + mean_U VQ(f(x), c_a(x)) + relu(margin − ||c_P − c_N||)
 *       + (mean_U softassign_P(f(x)) − π)²,
 *
 * where VQ(z, c) = ||sg(z) − c||² + β||z − sg(c)||² is the codebook + commitment loss of
 * VQ-VAE (β = commitment), c_a(x) the codeword f(x) is quantised to (hard assignment: the nearest
 * one, or the prior-balanced choice of `assignment`, see VqPuConfig) and softassign_P = sigmoid((||f − c_N||² − ||f − c_P||²)/τ). A point is predicted positive when
 * its embedding is nearer c_P. With no decoder, the straight-through copy z_q = z + sg(c − z)
 * would feed nothing, so the quantisation acts through the two VQ terms alone.
 * The no-VQ ablation drops the unlabelled VQ term (`quantiseUnlabelled: false`): the same
 * encoder, codebook, positive anchor and prior term, and its embeddings are clustered by 2-means.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '#harness/random';
import { applyMlp, createMlp, disposeMlp, mlpVariables, variableFrom, type BatchedMlp, type T3, type Tf } from './batched-mlp.js';
import { makeLessMask, makeStopGradient, makeTopKMask } from './no-grad.js';
import { sampleRows, stack } from './batches.js';

export interface VqPuConfig {
  steps: number;
  batch: number;
  lr: number;
  hidden: number;
  embed: number;
  commitment: number;
  margin: number;
  temperature: number;
  /** false: the no-VQ ablation (no quantisation term on the unlabelled data). */
  quantiseUnlabelled: boolean;
  /**
   * Which codeword an unlabelled embedding is quantised to: `nearest` (plain VQ), or `prior`
   * (in each batch the round(π·B) embeddings relatively nearest c_P go to c_P, the rest to c_N:
   * VQ with the known class prior as a balance constraint, which cannot collapse onto one codeword).
   */
  assignment: 'nearest' | 'prior';
}

/** One seed's training data: rows of d features. */
export interface PuTrainData { labelled: Float32Array; unlabelled: Float32Array; prior: number }

export interface VqPuModel { mlp: BatchedMlp; codebook: TfCore.Variable<TfCore.Rank.R3> }

/** Per seed: the embeddings of the rows given to `embed`, and the 2×embed codebook (row 0 = c_P). */
export interface Embedded { embeddings: Float32Array[]; codebooks: Float32Array[] }

export function createVqPu(tf: Tf, seeds: readonly number[], input: number, cfg: Pick<VqPuConfig, 'hidden' | 'embed'>): VqPuModel {
  const mlp = createMlp(tf, seeds, { input, hidden: cfg.hidden, output: cfg.embed }, 21);
  // Codewords start as N(0, I) draws, as in VQ-VAE's random codebook.
  const c = new Float32Array(seeds.length * 2 * cfg.embed);
  seeds.forEach((seed, s) => {
    const rng = createRng(deriveSeed(seed, 22));
    for (let i = 0; i < 2 * cfg.embed; i++) c[s * 2 * cfg.embed + i] = rng.normal();
  });
  return { mlp, codebook: variableFrom(tf, tf.tensor3d(c, [seeds.length, 2, cfg.embed])) };
}

export function disposeVqPu(model: VqPuModel): void {
  disposeMlp(model.mlp);
  model.codebook.dispose();
}

/** The proxy loss summed over seeds (each seed's term depends only on its own slice). XP, XU: [S, B, d]; prior: [S]. */
export function vqPuLoss(tf: Tf, model: VqPuModel, XP: T3, XU: T3, prior: TfCore.Tensor1D, cfg: VqPuConfig): TfCore.Scalar {
  return tf.tidy(() => {
    const sg = makeStopGradient(tf);
    const [S] = XP.shape;
    const e = cfg.embed;
    const cP = tf.slice(model.codebook, [0, 0, 0], [S, 1, e]);
    const cN = tf.slice(model.codebook, [0, 1, 0], [S, 1, e]);
    const vq = (z: T3, c: T3) => tf.add(
      tf.sum(tf.square(tf.sub(sg(z), c)), 2),
      tf.mul(cfg.commitment, tf.sum(tf.square(tf.sub(z, sg(c))), 2)),
    );
    const fP = applyMlp(tf, model.mlp, XP);
    const fU = applyMlp(tf, model.mlp, XU);
    let perSeed = tf.mean(vq(fP, cP as T3), 1);
    const dP = tf.sum(tf.square(tf.sub(fU, cP)), 2) as TfCore.Tensor2D;
    const dN = tf.sum(tf.square(tf.sub(fU, cN)), 2) as TfCore.Tensor2D;
    if (cfg.quantiseUnlabelled) {
      const toP = tf.expandDims(quantiseToPositive(tf, dP, dN, prior, cfg.assignment), 2);
      const code = tf.add(tf.mul(toP, cP), tf.mul(tf.sub(1, toP), cN)) as T3;
      perSeed = tf.add(perSeed, tf.mean(vq(fU, code), 1));
    }
    const gap = tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(cP, cN)), [1, 2]), 1e-12));
    perSeed = tf.add(perSeed, tf.relu(tf.sub(cfg.margin, gap)));
    const softP = tf.sigmoid(tf.div(tf.sub(dN, dP), cfg.temperature));
    perSeed = tf.add(perSeed, tf.square(tf.sub(tf.mean(softP, 1), prior)));
    return tf.sum(perSeed) as TfCore.Scalar;
  });
}

/** [S, B]: 1 where an unlabelled embedding is quantised to c_P, else 0 (no gradient). */
export function quantiseToPositive(tf: Tf, dP: TfCore.Tensor2D, dN: TfCore.Tensor2D, prior: TfCore.Tensor1D, assignment: VqPuConfig['assignment']): TfCore.Tensor2D {
  return tf.tidy(() => {
    if (assignment === 'nearest') return makeLessMask(tf)(dP, dN);
    const k = tf.round(tf.mul(tf.expandDims(prior, 1), dP.shape[1])) as TfCore.Tensor2D;
    return makeTopKMask(tf)(tf.sub(dN, dP) as TfCore.Tensor2D, k);
  });
}

/** Adam on every seed's encoder and codebook at once; `onLoss` sees the mean per-seed loss every `lossEvery` steps. */
export function trainVqPu(tf: Tf, model: VqPuModel, data: readonly PuTrainData[], seeds: readonly number[], d: number, cfg: VqPuConfig, onLoss?: (step: number, loss: number) => void, lossEvery = 50): void {
  const S = seeds.length;
  const rngs = seeds.map((seed) => createRng(deriveSeed(seed, 23)));
  const prior = tf.tensor1d(data.map((x) => x.prior));
  const optimizer = tf.train.adam(cfg.lr);
  const variables = [...mlpVariables(model.mlp), model.codebook];
  for (let step = 0; step < cfg.steps; step++) {
    const XP = tf.tensor3d(sampleRows(data.map((x) => x.labelled), d, cfg.batch, rngs), [S, cfg.batch, d]);
    const XU = tf.tensor3d(sampleRows(data.map((x) => x.unlabelled), d, cfg.batch, rngs), [S, cfg.batch, d]);
    const wantLoss = onLoss !== undefined && (step % lossEvery === 0 || step === cfg.steps - 1);
    const cost = optimizer.minimize(() => vqPuLoss(tf, model, XP, XU, prior, cfg), wantLoss, variables);
    if (cost) {
      onLoss?.(step, cost.dataSync()[0] / S);
      cost.dispose();
    }
    tf.dispose([XP, XU]);
  }
  optimizer.dispose();
  prior.dispose();
}

/** Embeddings of equal-size per-seed matrices (rows of d), read back per seed, plus the codebooks. */
export function embed(tf: Tf, model: VqPuModel, rows: readonly Float32Array[], d: number): Embedded {
  const S = rows.length;
  const n = rows[0].length / d;
  const X = tf.tensor3d(stack(rows), [S, n, d]);
  const Z = applyMlp(tf, model.mlp, X);
  const z = Z.dataSync() as Float32Array;
  const c = model.codebook.dataSync() as Float32Array;
  const e = Z.shape[2];
  tf.dispose([X, Z]);
  return {
    embeddings: rows.map((_, s) => z.slice(s * n * e, (s + 1) * n * e)),
    codebooks: rows.map((_, s) => c.slice(s * 2 * e, (s + 1) * 2 * e)),
  };
}
