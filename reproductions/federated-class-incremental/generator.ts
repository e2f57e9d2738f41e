/**
 * The server's data-free generator: noise → hidden → BatchNorm → ReLU → input space, trained by
 * model inversion of the frozen global classifier after each task (batched over replicates):
 *   L = CE(logits/T, argmax logits)                         pseudo-label cross-entropy
 *     + w_ie · (1 − H(mean_i softmax(logits_i)) / log K)    batch-mean entropy: balanced classes
 *     + w_bn · KL(N(μ_run, σ²_run) ‖ N(μ_batch, σ²_batch))  BatchNorm-statistics matching
 * with logits over the K classes seen so far and the classifier in evaluation mode (its running
 * statistics are what the generated batch must reproduce at the BatchNorm input). The image
 * smoothness prior of the original has no analogue for vectors and is left out.
 * After the Adam steps the generator's own BatchNorm running statistics are set from a large batch,
 * so clients sample it in evaluation mode. With 0 steps this is the untrained generator.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type { Rng } from '#harness/random';
import { BN_EPS, batchNormTrain, batchStats, classifierShapes, evalFeatures, initClassifier, headLogits, relu, stackClassifiers, stackParts, unstackParts, type ClassifierShape, type T3, type Tf } from './classifier.js';
import { disposeFrozen, foldClassifier, makeObjective, type ObjectiveWeights } from './inversion-objective.js';
import type { Weights } from './protocol.js';

export interface GeneratorShape {
  noise: number;
  hidden: number;
  dim: number;
}

/**
 * The generator has the classifier's layout, from noise to the input space: Wg1, gamma, beta, Wg2,
 * bg2 (trained), runMean, runVar (set by calibration), with the classifier's initialisation.
 */
const asClassifierShape = (s: GeneratorShape): ClassifierShape => ({ dim: s.noise, hidden: s.hidden, classes: s.dim });

/** Per-model shapes, in layout order. */
export function generatorShapes(s: GeneratorShape): [number, number][] {
  return classifierShapes(asClassifierShape(s));
}

export function initGenerator(s: GeneratorShape, rng: Rng): Weights {
  return initClassifier(asClassifierShape(s), rng);
}

/** Standard normal noise [G, n, noise], one stream per model, so batching does not change any model's draws. */
export function noiseTensor(tf: Tf, rngs: readonly Rng[], n: number, noise: number): T3 {
  const flat = new Float32Array(rngs.length * n * noise);
  rngs.forEach((rng, g) => {
    for (let i = 0; i < n * noise; i++) flat[g * n * noise + i] = rng.normal();
  });
  return tf.tensor3d(flat, [rngs.length, n, noise]);
}

/** Generated inputs [G, N, dim] in evaluation mode (running statistics). */
export function generate(tf: Tf, gen: readonly T3[], z: T3): T3 {
  const [W1, gamma, beta, W2, b2, runMean, runVar] = gen;
  return tf.tidy(() => {
    const a = tf.matMul(z, W1);
    const scale = tf.mul(tf.rsqrt(tf.add(runVar, BN_EPS)), gamma);
    return tf.add(tf.matMul(relu(tf, tf.add(tf.mul(tf.sub(a, runMean), scale), beta)), W2), b2);
  });
}

export interface InversionConfig extends ObjectiveWeights {
  steps: number;
  batch: number;
  lr: number;
  /** Rows used to set the generator's running statistics after training. */
  calibration: number;
}

const ADAM = { beta1: 0.9, beta2: 0.999, eps: 1e-8 };

/**
 * Trains one generator per model in `classifiers` (all at the same task, `seen` classes so far),
 * from `inits`, with one noise stream per model. Returns the generators' weights.
 */
