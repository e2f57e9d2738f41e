/**
 * The classifier of the plan, input → hidden → BatchNorm → ReLU → classes, as flat weights (the
 * protocol's currency) and as batched tensors with a leading model axis G (one slice per client,
 * replicate or method): every op below acts on each model's slice alone, BatchNorm included
 * (its batch statistics are taken over each model's own rows).
 * BatchNorm is written out (batch statistics, normalise, scale, shift) so that tf.grads sees every input.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type { Rng } from '#harness/random';
import type { Weights } from './protocol.js';

export type Tf = typeof TfCore;
export type T3 = TfCore.Tensor3D;

export const BN_EPS = 1e-5;
/** PyTorch's default: running = (1 − m)·running + m·batch. */
export const BN_MOMENTUM = 0.1;

export interface ClassifierShape {
  dim: number;
  hidden: number;
  classes: number;
}

/** Parts in layout order; the first five are trained, the last two are BatchNorm's running buffers. */
export const CLASSIFIER_PARTS = ['W1', 'gamma', 'beta', 'W2', 'b2', 'runMean', 'runVar'] as const;

/** Per-model shape of each part (without the model axis). */
export function classifierShapes(s: ClassifierShape): [number, number][] {
  const { dim: d, hidden: h, classes: k } = s;
  return [[d, h], [1, h], [1, h], [h, k], [1, k], [1, h], [1, h]];
}

export function classifierLengths(s: ClassifierShape): number[] {
  return classifierShapes(s).map(([a, b]) => a * b);
}

/** W ~ N(0, 1/fan_in), BatchNorm at identity, running statistics at (0, 1). */
export function initClassifier(s: ClassifierShape, rng: Rng): Weights {
  const normal = (n: number, sd: number) => Float32Array.from({ length: n }, () => sd * rng.normal());
  return [
    normal(s.dim * s.hidden, 1 / Math.sqrt(s.dim)),
    new Float32Array(s.hidden).fill(1),
    new Float32Array(s.hidden),
    normal(s.hidden * s.classes, 1 / Math.sqrt(s.hidden)),
    new Float32Array(s.classes),
    new Float32Array(s.hidden),
    new Float32Array(s.hidden).fill(1),
  ];
}

export interface ClassifierTensors {
  W1: T3;
  gamma: T3;
  beta: T3;
  W2: T3;
  b2: T3;
  runMean: T3;
  runVar: T3;
}

/** One tensor [G, a, b] per part from G weight sets. */
export function stackParts(tf: Tf, models: readonly Weights[], shapes: readonly [number, number][]): T3[] {
  return shapes.map(([a, b], part) => {
    const size = a * b;
    const flat = new Float32Array(models.length * size);
    models.forEach((w, g) => {
      if (w[part].length !== size) throw new Error(`part ${part} has ${w[part].length} values, expected ${size}`);
      flat.set(w[part], g * size);
    });
    return tf.tensor3d(flat, [models.length, a, b]);
  });
}

/** Back to G weight sets (copies). */
export function unstackParts(parts: readonly T3[]): Weights[] {
  const G = parts[0].shape[0];
  const flats = parts.map((t) => t.dataSync() as Float32Array);
  return Array.from({ length: G }, (_, g) => flats.map((flat, i) => {
    const size = parts[i].shape[1] * parts[i].shape[2];
    return flat.slice(g * size, (g + 1) * size);
  }));
}

export function stackClassifiers(tf: Tf, models: readonly Weights[], s: ClassifierShape): ClassifierTensors {
  const [W1, gamma, beta, W2, b2, runMean, runVar] = stackParts(tf, models, classifierShapes(s));
  return { W1, gamma, beta, W2, b2, runMean, runVar };
}

/** Pre-BatchNorm activations x·W1, [G, N, hidden]. */
export function preActivation(tf: Tf, W1: T3, x: T3): T3 {
  return tf.matMul(x, W1);
}

/** ReLU written as max(x, 0): the same function, and its gradient takes fewer kernels in tfjs. */
export function relu(tf: Tf, x: TfCore.Tensor): T3 {
  return tf.maximum(x, 0) as T3;
}

/** Batch mean and biased variance over the rows of each model (axis 1), and the centred input. */
export function batchStats(tf: Tf, h: TfCore.Tensor): { mean: T3; variance: T3; centered: T3 } {
  const mean = tf.mean(h, 1, true) as T3;
  const centered = tf.sub(h, mean) as T3;
  return { mean, centered, variance: tf.mean(tf.square(centered), 1, true) as T3 };
}

/** BatchNorm with the batch's own statistics (training mode), affine. */
export function batchNormTrain(tf: Tf, h: TfCore.Tensor, gamma: TfCore.Tensor, beta: TfCore.Tensor): { out: T3; mean: T3; variance: T3 } {
  const { mean, variance, centered } = batchStats(tf, h);
  return { out: tf.add(tf.mul(tf.mul(centered, tf.rsqrt(tf.add(variance, BN_EPS))), gamma), beta) as T3, mean, variance };
}

/** BatchNorm with the batch's own statistics (training mode), then ReLU. */
export function trainFeatures(tf: Tf, W1: T3, gamma: T3, beta: T3, x: T3): { feat: T3; mean: T3; variance: T3 } {
  const bn = batchNormTrain(tf, preActivation(tf, W1, x), gamma, beta);
  return { feat: relu(tf, bn.out), mean: bn.mean, variance: bn.variance };
}

/** BatchNorm with the running statistics (evaluation mode), then ReLU. */
export function evalFeatures(tf: Tf, p: ClassifierTensors, x: T3): T3 {
  const h = preActivation(tf, p.W1, x);
  const scale = tf.mul(tf.rsqrt(tf.add(p.runVar, BN_EPS)), p.gamma);
  return relu(tf, tf.add(tf.mul(tf.sub(h, p.runMean), scale), p.beta));
}

export function headLogits(tf: Tf, W2: T3, b2: T3, feat: T3): T3 {
  return tf.add(tf.matMul(feat, W2), b2);
}

export function evalLogits(tf: Tf, p: ClassifierTensors, x: T3): T3 {
  return headLogits(tf, p.W2, p.b2, evalFeatures(tf, p, x));
}

/** 0 for the allowed classes [from, to), −1e4 elsewhere: added to logits, it restricts a softmax to them. */
export function logitMask(tf: Tf, classes: number, from: number, to: number): TfCore.Tensor1D {
  return tf.tensor1d(Array.from({ length: classes }, (_, c) => (c >= from && c < to ? 0 : -1e4)));
}
