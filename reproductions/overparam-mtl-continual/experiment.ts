/**
 * The experiment: Monte-Carlo trials (one per seed) of minimum-norm fits in float64, recording
 * per-trial errors for the claims and, after the last trial, the closed forms, medians, peaks
 * and figures. Only the parts named in `parts` run, so a control pays only for what it perturbs.
 */
import type { RunContext } from '#harness';
import { recordSummaries } from './aggregate.js';
import { runDeepTrial } from './deep-proxy.js';
import { runLinearTrial, type LinearTrial } from './linear-trial.js';
import type { Params, Part } from './params.js';
import { deepPlan, linearPlan, thresholdGrids } from './plan.js';

/** Per-trial records: what the claims are decided on, one seed per trial. */
function recordTrial(ctx: RunContext<Params>, parts: ReadonlySet<Part>, trial: LinearTrial, seed: number): void {
  const p = ctx.params;
  const tag = { seed };
  const at = (m: Map<number, number[]>, x: number, j: number) => m.get(x)![j];
  if (parts.has('single')) ctx.record.curve('single-error', p.single_p, p.single_p.map((x) => at(trial.single, x, 0)), tag);
  if (parts.has('mtl')) {
    ctx.record.curve('mtl-error-similar', p.mtl_p, p.mtl_p.map((x) => at(trial.mtl, x, 0)), tag);
    ctx.record.curve('mtl-error-dissimilar', p.mtl_p, p.mtl_p.map((x) => at(trial.mtl, x, 1)), tag);
  }
  if (parts.has('threshold')) {
    const grids = thresholdGrids(p);
    ctx.record.curve('threshold-single-error', grids.single, grids.single.map((x) => at(trial.single, x, 0)), tag);
    ctx.record.curve('threshold-mtl-error', grids.mtl, grids.mtl.map((x) => at(trial.mtl, x, 0)), tag);
  }
  if (parts.has('transfer')) {
    const x = p.transfer_p;
    ctx.record.scalar('transfer-similar', at(trial.single, x, 0) - at(trial.mtl, x, 0), tag);
    ctx.record.scalar('transfer-dissimilar', at(trial.single, x, 1) - at(trial.mtl, x, 1), tag);
  }
  for (const [name, F] of trial.forgetting) {
    ctx.record.curve(`forgetting-${name}-trials`, p.buffer_sizes, F, tag);
    // The near-threshold claim compares the largest buffer with none, trial by trial.
    if (name === 'near') ctx.record.scalar('forgetting-near-excess', F[F.length - 1] - F[0], tag);
  }
}

export async function run(ctx: RunContext<Params>): Promise<void> {
  const p = ctx.params;
  const parts = new Set<Part>(p.parts);
  const linear = linearPlan(p, parts);
  const deep = parts.has('deep') ? deepPlan(p) : null;
  const trials: LinearTrial[] = [];
  const deepErrors: number[][] = [];
  for (const [index, seed] of ctx.seeds.entries()) {
    if (linear) {
      const trial = runLinearTrial(linear, seed);
      recordTrial(ctx, parts, trial, seed);
      trials.push(trial);
    }
    if (deep) {
      const errors = runDeepTrial(deep, seed);
      ctx.record.curve('deep-error', deep.grid, errors, { seed });
      deepErrors.push(errors);
    }
    ctx.progress(index + 1, ctx.seeds.length, `trial ${seed}`);
  }
  recordSummaries(ctx, parts, trials, deepErrors);
}
