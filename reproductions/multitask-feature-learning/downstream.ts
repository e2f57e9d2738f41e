/**
 * The downstream evaluation: frozen first-layer weights W (learned W₁ or random W₀), rows
 * normalised to unit length so that learned and random features have the same scale, features
 * φ(x) = [relu(Ŵx), 1], a logistic regression fitted on the train split and its accuracy on the
 * test split. Jobs of equal width and split sizes are fitted together in one batch.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import type { XorData } from './data.js';
import { accuracy, fitLogistic } from './logistic.js';
import type { Tf } from './network.js';

export interface FeatureJob { W: Float32Array; data: XorData }
export interface FeatureResult { testAccuracy: number[]; iterations: number; unconverged: number }

/** N×(width+1) features of one job, on the device. */
function features(tf: Tf, job: FeatureJob): TfCore.Tensor2D {
  const { d, X } = job.data;
  const N = X.length / d;
  const width = job.W.length / d;
  return tf.tidy(() => {
    const W = tf.tensor2d(job.W, [width, d]);
    const unit = W.div(tf.maximum(W.norm('euclidean', 1, true), 1e-30));
    const H = tf.relu(tf.matMul(tf.tensor2d(X, [N, d]), unit, false, true));
    return tf.concat([H, tf.ones([N, 1])], 1) as TfCore.Tensor2D;
  });
}

export function evaluateFeatures(tf: Tf, jobs: readonly FeatureJob[], l2: number): FeatureResult {
  if (jobs.length === 0) return { testAccuracy: [], iterations: 0, unconverged: 0 };
  const { train, test } = jobs[0].data;
  const width = jobs[0].W.length / jobs[0].data.d;
  for (const job of jobs) {
    if (job.data.train !== train || job.data.test !== test || job.W.length / job.data.d !== width) {
      throw new Error('evaluateFeatures: every job of a batch needs the same width and split sizes');
    }
  }
  const B = jobs.length;
  const N = train + test;
  const [PhiTrain, PhiTest, yTrain, yTest] = tf.tidy(() => {
    const Phi = tf.stack(jobs.map((job) => features(tf, job))) as TfCore.Tensor3D;
    const y = tf.stack(jobs.map((job) => tf.tensor2d(job.data.y, [N, 1]))) as TfCore.Tensor3D;
    return [
      Phi.slice([0, 0, 0], [B, train, width + 1]),
      Phi.slice([0, train, 0], [B, test, width + 1]),
      y.slice([0, 0, 0], [B, train, 1]),
      y.slice([0, train, 0], [B, test, 1]),
    ] as TfCore.Tensor3D[];
  });
  try {
    const fit = fitLogistic(tf, PhiTrain, yTrain, { l2 });
    return { testAccuracy: accuracy(tf, PhiTest, yTest, fit.weights), iterations: fit.iterations, unconverged: fit.unconverged };
  } finally {
    tf.dispose([PhiTrain, PhiTest, yTrain, yTest]);
  }
}
