/**
 * A two-layer ReLU MLP din → hidden → out for S seeds at once: every weight has a leading seed
 * axis and every product is a batched matmul, so S independent networks train in one graph
 * (per-op dispatch, not arithmetic, is the cost at this size). Seed s's slice sees only its own
 * data and its own loss term, so the batched training equals S separate ones.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { createRng, deriveSeed } from '#harness/random';

export type Tf = typeof TfCore;
export type T3 = TfCore.Tensor3D;

export interface BatchedMlp {
  seeds: number;
  w1: TfCore.Variable<TfCore.Rank.R3>;
  b1: TfCore.Variable<TfCore.Rank.R3>;
  w2: TfCore.Variable<TfCore.Rank.R3>;
  b2: TfCore.Variable<TfCore.Rank.R3>;
}

export interface MlpShape { input: number; hidden: number; output: number }

/** He-normal first layer, N(0, 1/hidden) second layer, zero biases; seed s from createRng(deriveSeed(seed, stream)). */
export function createMlp(tf: Tf, seeds: readonly number[], shape: MlpShape, stream: number): BatchedMlp {
  const S = seeds.length;
  const { input: d, hidden: h, output: k } = shape;
  const w1 = new Float32Array(S * d * h);
  const w2 = new Float32Array(S * h * k);
  seeds.forEach((seed, s) => {
    const rng = createRng(deriveSeed(seed, stream));
    for (let i = 0; i < d * h; i++) w1[s * d * h + i] = Math.sqrt(2 / d) * rng.normal();
    for (let i = 0; i < h * k; i++) w2[s * h * k + i] = Math.sqrt(1 / h) * rng.normal();
  });
  return {
    seeds: S,
    w1: variableFrom(tf, tf.tensor3d(w1, [S, d, h])),
    b1: variableFrom(tf, tf.zeros([S, 1, h])),
    w2: variableFrom(tf, tf.tensor3d(w2, [S, h, k])),
    b2: variableFrom(tf, tf.zeros([S, 1, k])),
  };
}

/** A trainable variable holding `initial`, which is then disposed (tf.variable copies it and leaves the original alive). */
export function variableFrom(tf: Tf, initial: TfCore.Tensor3D): TfCore.Variable<TfCore.Rank.R3> {
  const v = tf.variable(initial);
  initial.dispose();
  return v;
}

/** X: [S, B, din] → [S, B, out]. */
export function applyMlp(tf: Tf, mlp: BatchedMlp, X: T3): T3 {
  return tf.tidy(() => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(X, mlp.w1), mlp.b1)), mlp.w2), mlp.b2));
}

export function mlpVariables(mlp: BatchedMlp): TfCore.Variable[] {
  return [mlp.w1, mlp.b1, mlp.w2, mlp.b2];
}

export function disposeMlp(mlp: BatchedMlp): void {
  for (const v of mlpVariables(mlp)) v.dispose();
}
