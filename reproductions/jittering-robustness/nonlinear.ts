/**
 * The nonlinear proxy of the paper's U-net experiments: a small residual convolutional denoiser
 * (conv3x3 → ReLU → conv3x3 → ReLU → conv3x3, output y − g(y), as in DnCNN) trained on patches of
 * real grayscale images with Gaussian noise, and attacked by ℓ2 PGD (K normalised-gradient steps
 * of 2.5ε/K from δ = 0, projected per sample onto ||δ|| ≤ ε).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { createRng } from '#harness/random';
import { GaussianStream } from './gaussian.js';
import { samplePatches, type PatchSource } from './patches.js';

type Tf = typeof tfc;

/** The trained parameters as plain arrays (kernels HWIO, then biases), so they can be cached and rebuilt. */
export interface DenoiserWeights { channels: number; values: Float32Array[] }

/** One flat parameter vector: Adam then updates a single tensor per step instead of five (dispatch-bound). */
interface Net { params: tfc.Variable; apply(y: tfc.Tensor4D): tfc.Tensor4D }

function shapes(channels: number): number[][] {
  return [[3, 3, 1, channels], [channels], [3, 3, channels, channels], [channels], [3, 3, channels, 1]];
}

function flatten(weights: DenoiserWeights): Float32Array {
  const out = new Float32Array(weights.values.reduce((s, v) => s + v.length, 0));
  let at = 0;
  for (const v of weights.values) {
    out.set(v, at);
    at += v.length;
  }
  return out;
}

function unflatten(channels: number, flat: Float32Array): DenoiserWeights {
  let at = 0;
  const values = shapes(channels).map((shape) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const v = flat.slice(at, at + size);
    at += size;
    return v;
  });
  return { channels, values };
}

function build(tf: Tf, weights: DenoiserWeights): Net {
  // tf.variable keeps its initial tensor alive as a separate tensor: dispose it.
  const init = tf.tensor1d(flatten(weights));
  const params = tf.variable(init);
  init.dispose();
  const layout = shapes(weights.channels);
  return {
    params,
    apply: (y) =>
      tf.tidy(() => {
        let at = 0;
        const [k1, b1, k2, b2, k3] = layout.map((shape) => {
          const size = shape.reduce((a, b) => a * b, 1);
          const part = tf.reshape(tf.slice(params, at, size), shape);
          at += size;
          return part;
        });
        const h1 = tf.relu(tf.add(tf.conv2d(y, k1 as tfc.Tensor4D, 1, 'same'), b1)) as tfc.Tensor4D;
        const h2 = tf.relu(tf.add(tf.conv2d(h1, k2 as tfc.Tensor4D, 1, 'same'), b2)) as tfc.Tensor4D;
        return tf.sub(y, tf.conv2d(h2, k3 as tfc.Tensor4D, 1, 'same'));
      }),
  };
}

/** He-normal kernels, zero biases, from a seed; the last layer starts small so f starts near the identity. */
export function initialWeights(channels: number, seed: number): DenoiserWeights {
  const stream = new GaussianStream(seed);
  const values = shapes(channels).map((shape, i) => {
    const size = shape.reduce((a, b) => a * b, 1);
    if (shape.length === 1) return new Float32Array(size);
    const fanIn = shape[0] * shape[1] * shape[2];
    const scale = i === 4 ? 0.1 * Math.sqrt(2 / fanIn) : Math.sqrt(2 / fanIn);
    return stream.fill(new Float32Array(size), scale);
  });
  return { channels, values };
}

export interface DenoiserTraining {
  steps: number;
  batch: number;
  /** Adam step size at the start; decays geometrically to lr/10 at the last step. */
  lr: number;
  /** Std of the Gaussian noise added to the training inputs (σ, or √(σ² + σ_w²) when jittering). */
  inputNoiseStd: number;
  /** Called after every step (tests watch tf.memory() with it). */
  onStep?: (step: number) => void;
}

