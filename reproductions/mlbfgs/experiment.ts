/**
 * The experiment: the curvature-noise study on a quadratic, the digits training comparison, and
 * the per-step benchmark, each run only when `parts` names it (control runs name only what they
 * perturb). Called by the runner once per distinct params set.
 */
import type { RunContext } from '#harness';
import { benchSteps, modelledOverhead } from './bench.js';
import { recordNoiseFigure, recordTrainingFigures } from './figures.js';
import { runNoise } from './noise-experiment.js';
import type { Params } from './params.js';
import { names } from './records.js';
import { runTraining } from './training-experiment.js';

export async function run(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  const parts = new Set(p.parts);
  if (parts.has('noise')) {
    runNoise(ctx);
    recordNoiseFigure(ctx);
  }
  if (!parts.has('training')) return;
  const outcome = runTraining(ctx);
  let stepMs: Awaited<ReturnType<typeof benchSteps>> | null = null;
  if (parts.has('bench')) {
    // Benchmarked on the first evaluation seed's draws; the step's cost does not depend on the seed.
    stepMs = await benchSteps(p, outcome.setup, outcome.tuned, outcome.runs[0].seed);
    for (const m of p.methods) ctx.record.scalar(names.stepMs(m), stepMs[m]!);
    ctx.record.scalar(names.overheadMeasured, stepMs.mlbfgs! / stepMs.sgd! - 1);
    ctx.record.scalar(names.overheadModel, modelledOverhead(p.history, p.batch));
    // Time to SGD's target = steps to it × the benchmarked time per step (∞ stays ∞).
    for (const m of ['sgd', 'mlbfgs'] as const) {
      for (const v of ctx.record.scalars(names.stepsTo('sgd', m))) {
        ctx.record.scalar(names.secondsTo('sgd', m), (v.value * stepMs[m]!) / 1000, { seed: v.seed ?? undefined });
      }
    }
    ctx.log(`step time (ms): ${p.methods.map((m) => `${m} ${stepMs![m]!.toFixed(3)}`).join(', ')}; mL-BFGS overhead measured ${(stepMs.mlbfgs! / stepMs.sgd! - 1).toFixed(3)}, modelled ${modelledOverhead(p.history, p.batch).toFixed(3)}`);
  }
  recordTrainingFigures(ctx, outcome, stepMs);
}
