/**
 * Geometric rate (and its too-few-measurements counterpart): float64 gradient descent on the
 * Gaussian model at m = rate_m_ratio·n, recording the relative error every `record_every` steps.
 */
import type { RunContext } from '#harness';
import { createRng, deriveSeed } from '#harness/random';
import { gaussianProblem, gradientDescent, plantedSignal } from './gaussian-model.js';
import type { Params } from './params.js';

/** Below this relative error float64 round-off dominates: the run stops, the rate is measured above it. */
export const ERROR_FLOOR = 1e-12;

export function runRate(ctx: RunContext<Params>): void {
  const p = ctx.params;
  const m = Math.round(p.rate_m_ratio * p.rate_n);
  for (const [index, seed] of ctx.seeds.entries()) {
    const rng = createRng(deriveSeed(seed, 1));
    const problem = gaussianProblem(p.rate_n, m, plantedSignal(p.rate_n, p.signal_norm, rng), rng);
    const t: number[] = [];
    const e: number[] = [];
    const result = gradientDescent(problem, {
      step: p.rate_step,
      iterations: p.rate_iterations,
      indicator: p.indicator,
      stopBelow: ERROR_FLOOR,
      recordEvery: p.record_every,
      onRecord: (i, err) => { t.push(i); e.push(err); },
    });
    ctx.record.curve('relative-error', t, e, { seed });
    // The error at the budget; a run stopped at the floor is below it for the rest of the budget too.
    ctx.record.scalar('error-at-budget', result.relativeError, { seed });
    ctx.log(`rate: seed ${seed}, n = ${p.rate_n}, m = ${m}: ${result.stopped} after ${result.iterations} steps, relative error ${result.relativeError.toExponential(2)}`);
    ctx.progress(index + 1, ctx.seeds.length, `rate, seed ${seed}`);
  }
}
