/**
 * Under-determined recovery: a k-sparse x* from m < n measurements, gradient descent projected
 * onto the ℓ1 ball of radius ||x*||₁ (constraint 'l1'), or plain gradient descent ('none').
 */
import type { RunContext } from '#harness';
import { createRng, deriveSeed } from '#harness/random';
import { gaussianProblem, gradientDescent, plantedSignal } from './gaussian-model.js';
import { projectOntoL1Ball } from './l1-projection.js';
import type { Params } from './params.js';

/** A step smaller than this moves nothing a float64 relative error can see: stop. */
const STALL = 1e-12;

export function runSparse(ctx: RunContext<Params>): void {
  const p = ctx.params;
  for (const [index, seed] of ctx.seeds.entries()) {
    const rng = createRng(deriveSeed(seed, 2));
    const xStar = plantedSignal(p.sparse_n, p.signal_norm, rng, p.sparse_k);
    const radius = xStar.reduce((s, v) => s + Math.abs(v), 0);
    const problem = gaussianProblem(p.sparse_n, p.sparse_m, xStar, rng);
    const t: number[] = [];
    const e: number[] = [];
    const result = gradientDescent(problem, {
      step: p.sparse_step,
      iterations: p.sparse_iterations,
      indicator: p.indicator,
      project: p.constraint === 'l1' ? (x) => projectOntoL1Ball(x, radius) : undefined,
      stopBelow: p.sparse_tolerance,
      stallBelow: STALL,
      recordEvery: p.record_every,
      onRecord: (i, err) => { t.push(i); e.push(err); },
    });
    ctx.record.curve('sparse-relative-error', t, e, { seed });
    ctx.record.scalar('sparse-error', result.relativeError, { seed });
    ctx.log(`sparse (${p.constraint}): seed ${seed}: ${result.stopped} after ${result.iterations} steps, relative error ${result.relativeError.toExponential(2)}`);
    ctx.progress(index + 1, ctx.seeds.length, `sparse, seed ${seed}`);
  }
}
