/**
 * The experiment: whichever of the four measurements `experiments` lists, in one run. Called by
 * the runner once per distinct params set; the default run does rate, threshold and metal (its
 * figures are the report's), controls narrow `experiments` to the one their claim reads.
 */
import { getTf } from '#harness/tf';
import type { RunContext } from '#harness';
import { runMetal } from './metal-experiment.js';
import type { Params } from './params.js';
import { runRate } from './rate-experiment.js';
import { runSparse } from './sparse-experiment.js';
import { runThreshold } from './threshold-experiment.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const wanted = new Set(ctx.params.experiments);
  if (wanted.has('rate')) runRate(ctx);
  if (wanted.has('sparse')) runSparse(ctx);
  if (wanted.has('threshold') || wanted.has('metal')) {
    const tf = await getTf();
    if (wanted.has('threshold')) runThreshold(ctx, tf);
    if (wanted.has('metal')) runMetal(ctx, tf);
  }
}
