/**
 * Receptive field: the gradient of the centre output pixel with respect to every input pixel, for
 * S models at once (their outputs are independent, so the gradient of the sum separates). A pixel
 * is inside the field when |∂y_c/∂x| > 1e-6 · max; the share of such pixels is the measure.
 */
import type { tf as TF } from '#harness/tf';
import { createRng, deriveSeed } from '#harness/random';
import type { RunContext } from '#harness';
import type { ModelSpec } from './architecture.js';
import { STREAM } from './data.js';
import { receptiveFieldFigure } from './figures.js';
import { createModels } from './model.js';
import type { Params } from './params.js';
import type { Specs } from './specs.js';

type Tf = typeof TF;

export const RF_RELATIVE_THRESHOLD = 1e-6;

/**
 * |∂y_centre/∂x| per seed, on a seeded random probe image of side × side, at a random
 * initialization (the output layer drawn like the others: zeroed, the network would be the identity).
 */
export function centreGradients(tf: Tf, spec: ModelSpec, seeds: readonly number[], side: number): Float32Array[] {
  const S = seeds.length;
  const n = side * side;
  const probe = new Float32Array(S * n);
  seeds.forEach((seed, s) => {
    const rng = createRng(deriveSeed(seed, STREAM.probe));
    for (let i = 0; i < n; i++) probe[s * n + i] = rng.next();
  });
  const models = createModels(tf, spec, seeds, { zeroOutput: false });
  const x = tf.tensor5d(probe, [S, 1, side, side, 1]);
  const c = side >> 1;
  try {
    const g = tf.grad((input: TF.Tensor) => tf.sum(tf.slice(models.apply(input as TF.Tensor5D), [0, 0, c, c, 0], [S, 1, 1, 1, 1])))(x);
    const values = g.dataSync() as Float32Array;
    g.dispose();
    return seeds.map((_, s) => values.slice(s * n, (s + 1) * n));
  } finally {
    x.dispose();
    models.dispose();
  }
}

/** Pixels whose gradient exceeds 1e-6 of the largest. */
export function fieldSize(gradient: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < gradient.length; i++) max = Math.max(max, Math.abs(gradient[i]));
  let count = 0;
  for (let i = 0; i < gradient.length; i++) if (Math.abs(gradient[i]) > RF_RELATIVE_THRESHOLD * max) count++;
  return count;
}

export function runReceptiveField(ctx: RunContext<Params>, tf: Tf, specs: Specs): void {
  const p = ctx.params;
  const side = p.rf_side;
  const probed = p.rf_model === 'serpent' ? specs.serpent : specs.cnn;
  const gradients = centreGradients(tf, probed, ctx.seeds, side);
  gradients.forEach((g, s) => {
    const seed = ctx.seeds[s];
    ctx.record.scalar('rf-share', fieldSize(g) / (side * side), { seed });
    ctx.record.scalar('rf-pixels', fieldSize(g), { seed });
  });
  const name = p.rf_model === 'serpent' ? 'SerpentLite (proxy)' : `CNN (${specs.cnn.depth} layers)`;
  ctx.record.figure(receptiveFieldFigure(`rf-${p.rf_model}`, `Receptive field of ${name}, ${side}x${side}, seed ${ctx.seeds[0]}`, gradients[0], side));
  if (p.rf_model === 'serpent') {
    // The CNN baseline's map beside it, for the report.
    const [cnnGradient] = centreGradients(tf, specs.cnn, [ctx.seeds[0]], side);
    ctx.record.scalar('rf-share-cnn', fieldSize(cnnGradient) / (side * side));
    ctx.record.figure(receptiveFieldFigure('rf-cnn', `Receptive field of the CNN baseline (${specs.cnn.depth} layers), ${side}x${side}, seed ${ctx.seeds[0]}`, cnnGradient, side));
  }
}
