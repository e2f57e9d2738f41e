/**
 * The local update of a round, for a group of clients at once: each client's model is a slice of
 * a leading axis G, and no op mixes slices (BatchNorm statistics are per slice), so running G
 * clients together gives each the result it would get alone (test/local-update.test.ts checks it).
 * Each client contributes its own rows (drawn from its own data with its own stream) and its own
 * message; each gets back its own weights.
 *
 * plain: SGD on the cross-entropy over the classes seen so far (FedAvg, the oracle, and every
 *   method on the first task).
 * mfcl (once the message carries a teacher, and a generator when B_s > 0), per step on B real + B_s
 *   synthetic rows:
 *   CE over the new classes' logits on the real rows of new classes
 *   + ft_weight · CE over all seen classes on real + synthetic rows, through the head only
 *     (features frozen by a stop-gradient)
 *   + kd_weight · mean_rows Σ_old (h·W₂ᵖ − hᵖ·W₂ᵖ)² / K_old, the previous global model's head
 *     applied to the current and the previous features (old classes only);
 *   synthetic rows come from the generator in the message, labelled by the teacher's argmax over
 *   the old classes.
 * BatchNorm runs in training mode on the step's rows and updates the running statistics.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type { Rng } from '#harness/random';
import {
  BN_MOMENTUM,
  evalFeatures,
  headLogits,
  logitMask,
  stackClassifiers,
  stackParts,
  trainFeatures,
  unstackParts,
  type ClassifierShape,
  type T3,
  type Tf,
} from './classifier.js';
import type { Client, LocalConfig } from './clients.js';
import { generate, generatorShapes, noiseTensor } from './generator.js';
import type { ClientUpdate, ServerMessage } from './protocol.js';

export interface Job {
  client: Client;
  message: ServerMessage;
  /** The client device's randomness for this round (row draws, generator noise). */
  rng: Rng;
}

type Trained = [T3, T3, T3, T3, T3];

/** Identity forward, zero gradient (tfjs has no stop_gradient). */
function makeStopGradient(tf: Tf) {
  const f = (...inputs: unknown[]) => ({ value: tf.clone(inputs[0] as TfCore.Tensor), gradFunc: (dy: TfCore.Tensor) => tf.zerosLike(dy) });
  return tf.customGrad(f) as (x: T3) => T3;
}

/** Mean over rows of the cross-entropy of `logits` (restricted by `mask`) against one-hot `y`, per model: [G]. */
function maskedCE(tf: Tf, logits: T3, mask: TfCore.Tensor1D, y: T3): TfCore.Tensor1D {
  return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(tf.add(logits, mask))), 2), 1)) as TfCore.Tensor1D;
}

