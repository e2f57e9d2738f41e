/**
 * The experiment: whichever measurements `experiments` lists, in one run. The default run does
 * them all (its figures are the report's); controls narrow `experiments` to the one they need.
 */
import { getTf } from '#harness/tf';
import type { RunContext } from '#harness';
import { runFlops, runMemory, runParams, runTime } from './cost-experiments.js';
import type { Experiment, Params } from './params.js';
import { runReceptiveField } from './receptive-field.js';
import { runRestoration } from './restoration.js';
import { specsOf } from './specs.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const wanted = new Set(ctx.params.experiments);
  const specs = specsOf(ctx.params);
  const tf = await getTf();
  const steps: [Experiment, () => void | Promise<void>][] = [
    ['flops', () => runFlops(ctx, specs)],
    ['params', () => runParams(ctx, specs)],
    ['memory', () => runMemory(ctx, tf, specs)],
    ['rf', () => runReceptiveField(ctx, tf, specs)],
    ['deblur', () => runRestoration(ctx, tf, specs, 'deblur')],
    ['offset', () => runRestoration(ctx, tf, specs, 'offset')],
    // Last: by then the runner's other workers (the controls) are usually done, so the timings
    // share the machine with less of this reproduction's own work.
    ['time', () => runTime(ctx, tf, specs)],
  ];
  for (const [name, step] of steps) {
    if (!wanted.has(name)) continue;
    const start = performance.now();
    await step();
    ctx.log(`${name}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}