export function invertGenerators(
  tf: Tf,
  classifiers: readonly Weights[],
  classifierShape: ClassifierShape,
  inits: readonly Weights[],
  genShape: GeneratorShape,
  seen: number,
  cfg: InversionConfig,
  rngs: readonly Rng[],
): Weights[] {
  const G = classifiers.length;
  const shapes = generatorShapes(genShape);
  const trainedShapes = shapes.slice(0, 5);
  const sizes = trainedShapes.map(([a, b]) => a * b);
  const P = sizes.reduce((s, v) => s + v, 0);
  const model = stackClassifiers(tf, classifiers, classifierShape);
  // The five trained parts of each generator as one row of θ [G, P]: one Adam update per step.
  const initFlat = new Float32Array(G * P);
  inits.forEach((w, g) => {
    let offset = g * P;
    for (let part = 0; part < 5; part++) {
      initFlat.set(w[part], offset);
      offset += sizes[part];
    }
  });
  let theta: TfCore.Tensor2D = tf.tensor2d(initFlat, [G, P]);
  let m: TfCore.Tensor2D = tf.zerosLike(theta);
  let v: TfCore.Tensor2D = tf.zerosLike(theta);
  const unpack = (th: TfCore.Tensor2D): T3[] =>
    tf.split(th, sizes, 1).map((part, i) => tf.reshape(part, [G, ...trainedShapes[i]]) as T3);
  const frozen = foldClassifier(tf, model, seen);
  const objective = makeObjective(tf, frozen, cfg, seen);

  const loss = (th: TfCore.Tensor, z: T3): TfCore.Scalar => {
    const [W1, gamma, beta, W2, b2] = unpack(th as TfCore.Tensor2D);
    const x = tf.add(tf.matMul(relu(tf, batchNormTrain(tf, tf.matMul(z, W1), gamma, beta).out), W2), b2) as T3;
    return tf.sum(objective(x)) as TfCore.Scalar;
  };

  for (let step = 1; step <= cfg.steps; step++) {
    const z = noiseTensor(tf, rngs, cfg.batch, genShape.noise);
    const next = tf.tidy(() => {
      const [grad] = tf.grads((th: TfCore.Tensor) => loss(th, z))([theta]);
      const m1 = tf.add(tf.mul(m, ADAM.beta1), tf.mul(grad, 1 - ADAM.beta1));
      const v1 = tf.add(tf.mul(v, ADAM.beta2), tf.mul(tf.square(grad), 1 - ADAM.beta2));
      const corr = (cfg.lr * Math.sqrt(1 - ADAM.beta2 ** step)) / (1 - ADAM.beta1 ** step);
      const th = tf.sub(theta, tf.div(tf.mul(m1, corr), tf.add(tf.sqrt(v1), ADAM.eps)));
      return [th, m1, v1] as TfCore.Tensor2D[];
    });
    tf.dispose([theta, m, v, z]);
    [theta, m, v] = next;
  }

  // Running statistics of the generator's BatchNorm from one large batch, then back to weights.
  const z = noiseTensor(tf, rngs, cfg.calibration, genShape.noise);
  const parts = tf.tidy(() => {
    const trained = unpack(theta);
    const stats = batchStats(tf, tf.matMul(z, trained[0]));
    return [...trained, stats.mean as T3, stats.variance as T3];
  });
  const out = unstackParts(parts);
  tf.dispose([...parts, theta, m, v, z, ...Object.values(model)]);
  disposeFrozen(tf, frozen);
  return out;
}

/** Argmax labels (over the `seen` classes) that each model assigns to `n` generated samples. */
export function generatedLabels(
  tf: Tf,
  classifiers: readonly Weights[],
  classifierShape: ClassifierShape,
  generators: readonly Weights[],
  genShape: GeneratorShape,
  seen: number,
  n: number,
  rngs: readonly Rng[],
): Int32Array[] {
  const model = stackClassifiers(tf, classifiers, classifierShape);
  const gen = stackParts(tf, generators, generatorShapes(genShape));
  const z = noiseTensor(tf, rngs, n, genShape.noise);
  const labels = tf.tidy(() => {
    const x = generate(tf, gen, z);
    const logits = tf.slice(headLogits(tf, model.W2, model.b2, evalFeatures(tf, model, x)), [0, 0, 0], [classifiers.length, n, seen]);
    return tf.argMax(logits, 2);
  });
  const flat = labels.dataSync() as Int32Array;
  tf.dispose([labels, z, ...gen, ...Object.values(model)]);
  return classifiers.map((_, g) => flat.slice(g * n, (g + 1) * n));
}
