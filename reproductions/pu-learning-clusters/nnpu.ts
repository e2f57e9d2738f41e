/**
 * nnPU (Kiryo et al. 2017), the baseline: the same MLP with one output g(x), the sigmoid loss
 * ℓ(z, t) = sigmoid(−t·z) and the known class prior π. With R_P^± = mean_P ℓ(g, ±1) and
 * R_U^− = mean_U ℓ(g, −1), the negative-class risk estimate is r = R_U^− − π R_P^−; the step
 * minimises π R_P^+ + r when r ≥ −β, and otherwise steps on −γ·r (the non-negative correction;
 * β = 0, γ = 1 as in the paper's default). Predict positive when g(x) > 0.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '#harness/random';
import { applyMlp, createMlp, mlpVariables, type BatchedMlp, type T3, type Tf } from './batched-mlp.js';
import { sampleRows, stack } from './batches.js';
import { makeLessMask } from './no-grad.js';
import type { PuTrainData } from './vq-pu.js';

export interface NnPuConfig { steps: number; batch: number; lr: number; hidden: number }

export const NNPU_BETA = 0;
export const NNPU_GAMMA = 1;

export function createNnPu(tf: Tf, seeds: readonly number[], input: number, hidden: number): BatchedMlp {
  return createMlp(tf, seeds, { input, hidden, output: 1 }, 31);
}

/** Per seed [S]: π R_P^+ and r = R_U^− − π R_P^− on a batch. */
export function nnPuRisks(tf: Tf, mlp: BatchedMlp, XP: T3, XU: T3, prior: TfCore.Tensor1D): { positiveRisk: TfCore.Tensor1D; negativeRisk: TfCore.Tensor1D } {
  return tf.tidy(() => {
    const gP = tf.squeeze(applyMlp(tf, mlp, XP), [2]);
    const gU = tf.squeeze(applyMlp(tf, mlp, XU), [2]);
    const positiveRisk = tf.mul(prior, tf.mean(tf.sigmoid(tf.neg(gP)), 1)) as TfCore.Tensor1D;
    const negativeRisk = tf.sub(tf.mean(tf.sigmoid(gU), 1), tf.mul(prior, tf.mean(tf.sigmoid(gP), 1))) as TfCore.Tensor1D;
    return { positiveRisk, negativeRisk };
  });
}

/** The objective to step on, summed over seeds: π R_P^+ + r where r ≥ −β, else −γ·r. */
export function nnPuLoss(tf: Tf, mlp: BatchedMlp, XP: T3, XU: T3, prior: TfCore.Tensor1D): TfCore.Scalar {
  return tf.tidy(() => {
    const { positiveRisk, negativeRisk } = nnPuRisks(tf, mlp, XP, XU, prior);
    // 1 where r < −β (step on −γ·r), else 0 (step on the full risk); a mask, not a tf.where, so no comparison enters the tape.
    const corrected = makeLessMask(tf)(negativeRisk, tf.fill(negativeRisk.shape, -NNPU_BETA) as TfCore.Tensor1D);
    const full = tf.add(positiveRisk, negativeRisk);
    const perSeed = tf.add(tf.mul(tf.sub(1, corrected), full), tf.mul(corrected, tf.mul(-NNPU_GAMMA, negativeRisk)));
    return tf.sum(perSeed) as TfCore.Scalar;
  });
}

export function trainNnPu(tf: Tf, mlp: BatchedMlp, data: readonly PuTrainData[], seeds: readonly number[], d: number, cfg: NnPuConfig): void {
  const S = seeds.length;
  const rngs = seeds.map((seed) => createRng(deriveSeed(seed, 33)));
  const prior = tf.tensor1d(data.map((x) => x.prior));
  const optimizer = tf.train.adam(cfg.lr);
  const variables = mlpVariables(mlp);
  for (let step = 0; step < cfg.steps; step++) {
    const XP = tf.tensor3d(sampleRows(data.map((x) => x.labelled), d, cfg.batch, rngs), [S, cfg.batch, d]);
    const XU = tf.tensor3d(sampleRows(data.map((x) => x.unlabelled), d, cfg.batch, rngs), [S, cfg.batch, d]);
    optimizer.minimize(() => nnPuLoss(tf, mlp, XP, XU, prior), false, variables);
    tf.dispose([XP, XU]);
  }
  optimizer.dispose();
  prior.dispose();
}

/** g(x) for equal-size per-seed matrices, per seed. */
export function scores(tf: Tf, mlp: BatchedMlp, rows: readonly Float32Array[], d: number): Float32Array[] {
  const n = rows[0].length / d;
  const X = tf.tensor3d(stack(rows), [rows.length, n, d]);
  const G = applyMlp(tf, mlp, X);
  const g = G.dataSync() as Float32Array;
  tf.dispose([X, G]);
  return rows.map((_, s) => g.slice(s * n, (s + 1) * n));
}
