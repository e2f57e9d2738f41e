/**
 * The experiment: D2 (synthetic Gaussian pair, PCA-sign clustering against dimension) and D1
 * (8x8 digits, the proxy method against its baselines), each when `experiments` lists it.
 * Called by the runner once per distinct params set.
 */
import type { RunContext } from '#harness';
import { runDigits } from './digits-experiment.js';
import type { Params } from './params.js';
import { runSynthetic } from './synthetic-experiment.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  if (p.experiments.includes('synthetic')) {
    // One seed per Monte-Carlo trial, from the run's first seed on (so `repro verify --seeds` shifts them too).
    runSynthetic(ctx, ctx.seeds[0] ?? 0);
  }
  if (p.experiments.includes('digits')) await runDigits(ctx);
}
