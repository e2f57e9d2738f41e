import test from 'ava';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { getTf } from '#harness/tf';
import { makeProblem, taskBatch, xorData } from '../data.js';
import { evaluateFeatures } from '../downstream.js';
import { featureGradient, headStep, multiTaskLoss, trainTwoStep, type StepData } from '../network.js';
import { learnFirstLayer } from '../upstream.js';

const tf = await getTf();

function stepData(X: Float32Array, y: Float32Array, T: number, n: number, d: number): StepData {
  return { X: tf.tensor2d(X, [T * n, d]), y: tf.tensor2d(y, [T, n]) };
}

/** A teacher problem of T tasks with n samples each, its first-step data and the initial features W₀ (m × d). */
function setup(seed: number, T: number, n: number, d: number, rank: number, m: number) {
  const problem = makeProblem(seed, d, rank, m);
  const batch = taskBatch(problem, T, n, 'teacher');
  return { problem, batch, data: stepData(batch.X1, batch.y1, T, n, d), W0: tf.tensor2d(problem.W0, [m, d]) };
}

function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

test('the hand-written head step and feature gradient equal tf.grad of the logistic loss', (t) => {
  const [T, n, d, m] = [3, 40, 6, 5];
  const { batch, data, W0 } = setup(11, T, n, d, 2, m);
  const headLr = 0.7;
  // b_t = −η₁ ∇_{b_t} L_t(W₀, 0) and L = (1/T) Σ_t L_t, so b = −η₁·T·∇_b L.
  const b = headStep(tf, W0, data, headLr);
  const gradB = tf.grad((bb: Tensor) => multiTaskLoss(tf, W0, bb as Tensor2D, data))(tf.zeros([T, m]));
  t.true(maxRelativeError(b.dataSync(), gradB.mul(-headLr * T).dataSync()) < 1e-5);
  // A larger b, so that the loss is away from its linearization at f = 0.
  const big = b.mul(40) as Tensor2D;
  const G = featureGradient(tf, W0, big, data);
  const gradW = tf.grad((w: Tensor) => multiTaskLoss(tf, w as Tensor2D, big, data))(W0);
  t.true(maxRelativeError(G.dataSync(), gradW.dataSync()) < 1e-5);
  const data2 = stepData(batch.X2, batch.y2, T, n, d);
  const W1 = trainTwoStep(tf, W0, data, data2, { headLr, lr: 2 });
  const expected = featureGradient(tf, W0, b, data2).mul(-2);
  t.true(maxRelativeError(W1.dataSync(), expected.dataSync()) < 1e-6);
  tf.dispose([b, gradB, big, G, gradW, W1, expected, W0, data.X, data.y, data2.X, data2.y]);
});

test('the head step matches its population value b_tj = (η₁/2)·⟨u_t, w_j⟩/√(2π)', (t) => {
  // E[sign(⟨u, x⟩) relu(⟨w, x⟩)] = ⟨u, w⟩ E|⟨u, x⟩| / 2 = ⟨u, w⟩/√(2π): the even part of relu cancels.
  const [T, n, d, m] = [2, 100_000, 8, 4];
  const { problem, batch, data, W0 } = setup(5, T, n, d, 3, m);
  const b = headStep(tf, W0, data, 2).dataSync();
  for (let task = 0; task < T; task++) {
    for (let j = 0; j < m; j++) {
      let inner = 0;
      let norm2 = 0;
      for (let i = 0; i < d; i++) {
        inner += batch.U[task * d + i] * problem.W0[j * d + i];
        norm2 += problem.W0[j * d + i] ** 2;
      }
      const population = inner / Math.sqrt(2 * Math.PI);
      const standardError = Math.sqrt(norm2 / 2 / n);
      t.true(Math.abs(b[task * m + j] - population) < 5 * standardError, `task ${task}, neuron ${j}: ${b[task * m + j]} vs ${population}`);
    }
  }
  tf.dispose([W0, data.X, data.y]);
});

test('tf.memory().numTensors is flat across repeated training and downstream evaluation', (t) => {
  const problem = makeProblem(2, 16, 4, 12);
  const batch = taskBatch(problem, 4, 64, 'teacher');
  const data = xorData(problem, 100, 60);
  const counts: number[] = [];
  const before = tf.memory().numTensors;
  for (let k = 0; k < 4; k++) {
    const W1 = learnFirstLayer(tf, problem, batch, 4, { headLr: 1, lr: 1 });
    const single = learnFirstLayer(tf, problem, batch, 1, { headLr: 1, lr: 1 });
    evaluateFeatures(tf, [{ W: W1, data }, { W: single, data }, { W: problem.W0, data }], 1e-3);
    counts.push(tf.memory().numTensors);
  }
  t.deepEqual(counts, counts.map(() => before));
});
