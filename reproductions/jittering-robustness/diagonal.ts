/**
 * Diagonal estimators for a diagonal forward operator (the paper's deconvolution variant):
 * x = Uc on the first d coordinates, y = Ax + z with A = diag(a), estimator f(y) = w ⊙ y.
 * Everything is coordinate-wise, so it runs in float64 loops (no tfjs dispatch).
 *
 * Jittering with extra input noise σ_w² has the closed-form least-squares optimum
 * w_i = a_i/(a_i² + σ² + σ_w²) on signal coordinates and 0 elsewhere. Adversarial training is
 * Adam on fresh samples with the inner maximum by ℓ2 PGD (K steps of 2.5ε/K from δ = 0), as in
 * the paper's code.
 */
import { GaussianStream } from './gaussian.js';
import { learningRate, type LinearTrainOptions } from './linear-training.js';

export interface DiagonalProblem {
  n: number;
  d: number;
  /** Diagonal of A (length n). */
  forward: Float64Array;
  noiseStd: number;
}

/** The least-squares optimum of training with input noise variance σ² + σ_w². */
export function jitteredDiagonal(p: DiagonalProblem, jitterVariance: number): Float64Array {
  const w = new Float64Array(p.n);
  for (let i = 0; i < p.d; i++) w[i] = p.forward[i] / (p.forward[i] ** 2 + p.noiseStd ** 2 + jitterVariance);
  return w;
}

/** The linear arms' schedule and attack (linear-training.ts), without their progress callback. */
export type DiagonalTrainOptions = Omit<LinearTrainOptions, 'onStep'>;

/** Adversarial training of w with radius ε (ε = 0: standard training) on a fresh-sample stream. */
export function trainDiagonalAdversarial(p: DiagonalProblem, eps: number, o: DiagonalTrainOptions, seed: number): Float64Array {
  const { n, d, forward, noiseStd } = p;
  const B = o.batch;
  const w = new Float64Array(n);
  const m = new Float64Array(n);
  const v = new Float64Array(n);
  const g = new Float64Array(n);
  const stream = new GaussianStream(seed);
  const c = new Float32Array(B * d);
  const z = new Float32Array(B * n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const delta = new Float64Array(n);
  const r = new Float64Array(n);
  const step = (o.pgdStepFactor * eps) / Math.max(1, o.pgdIters);
  for (let t = 0; t < o.steps; t++) {
    stream.fill(c);
    stream.fill(z, noiseStd);
    g.fill(0);
    for (let b = 0; b < B; b++) {
      for (let i = 0; i < n; i++) {
        x[i] = i < d ? c[b * d + i] : 0;
        y[i] = forward[i] * x[i] + z[b * n + i];
      }
      delta.fill(0);
      if (eps > 0) {
        for (let k = 0; k < o.pgdIters; k++) {
          // Ascent direction of ||w ⊙ (y + δ) − x||²: w ⊙ r.
          let gn = 0;
          for (let i = 0; i < n; i++) {
            r[i] = w[i] * (y[i] + delta[i]) - x[i];
            gn += (w[i] * r[i]) ** 2;
          }
          gn = Math.sqrt(gn);
          if (gn === 0) break;
          let dn = 0;
          for (let i = 0; i < n; i++) {
            delta[i] += (step * w[i] * r[i]) / gn;
            dn += delta[i] * delta[i];
          }
          dn = Math.sqrt(dn);
          if (dn > eps) for (let i = 0; i < n; i++) delta[i] *= eps / dn;
        }
      }
      for (let i = 0; i < n; i++) {
        const input = y[i] + delta[i];
        g[i] += (2 * (w[i] * input - x[i]) * input) / B;
      }
    }
    const lrT = (learningRate(o, t) * Math.sqrt(1 - 0.999 ** (t + 1))) / (1 - 0.9 ** (t + 1));
    for (let i = 0; i < n; i++) {
      m[i] = 0.9 * m[i] + 0.1 * g[i];
      v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
      w[i] -= (lrT * m[i]) / (Math.sqrt(v[i]) + 1e-8);
    }
  }
  return w;
}
