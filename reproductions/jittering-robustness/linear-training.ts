/**
 * Training full linear denoisers W (n x n) on the subspace model with Adam on fresh samples every
 * step, many models batched in one rank-3 tensor (per-op dispatch dominates at n = 128, so one
 * batched matmul per step serves every arm of every seed).
 *
 * An arm is one model: its subspace U, the std of the Gaussian noise added to its inputs during
 * training (σ for standard training, √(σ² + σ_w²) for jittering), and the radius ε of an ℓ2 PGD
 * adversary inside the loss (0: none; > 0: adversarial training, the inner maximum by PGD as in
 * the paper: K normalised-gradient steps of 2.5ε/K from δ = 0, projected onto the ball). Arms with
 * the same `stream` see the same draws of c and z in every step (common random numbers).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { Matrix } from '#harness/linalg';
import { GaussianStream } from './gaussian.js';

type Tf = typeof tfc;

export interface LinearArm {
  U: Matrix;
  noiseStd: number;
  eps: number;
  /** Data stream id: arms that share it share their samples. */
  stream: number;
}

export interface LinearTrainOptions {
  steps: number;
  batch: number;
  /** Adam step size at the start; decays geometrically to `lrFinal` at the last step. */
  lr: number;
  lrFinal: number;
  pgdIters: number;
  pgdStepFactor: number;
  /** Called every `progressEvery` steps (for ctx.progress and tests). */
  onStep?: (step: number) => void;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const ADAM_EPS = 1e-8;

/** lr at step t (0-based) of T: lr·(lrFinal/lr)^(t/(T−1)). */
export function learningRate(o: Pick<LinearTrainOptions, 'lr' | 'lrFinal' | 'steps'>, t: number): number {
  return o.steps <= 1 ? o.lr : o.lr * Math.pow(o.lrFinal / o.lr, t / (o.steps - 1));
}

export async function trainLinearArms(tf: Tf, arms: readonly LinearArm[], o: LinearTrainOptions): Promise<Matrix[]> {
  if (arms.length === 0) return [];
  const { rows: n, cols: d } = arms[0].U;
  if (arms.some((a) => a.U.rows !== n || a.U.cols !== d)) throw new Error('trainLinearArms: every arm needs a subspace of the same shape');
  const streams = [...new Set(arms.map((a) => a.stream))];
  const S = streams.length;
  const M = arms.length;
  const B = o.batch;
  const adversarial = arms.some((a) => a.eps > 0);

  // Constants: each stream's U (the first arm of the stream's), and per-arm scales.
  const streamU = streams.map((s) => arms.find((a) => a.stream === s)!.U);
  const Us = tf.tensor3d(Float32Array.from(streamU.flatMap((U) => Array.from(U.data))), [S, n, d]);
  const armStream = tf.tensor1d(arms.map((a) => streams.indexOf(a.stream)), 'int32');
  const noiseStd = tf.tensor3d(arms.map((a) => a.noiseStd), [M, 1, 1]);
  const eps = tf.tensor3d(arms.map((a) => a.eps), [M, 1, 1]);
  const pgdStep = tf.tensor3d(arms.map((a) => (o.pgdStepFactor * a.eps) / Math.max(1, o.pgdIters)), [M, 1, 1]);

  // tf.variable keeps its initial tensor alive as a separate tensor: make it inside tidy.
  const [W, m, v] = [0, 1, 2].map(() => tf.tidy(() => tf.variable(tf.zeros([M, n, n])))) as [tfc.Variable<tfc.Rank.R3>, tfc.Variable<tfc.Rank.R3>, tfc.Variable<tfc.Rank.R3>];

  const generators = streams.map((s) => new GaussianStream(s));
  const cBuf = new Float32Array(S * B * d);
  const zBuf = new Float32Array(S * B * n);

  /**
   * ℓ2 PGD from δ = 0; returns δ with ||δ_b|| ≤ ε per sample. The residual is linear in δ, so it is
   * updated as R₀ + δWᵀ (one matmul per iteration besides the gradient's).
   */
  const attack = (X: tfc.Tensor3D, Y: tfc.Tensor3D): tfc.Tensor3D =>
    tf.tidy(() => {
      const R0 = tf.sub(tf.matMul(Y, W, false, true), X);
      let delta: tfc.Tensor3D | null = null;
      for (let k = 0; k < o.pgdIters; k++) {
        const R = delta === null ? R0 : tf.add(R0, tf.matMul(delta, W, false, true));
        const G = tf.matMul(R, W); // rows: (Wᵀr)ᵀ, the ascent direction of ||W(y + δ) − x||²
        const step = tf.mul(pgdStep, tf.rsqrt(tf.add(tf.sum(tf.square(G), -1, true), 1e-20)));
        const moved: tfc.Tensor3D = delta === null ? tf.mul(G, step) : tf.add(delta, tf.mul(G, step));
        const shrink = tf.minimum(1, tf.mul(eps, tf.rsqrt(tf.add(tf.sum(tf.square(moved), -1, true), 1e-20))));
        delta = tf.mul(moved, shrink) as tfc.Tensor3D;
      }
      return delta ?? (tf.zerosLike(Y) as tfc.Tensor3D);
    });

  for (let t = 0; t < o.steps; t++) {
    for (let s = 0; s < S; s++) {
      generators[s].fill(cBuf.subarray(s * B * d, (s + 1) * B * d));
      generators[s].fill(zBuf.subarray(s * B * n, (s + 1) * B * n));
    }
    const lrT = (learningRate(o, t) * Math.sqrt(1 - BETA2 ** (t + 1))) / (1 - BETA1 ** (t + 1));
    tf.tidy(() => {
      const C = tf.tensor3d(cBuf, [S, B, d]);
      const Xs = tf.matMul(C, Us, false, true); // [S, B, n]: rows xᵀ = (Uc)ᵀ
      const Zs = tf.tensor3d(zBuf, [S, B, n]);
      const X = (S === M ? Xs : tf.gather(Xs, armStream)) as tfc.Tensor3D;
      const Z = (S === M ? Zs : tf.gather(Zs, armStream)) as tfc.Tensor3D;
      let Y = tf.add(X, tf.mul(Z, noiseStd)) as tfc.Tensor3D;
      if (adversarial) Y = tf.add(Y, attack(X, Y));
      const R = tf.sub(tf.matMul(Y, W, false, true), X);
      const G = tf.mul(tf.matMul(R, Y, true, false), 2 / B); // ∇_W of the batch mean of ||Wy − x||²
      m.assign(tf.add(tf.mul(m, BETA1), tf.mul(G, 1 - BETA1)));
      v.assign(tf.add(tf.mul(v, BETA2), tf.mul(tf.square(G), 1 - BETA2)));
      W.assign(tf.sub(W, tf.mul(tf.div(m, tf.add(tf.sqrt(v), ADAM_EPS)), lrT)));
    });
    o.onStep?.(t + 1);
  }

  const flat = await W.data();
  const out = arms.map((_, k) => ({ rows: n, cols: n, data: Float64Array.from(flat.subarray(k * n * n, (k + 1) * n * n)) }));
  tf.dispose([Us, armStream, noiseStd, eps, pgdStep, W, m, v]);
  return out;
}