export function localRound(tf: Tf, jobs: readonly Job[]): ClientUpdate[] {
  if (jobs.length === 0) return [];
  const cfg = jobs[0].client.config;
  const task = jobs[0].client.task;
  // The objective of a job: MFCL's once its client runs MFCL and the message carries a teacher.
  const usesTeacher = (j: Job) => j.client.config.objective === 'mfcl' && j.message.teacher !== undefined;
  const mfcl = usesTeacher(jobs[0]);
  const shared = (c: LocalConfig) => JSON.stringify({ ...c, objective: null });
  for (const j of jobs) {
    if (shared(j.client.config) !== shared(cfg)) throw new Error('localRound: a group must share one local configuration');
    if (j.client.task !== task) throw new Error(`localRound: a group must be at one task (got ${j.client.task} and ${task})`);
    if (mfcl !== usesTeacher(j)) throw new Error('localRound: a group must share one objective (MFCL with a teacher, or plain cross-entropy)');
    if (mfcl && cfg.syntheticBatch > 0 && j.message.generator === undefined) throw new Error('localRound: MFCL with synthetic rows needs a generator in the message');
  }
  if (task < 0) throw new Error('localRound: the clients have no task yet');
  const G = jobs.length;
  const { steps: L, batch: B, dim: d, classes: K, classesPerTask } = cfg;
  const shape: ClassifierShape = { dim: d, hidden: cfg.hidden, classes: K };
  const oldK = task * classesPerTask;
  const seenK = oldK + classesPerTask;

  // Each client's rows for all steps, [G, L, B] (its own data, its own stream).
  const xReal = new Float32Array(G * L * B * d);
  const yReal = new Int32Array(G * L * B);
  jobs.forEach((j, g) => {
    const rows = j.client.trainingRows(j.rng, L * B);
    xReal.set(rows.x, g * L * B * d);
    yReal.set(rows.y, g * L * B);
  });

  const model = stackClassifiers(tf, jobs.map((j) => j.message.global), shape);
  let trained: Trained = [model.W1, model.gamma, model.beta, model.W2, model.b2];
  let runMean = model.runMean;
  let runVar = model.runVar;
  const maskSeen = logitMask(tf, K, 0, seenK);
  const maskNew = logitMask(tf, K, oldK, seenK);
  const stopGradient = makeStopGradient(tf);

  // Per-step inputs, step-major so that each step takes one slice.
  let xs: T3[];
  let ys: T3[];
  let extra: { newRows: TfCore.Tensor2D[]; invNew: TfCore.Tensor1D[]; kdTarget: T3[]; W2old: T3; b2old: T3 } | null = null;
  if (!mfcl) {
    [xs, ys] = tf.tidy(() => {
      const x = tf.transpose(tf.tensor4d(xReal, [G, L, B, d]), [1, 0, 2, 3]);
      const y = tf.transpose(tf.oneHot(tf.tensor3d(yReal, [G, L, B], 'int32'), K), [1, 0, 2, 3]);
      return [tf.unstack(x) as T3[], tf.unstack(y) as T3[]];
    });
  } else {
    const Bs = cfg.syntheticBatch;
    const N = B + Bs;
    const teacher = stackClassifiers(tf, jobs.map((j) => j.message.teacher!), shape);
    const gen = Bs > 0 ? stackParts(tf, jobs.map((j) => j.message.generator!), generatorShapes({ noise: cfg.noise, hidden: cfg.generatorHidden, dim: d })) : [];
    const z = Bs > 0 ? noiseTensor(tf, jobs.map((j) => j.rng), L * Bs, cfg.noise) : null;
    // Real rows of new classes carry the new-class CE; synthetic rows never do.
    const newRowsFlat = new Float32Array(L * G * N);
    const invNewFlat = new Float32Array(L * G);
    for (let l = 0; l < L; l++) {
      for (let g = 0; g < G; g++) {
        let count = 0;
        for (let b = 0; b < B; b++) {
          const isNew = yReal[(g * L + l) * B + b] >= oldK ? 1 : 0;
          newRowsFlat[(l * G + g) * N + b] = isNew;
          count += isNew;
        }
        invNewFlat[l * G + g] = count > 0 ? 1 / count : 0;
      }
    }
    const built = tf.tidy(() => {
      let xCom: TfCore.Tensor4D = tf.tensor4d(xReal, [G, L, B, d]);
      let yCom: TfCore.Tensor4D = tf.oneHot(tf.tensor3d(yReal, [G, L, B], 'int32'), K) as TfCore.Tensor4D;
      if (z) {
        const xSyn = generate(tf, gen, z);
        const oldLogitsSyn = tf.slice(headLogits(tf, teacher.W2, teacher.b2, evalFeatures(tf, teacher, xSyn)), [0, 0, 0], [G, L * Bs, oldK]);
        const ySyn = tf.oneHot(tf.argMax(oldLogitsSyn, 2), K).reshape([G, L, Bs, K]);
        xCom = tf.concat([xCom, xSyn.reshape([G, L, Bs, d])], 2) as TfCore.Tensor4D;
        yCom = tf.concat([yCom, ySyn], 2) as TfCore.Tensor4D;
      }
      const W2old = tf.slice(teacher.W2, [0, 0, 0], [G, cfg.hidden, oldK]) as T3;
      const b2old = tf.slice(teacher.b2, [0, 0, 0], [G, 1, oldK]) as T3;
      const target = headLogits(tf, W2old, b2old, evalFeatures(tf, teacher, xCom.reshape([G, L * N, d]) as T3)).reshape([G, L, N, oldK]);
      return {
        xs: tf.unstack(tf.transpose(xCom, [1, 0, 2, 3])) as T3[],
        ys: tf.unstack(tf.transpose(yCom, [1, 0, 2, 3])) as T3[],
        kdTarget: tf.unstack(tf.transpose(target, [1, 0, 2, 3])) as T3[],
        newRows: tf.unstack(tf.tensor3d(newRowsFlat, [L, G, N])) as TfCore.Tensor2D[],
        invNew: tf.unstack(tf.tensor2d(invNewFlat, [L, G])) as TfCore.Tensor1D[],
        W2old,
        b2old,
      };
    });
    tf.dispose([...(z ? [z] : []), ...gen, ...Object.values(teacher)]);
    xs = built.xs;
    ys = built.ys;
    extra = { newRows: built.newRows, invNew: built.invNew, kdTarget: built.kdTarget, W2old: built.W2old, b2old: built.b2old };
  }

  for (let l = 0; l < L; l++) {
    let stats: { mean: T3; variance: T3 } | null = null;
    const x = xs[l];
    const y = ys[l];
    const loss = (W1: TfCore.Tensor, gamma: TfCore.Tensor, beta: TfCore.Tensor, W2: TfCore.Tensor, b2: TfCore.Tensor): TfCore.Scalar => {
      const f = trainFeatures(tf, W1 as T3, gamma as T3, beta as T3, x);
      stats = { mean: tf.keep(f.mean), variance: tf.keep(f.variance) };
      const logits = headLogits(tf, W2 as T3, b2 as T3, f.feat);
      if (!extra) return tf.sum(maskedCE(tf, logits, maskSeen, y));
      const perRow = tf.neg(tf.sum(tf.mul(y, tf.logSoftmax(tf.add(logits, maskNew))), 2));
      const newCE = tf.mul(tf.sum(tf.mul(perRow, extra.newRows[l]), 1), extra.invNew[l]);
      const ft = maskedCE(tf, headLogits(tf, W2 as T3, b2 as T3, stopGradient(f.feat)), maskSeen, y);
      const kdDiff = tf.sub(headLogits(tf, extra.W2old, extra.b2old, f.feat), extra.kdTarget[l]);
      const kd = tf.mean(tf.sum(tf.square(kdDiff), 2), 1);
      const total = tf.add(tf.add(newCE, tf.mul(ft, cfg.ftWeight)), tf.mul(kd, cfg.kdWeight / Math.max(1, oldK)));
      return tf.sum(total) as TfCore.Scalar;
    };
    const next = tf.tidy(() => {
      const grads = tf.grads(loss)(trained);
      return trained.map((p, i) => tf.sub(p, tf.mul(grads[i], cfg.lr))) as Trained;
    });
    const s = stats as { mean: T3; variance: T3 } | null;
    if (!s) throw new Error('localRound: the forward pass recorded no BatchNorm statistics');
    const rows = x.shape[1];
    const nextRunning = tf.tidy(() => [
      tf.add(tf.mul(runMean, 1 - BN_MOMENTUM), tf.mul(s.mean, BN_MOMENTUM)) as T3,
      tf.add(tf.mul(runVar, 1 - BN_MOMENTUM), tf.mul(s.variance, (BN_MOMENTUM * rows) / Math.max(1, rows - 1))) as T3,
    ]);
    tf.dispose([...trained, runMean, runVar, s.mean, s.variance]);
    trained = next;
    [runMean, runVar] = nextRunning;
  }

  const weights = unstackParts([...trained, runMean, runVar]);
  tf.dispose([...trained, runMean, runVar, maskSeen, maskNew, ...xs, ...ys]);
  if (extra) tf.dispose([...extra.newRows, ...extra.invNew, ...extra.kdTarget, extra.W2old, extra.b2old]);
  return weights.map((w) => ({ weights: w }));
}