/** Adam on fresh random patches and fresh noise each step, with a geometric step-size decay (lr → lr/10). */
export async function trainDenoiser(tf: Tf, src: PatchSource, start: DenoiserWeights, o: DenoiserTraining, seed: number): Promise<DenoiserWeights> {
  const net = build(tf, start);
  const optimizer = tf.train.adam(o.lr);
  const rng = createRng(seed);
  const noise = new GaussianStream(seed ^ 0x5bd1e995);
  const s = src.size;
  const clean = new Float32Array(o.batch * s * s);
  const z = new Float32Array(o.batch * s * s);
  // AdamOptimizer reads its public `learningRate` field on every update.
  const schedule = optimizer as unknown as { learningRate: number };
  for (let t = 0; t < o.steps; t++) {
    schedule.learningRate = o.lr * Math.pow(0.1, o.steps > 1 ? t / (o.steps - 1) : 0);
    samplePatches(src, 'train', o.batch, rng, clean);
    noise.fill(z, o.inputNoiseStd);
    tf.tidy(() => {
      const x = tf.tensor4d(clean, [o.batch, s, s, 1]);
      const y = tf.add(x, tf.tensor4d(z, [o.batch, s, s, 1])) as tfc.Tensor4D;
      optimizer.minimize(() => tf.mean(tf.squaredDifference(net.apply(y), x)) as tfc.Scalar, false, [net.params]);
    });
    o.onStep?.(t + 1);
  }
  const trained = unflatten(start.channels, Float32Array.from(await net.params.data()));
  optimizer.dispose();
  net.params.dispose();
  return trained;
}

export interface AttackResult {
  /** Per-sample ||f(y + δ*) − x||² / pixels (PGD's δ*; δ = 0 when ε = 0). */
  perSample: Float64Array;
  /** The attacked outputs and the perturbed inputs, for display. */
  outputs: Float32Array;
  inputs: Float32Array;
}

/**
 * ℓ2 PGD against f on a batch (x, y) [N, h, w, 1]: K steps along the per-sample normalised gradient
 * of ||f(y + δ) − x||², each projected onto ||δ|| ≤ ε.
 */
export async function attackDenoiser(tf: Tf, weights: DenoiserWeights, x: Float32Array, y: Float32Array, shape: [number, number, number], eps: number, iters: number, stepFactor: number): Promise<AttackResult> {
  const net = build(tf, weights);
  const [N, h, w] = shape;
  const X = tf.tensor4d(x, [N, h, w, 1]);
  const Y = tf.tensor4d(y, [N, h, w, 1]);
  const loss = (delta: tfc.Tensor) => tf.sum(tf.squaredDifference(net.apply(tf.add(Y, delta) as tfc.Tensor4D), X));
  const grad = tf.grad(loss);
  let delta = tf.zerosLike(Y) as tfc.Tensor;
  const step = (stepFactor * eps) / Math.max(1, iters);
  for (let k = 0; k < iters && eps > 0; k++) {
    const next = tf.tidy(() => {
      const g = grad(delta);
      const gNorm = tf.sqrt(tf.add(tf.sum(tf.square(g), [1, 2, 3], true), 1e-20));
      const moved = tf.add(delta, tf.mul(tf.div(g, gNorm), step));
      const dNorm = tf.sqrt(tf.add(tf.sum(tf.square(moved), [1, 2, 3], true), 1e-20));
      return tf.mul(moved, tf.minimum(1, tf.div(eps, dNorm)));
    });
    delta.dispose();
    delta = next;
  }
  const [errors, outputs, inputs] = tf.tidy(() => {
    const input = tf.add(Y, delta) as tfc.Tensor4D;
    const out = net.apply(input);
    return [tf.div(tf.sum(tf.squaredDifference(out, X), [1, 2, 3]), h * w), out, input];
  });
  const result: AttackResult = {
    perSample: Float64Array.from(await errors.data()),
    outputs: Float32Array.from(await outputs.data()),
    inputs: Float32Array.from(await inputs.data()),
  };
  tf.dispose([X, Y, delta, errors, outputs, inputs, net.params]);
  return result;
}
