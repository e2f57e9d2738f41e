/**
 * The experiment: the main multi-task run (multitask.ts) or the width sweep (sweep.ts), chosen
 * by `experiment`. Called by the runner once per distinct params set.
 */
import { getTf } from '#harness/tf';
import type { RunContext } from '#harness';
import { runMultitask } from './multitask.js';
import type { Params } from './params.js';
import { runWidthSweep } from './sweep.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const tf = await getTf();
  const before = tf.memory().numTensors;
  if (ctx.params.experiment === 'width-sweep') await runWidthSweep(ctx, tf);
  else await runMultitask(ctx, tf);
  const leaked = tf.memory().numTensors - before;
  if (leaked !== 0) ctx.log(`warning: ${leaked} tfjs tensors were left undisposed`);
}
