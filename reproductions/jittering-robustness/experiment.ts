/**
 * The experiment: the settings listed in `experiments` (linear denoising, deconvolution, the
 * nonlinear proxy), each recording the scalars and curves the claims read. Called by the runner
 * once per distinct params set; models already trained in this process are reused (memo.ts).
 */
import type { RunContext } from '#harness';
import { getTf } from '#harness/tf';
import { loadSampleImages } from '#datasets/real';
import { runDeconvolution } from './deconvolution-experiment.js';
import { runDenoising } from './denoising-experiment.js';
import { runNonlinear } from './nonlinear-experiment.js';
import type { Params } from './params.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  const total = p.experiments.length;
  // Fail before any training when the real images are missing or corrupt (the message names the
  // file and `dvc repro datasets`).
  const images = p.experiments.includes('nonlinear') ? loadSampleImages(ctx.root) : [];
  for (const [index, experiment] of p.experiments.entries()) {
    const started = performance.now();
    if (experiment === 'denoising') await runDenoising(ctx, await getTf());
    else if (experiment === 'deconvolution') await runDeconvolution(ctx);
    else await runNonlinear(ctx, await getTf(), images);
    ctx.log(`${experiment}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    ctx.progress(index + 1, total, experiment);
  }
}
