/**
 * Downstream logistic regression on frozen features, B problems at once: damped Newton on
 *   F_b(w) = (1/N) Σ_i [softplus(φ_iᵀw) − y_i φ_iᵀw] + (λ/2)||w||²,  y ∈ {0, 1}.
 * tfjs forms the gradients and Hessians (B·N·p² multiply-adds, the bulk of the work); each
 * Newton system is solved in float64 by Cholesky (tfjs has no solver), with an Armijo
 * backtracking line search per problem. The L2 term keeps the optimum finite when a task is
 * separable (the learned features often make it so).
 */
import { choleskySolve } from '#harness/linalg';
import type * as TfCore from '@tensorflow/tfjs-core';
import type { Tf } from './network.js';

export interface LogisticOptions { l2: number; maxIterations?: number; tolerance?: number }
export interface LogisticFit {
  /** B×p row-major. */
  weights: Float64Array;
  iterations: number;
  /** Problems whose Newton decrement did not fall below the tolerance. */
  unconverged: number;
}

const ARMIJO = 1e-4;
const MAX_HALVINGS = 30;

/** Mean logistic loss of each problem at w (B×p), without the penalty. */
function dataLoss(tf: Tf, Phi: TfCore.Tensor3D, y: TfCore.Tensor3D, w: Float64Array): Float32Array {
  const [B, , p] = Phi.shape;
  const out = tf.tidy(() => {
    const z = tf.matMul(Phi, tf.tensor3d(Float32Array.from(w), [B, p, 1]));
    return tf.softplus(z).sub(y.mul(z)).mean([1, 2]);
  });
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}

function penalty(w: Float64Array, offset: number, p: number, l2: number): number {
  let s = 0;
  for (let k = 0; k < p; k++) s += w[offset + k] ** 2;
  return 0.5 * l2 * s;
}

/** Fit B logistic regressions: Phi is B×N×p (include an intercept column), y is B×N×1 in {0, 1}. */
export function fitLogistic(tf: Tf, Phi: TfCore.Tensor3D, y: TfCore.Tensor3D, options: LogisticOptions): LogisticFit {
  const [B, N, p] = Phi.shape;
  const { l2 } = options;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-9;
  const w = new Float64Array(B * p);
  const done = new Uint8Array(B);
  let iterations = 0;
  for (; iterations < maxIterations && done.some((x) => x === 0); iterations++) {
    const [gT, hT, lT] = tf.tidy(() => {
      const z = tf.matMul(Phi, tf.tensor3d(Float32Array.from(w), [B, p, 1]));
      const s = tf.sigmoid(z);
      const g = tf.matMul(Phi, s.sub(y), true, false).div(N);
      const H = tf.matMul(Phi.mul(s.mul(tf.scalar(1).sub(s))), Phi, true, false).div(N);
      const loss = tf.softplus(z).sub(y.mul(z)).mean([1, 2]);
      return [g, H, loss];
    });
    const g = gT.dataSync();
    const H = hT.dataSync();
    const loss = lT.dataSync();
    tf.dispose([gT, hT, lT]);

    const step = new Float64Array(B * p);
    const decrement = new Float64Array(B);
    for (let b = 0; b < B; b++) {
      if (done[b]) continue;
      const o = b * p;
      const h = new Float64Array(p * p);
      const rhs = new Float64Array(p);
      for (let i = 0; i < p; i++) {
        // float32 matmul is not bit-symmetric: symmetrize before Cholesky.
        for (let j = 0; j < p; j++) h[i * p + j] = 0.5 * (H[b * p * p + i * p + j] + H[b * p * p + j * p + i]);
        h[i * p + i] += l2;
        rhs[i] = g[o + i] + l2 * w[o + i];
      }
      const delta = choleskySolve({ rows: p, cols: p, data: h }, { rows: p, cols: 1, data: rhs }).data;
      let dec = 0;
      for (let i = 0; i < p; i++) dec += rhs[i] * delta[i];
      decrement[b] = dec;
      step.set(delta, o);
      // The Newton decrement dec/2 bounds F(w) − min F for a self-concordant-like loss.
      if (dec / 2 < tolerance) done[b] = 1;
    }

    // Backtracking: all problems move together; a problem whose step is rejected halves its own.
    const alpha = new Float64Array(B).fill(1);
    const accepted = Uint8Array.from(done);
    const before = Array.from({ length: B }, (_, b) => loss[b] + penalty(w, b * p, p, l2));
    for (let halving = 0; halving < MAX_HALVINGS && accepted.some((x) => x === 0); halving++) {
      const trial = Float64Array.from(w);
      for (let b = 0; b < B; b++) {
        if (accepted[b]) continue;
        for (let i = 0; i < p; i++) trial[b * p + i] = w[b * p + i] - alpha[b] * step[b * p + i];
      }
      const after = dataLoss(tf, Phi, y, trial);
      for (let b = 0; b < B; b++) {
        if (accepted[b]) continue;
        const value = after[b] + penalty(trial, b * p, p, l2);
        if (value <= before[b] - ARMIJO * alpha[b] * decrement[b]) {
          accepted[b] = 1;
          w.set(trial.subarray(b * p, (b + 1) * p), b * p);
        } else {
          alpha[b] /= 2;
        }
      }
    }
    // No decrease found within float32 resolution of the loss: the problem sits at its optimum.
    for (let b = 0; b < B; b++) if (!accepted[b]) done[b] = 1;
  }
  return { weights: w, iterations, unconverged: done.reduce((s, x) => s + (x ? 0 : 1), 0) };
}

/** Fraction of rows with 1[φᵀw > 0] = y, per problem (Phi B×N×p, y B×N×1 in {0, 1}). */
export function accuracy(tf: Tf, Phi: TfCore.Tensor3D, y: TfCore.Tensor3D, weights: Float64Array): number[] {
  const [B, , p] = Phi.shape;
  const out = tf.tidy(() => {
    const z = tf.matMul(Phi, tf.tensor3d(Float32Array.from(weights), [B, p, 1]));
    return tf.cast(tf.greater(z, 0), 'float32').equal(y).cast('float32').mean([1, 2]);
  });
  const values = Array.from(out.dataSync());
  out.dispose();
  return values;
}
