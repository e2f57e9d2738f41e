/**
 * The three networks, as forward functions over tensors of weights:
 * - autoencoder: 64 → h → d (encoder), d → h → 64 (decoder); the latent is standardised
 *   (z = (enc(x) − μ)/s, per dimension, from the training set) so the diffusion prior sees unit scale;
 * - severity encoder: 64 → h → d + 1, the standardised ẑ and log σ̂²;
 * - ε-network: [z, time embedding] → H → H → d.
 */
import type { tf as TF } from '#harness/tf';
import { dense, silu, type Tf } from './mlp.js';

type P = Record<string, TF.Tensor>;

/** Standardised latent of images x [n, 64]. */
export function encode(tf: Tf, ae: P, x: TF.Tensor): TF.Tensor2D {
  const raw = dense(tf, ae, 'enc2', silu(tf, dense(tf, ae, 'enc1', x)));
  return tf.div(tf.sub(raw, ae['latent.mean']), ae['latent.std']) as TF.Tensor2D;
}

/** Image [n, 64] of standardised latents z [n, d]. */
export function decode(tf: Tf, ae: P, z: TF.Tensor): TF.Tensor2D {
  const raw = tf.add(tf.mul(z, ae['latent.std']), ae['latent.mean']);
  return dense(tf, ae, 'dec2', silu(tf, dense(tf, ae, 'dec1', raw)));
}

/** Raw (unstandardised) encoder output, for training the autoencoder. */
export function encodeRaw(tf: Tf, ae: P, x: TF.Tensor): TF.Tensor2D {
  return dense(tf, ae, 'enc2', silu(tf, dense(tf, ae, 'enc1', x)));
}

export function decodeRaw(tf: Tf, ae: P, h: TF.Tensor): TF.Tensor2D {
  return dense(tf, ae, 'dec2', silu(tf, dense(tf, ae, 'dec1', h)));
}

/** ẑ [n, d] and log σ̂² [n] of degraded images y [n, 64]. */
export function severity(tf: Tf, sev: P, y: TF.Tensor, latentDim: number): { zHat: TF.Tensor2D; logVar: TF.Tensor1D } {
  const out = dense(tf, sev, 'sev2', silu(tf, dense(tf, sev, 'sev1', y)));
  const [zHat, logVar] = tf.split(out, [latentDim, 1], 1);
  return { zHat: zHat as TF.Tensor2D, logVar: tf.reshape(logVar, [-1]) as TF.Tensor1D };
}

/** Sinusoidal embedding of integer steps t (dim/2 frequencies from 1 to 1/10000), as plain numbers. */
export function timeEmbedding(ts: ArrayLike<number>, dim: number): Float32Array {
  const half = dim / 2;
  const out = new Float32Array(ts.length * dim);
  for (let i = 0; i < ts.length; i++) {
    for (let k = 0; k < half; k++) {
      const angle = ts[i] * Math.exp((-Math.log(10000) * k) / half);
      out[i * dim + k] = Math.sin(angle);
      out[i * dim + half + k] = Math.cos(angle);
    }
  }
  return out;
}

/** ε̂(z_t, t) for latents z [n, d] and embeddings [n, e]. */
export function epsilon(tf: Tf, eps: P, z: TF.Tensor, embedding: TF.Tensor): TF.Tensor2D {
  const h1 = silu(tf, dense(tf, eps, 'eps1', tf.concat([z, embedding], 1)));
  const h2 = silu(tf, dense(tf, eps, 'eps2', h1));
  return dense(tf, eps, 'eps3', h2);
}
