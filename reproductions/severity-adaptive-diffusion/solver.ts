/**
 * Latent DPS on a DDIM grid, batched over images that may start at different steps.
 *
 * Image i starts at grid index k_i from z = √(1 − v_i) ẑ_i + √v_i ε (v_i = min(1, c·σ_i²): the
 * paper's start latent, with its noise correction c), and runs k_i DDIM steps (η = 0):
 *   ẑ₀ = (z − √(1 − ᾱ) ε̂(z, τ_j)) / √ᾱ,   z ← √ᾱ' ẑ₀ + √(1 − ᾱ') ε̂ − ζ ∇_z ||y_i − B_i D(ẑ₀)||,
 * the data-consistency step of DPS (Chung et al.) through the decoder D, with the true blur B_i
 * (non-blind). An image waits, unchanged, until the loop reaches its start index. The full-length
 * baseline is the same solver with k_i = N and v_i = 1 (pure noise).
 */
import type { tf as TF } from '#harness/tf';
import type { Tf } from './training/mlp.js';
import { decode, epsilon, timeEmbedding } from './training/networks.js';
import type { DdimGrid } from './schedule.js';

export interface SolverModels {
  ae: Record<string, TF.Tensor>;
  eps: Record<string, TF.Tensor>;
  embedDim: number;
}

export interface Problem {
  /** Measurements [n, 64]. */
  y: TF.Tensor2D;
  /** Blur operators [n, 64, 64]. */
  B: TF.Tensor3D;
}

export interface Start {
  /** Start latents [n, d] (the caller disposes them). */
  z: TF.Tensor2D;
  /** DDIM steps per image, each in 1..N (0: keep the start latent as it is). */
  steps: readonly number[];
}

/** z = √(1 − v) ẑ + √v ε per row, v_i = min(1, c·variances_i); `noise` is [n, d]. */
export function startLatents(tf: Tf, zHat: TF.Tensor2D, noise: TF.Tensor2D, variances: readonly number[], correction: number): TF.Tensor2D {
  return tf.tidy(() => {
    const v = variances.map((s) => Math.min(1, correction * s));
    const keep = tf.tensor2d(v.map((x) => Math.sqrt(1 - x)), [v.length, 1]);
    const spread = tf.tensor2d(v.map((x) => Math.sqrt(x)), [v.length, 1]);
    return tf.add(tf.mul(zHat, keep), tf.mul(noise, spread)) as TF.Tensor2D;
  });
}

/** Σ_i ||y_i − B_i D(ẑ₀_i)||: separable over images, so its gradient is each image's own. */
function residualNorm(tf: Tf, m: SolverModels, p: Problem, z0: TF.Tensor2D): TF.Scalar {
  const x = decode(tf, m.ae, z0);
  const Bx = tf.reshape(tf.matMul(p.B, tf.expandDims(x, 2)), x.shape);
  return tf.sum(tf.sqrt(tf.add(tf.sum(tf.square(tf.sub(p.y, Bx)), 1), 1e-12))) as TF.Scalar;
}

/** Runs the solver; returns the final latents [n, d] (the caller disposes them). */
export function solve(tf: Tf, m: SolverModels, grid: DdimGrid, p: Problem, start: Start, dpsStep: number): TF.Tensor2D {
  const n = start.steps.length;
  const first = Math.max(0, ...start.steps);
  let z = tf.clone(start.z);
  for (let j = first; j >= 1; j--) {
    const [a, aPrev] = [grid.alphaBars[j], grid.alphaBars[j - 1]];
    const next = tf.tidy(() => {
      const emb = tf.tile(tf.tensor2d(timeEmbedding([grid.timesteps[j]], m.embedDim), [1, m.embedDim]), [n, 1]);
      const denoised = (zt: TF.Tensor2D) => {
        const e = epsilon(tf, m.eps, zt, emb);
        return { e, z0: tf.div(tf.sub(zt, tf.mul(e, Math.sqrt(1 - a))), Math.sqrt(a)) as TF.Tensor2D };
      };
      const { e, z0 } = denoised(z);
      let out = tf.add(tf.mul(z0, Math.sqrt(aPrev)), tf.mul(e, Math.sqrt(1 - aPrev)));
      if (dpsStep > 0) {
        const grad = tf.grad((zt: TF.Tensor) => residualNorm(tf, m, p, denoised(zt as TF.Tensor2D).z0))(z);
        out = tf.sub(out, tf.mul(grad, dpsStep));
      }
      const active = tf.tensor2d(start.steps.map((k) => (k >= j ? 1 : 0)), [n, 1]);
      return tf.add(z, tf.mul(active, tf.sub(out, z))) as TF.Tensor2D;
    });
    z.dispose();
    z = next;
  }
  return z;
}

/** Per-image pixel MSE of D(z) against the clean images x [n, 64]; also returns D(z). */
export function pixelErrors(tf: Tf, m: SolverModels, z: TF.Tensor2D, x: TF.Tensor2D): { mse: number[]; images: Float32Array } {
  const [mse, images] = tf.tidy(() => {
    const xHat = decode(tf, m.ae, z);
    return [tf.mean(tf.square(tf.sub(xHat, x)), 1), xHat];
  });
  const out = { mse: Array.from(mse.dataSync() as Float32Array), images: Float32Array.from(images.dataSync()) };
  mse.dispose();
  images.dispose();
  return out;
}
