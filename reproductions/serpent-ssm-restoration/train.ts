/**
 * Training and testing S restoration models side by side (one per seed): MSE loss, Adam with a
 * cosine-decayed step size, fresh seeded batches every step.
 */
import type { tf as TF } from '#harness/tf';
import { FlatAdam } from '#harness';
import type { Pair } from './degrade.js';
import type { Models } from './model.js';

type Tf = typeof TF;

/** A source of training batches, [S, B, side, side] model-major (see data.ts's BatchStream). */
export interface Batches { next(batch: number): { degraded: Float32Array; clean: Float32Array } }

export interface TrainOptions {
  /** The number of steps, or with `converge` the cap (the cosine decay runs over it either way). */
  steps: number;
  batch: number;
  learningRate: number;
  side: number;
  /** Stop once the mean loss of the last `window` steps improved by < `tol` (relative) on the window before. */
  converge?: { window: number; tol: number };
}

/**
 * Relative improvement of the mean of the last `window` losses on the mean of the `window` before;
 * null while fewer than 2·window losses exist. Window means, since single batches are noisy.
 */
export function windowImprovement(losses: readonly number[], window: number): number | null {
  const n = losses.length;
  if (n < 2 * window) return null;
  let [before, last] = [0, 0];
  for (let i = n - 2 * window; i < n - window; i++) before += losses[i];
  for (let i = n - window; i < n; i++) last += losses[i];
  return (before - last) / before;
}

/** Trains in place; returns the loss (mean over seeds) at every step taken. */
export function train(tf: Tf, models: Models, stream: Batches, o: TrainOptions, onStep?: (step: number) => void): number[] {
  const S = models.seeds.length;
  const optimizer = new FlatAdam(tf, [...models.variables.values()]);
  const losses: number[] = [];
  try {
    for (let step = 0; step < o.steps; step++) {
      const { degraded, clean } = stream.next(o.batch);
      const shape: [number, number, number, number, number] = [S, o.batch, o.side, o.side, 1];
      const x = tf.tensor5d(degraded, shape);
      const y = tf.tensor5d(clean, shape);
      const cosine = 0.5 * (1 + Math.cos((Math.PI * step) / o.steps));
      // The sum over seeds of each seed's mean loss: each seed's gradient is its own.
      losses.push(optimizer.minimize(() => tf.mul(tf.mean(tf.square(tf.sub(models.apply(x), y))), S) as TF.Scalar, o.learningRate * cosine) / S);
      x.dispose();
      y.dispose();
      onStep?.(step + 1);
      if (o.converge) {
        const improvement = windowImprovement(losses, o.converge.window);
        if (improvement !== null && improvement < o.converge.tol) break;
      }
    }
  } finally {
    optimizer.dispose();
  }
  return losses;
}

/** The models' outputs on test pairs (pairs[s] for model s), in batches. */
export function restore(tf: Tf, models: Models, pairs: Pair[][], side: number, batch = 32): Float32Array[][] {
  const S = models.seeds.length;
  const count = pairs[0].length;
  const n = side * side;
  const out: Float32Array[][] = pairs.map(() => []);
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    const input = new Float32Array(S * size * n);
    for (let s = 0; s < S; s++) for (let b = 0; b < size; b++) input.set(pairs[s][start + b].degraded, (s * size + b) * n);
    const x = tf.tensor5d(input, [S, size, side, side, 1]);
    const y = models.infer(x);
    const values = y.dataSync();
    for (let s = 0; s < S; s++) for (let b = 0; b < size; b++) out[s].push(values.slice((s * size + b) * n, (s * size + b + 1) * n) as Float32Array);
    x.dispose();
    y.dispose();
  }
  return out;
}

/**
 * PSNR (peak 1) of a seed's whole test set: from the mean squared error over all its pixels, for
 * the restored images and for the degraded inputs. (An average of per-image PSNRs would be ruled by
 * the smooth images, where blur costs little and any restorer's small error counts in dB.)
 */
export function testPsnr(restored: Float32Array[], pairs: Pair[]): { restored: number; input: number } {
  const pooled = (estimate: (i: number) => ArrayLike<number>) => {
    let total = 0;
    let count = 0;
    pairs.forEach((p, i) => {
      const e = estimate(i);
      for (let k = 0; k < p.clean.length; k++) total += (e[k] - p.clean[k]) ** 2;
      count += p.clean.length;
    });
    return -10 * Math.log10(total / count);
  };
  return { restored: pooled((i) => restored[i]), input: pooled((i) => pairs[i].degraded) };
}
