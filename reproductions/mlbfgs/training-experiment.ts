/**
 * The digits part: tune each method's learning rate on the tuning seeds (tuningSeeds(n), never a
 * verdict seed), train every method on each verdict seed, and record loss curves, final losses and steps to each target L* (the
 * baseline's own full training loss at its last step).
 */
import { tuningSeeds, type RunContext } from '#harness';
import { median } from '#harness/stats';
import { loadDigitsSplit } from './data.js';
import { lrGrid, type Method } from './methods.js';
import type { Params } from './params.js';
import { names, type Target } from './records.js';
import { stepsToTarget, train, trainingSetup, tune, type TrainResult, type TrainingSetup } from './train.js';

export interface TrainingOutcome {
  setup: TrainingSetup;
  tuned: Partial<Record<Method, number>>;
  /** Per evaluation seed, each method's run. */
  runs: { seed: number; results: Partial<Record<Method, TrainResult>> }[];
}

/** Which methods are timed against which target. */
const TARGET_USERS: Record<Target, Method[]> = {
  sgd: ['sgd', 'adam', 'lbfgs', 'mlbfgs', 'mlbfgs-block'],
  adam: ['adam', 'mlbfgs'],
  mlbfgs: ['mlbfgs', 'mlbfgs-block'],
};

export function runTraining(ctx: RunContext<Params>): TrainingOutcome {
  const p = ctx.params;
  const setup = trainingSetup(p, loadDigitsSplit(ctx.root, p.test_fraction, p.split_seed));
  const tuning = tuningSeeds(p.tuning_seeds);
  const evalSeeds = ctx.seeds;
  const total = p.methods.reduce((s, m) => s + lrGrid(p, m).length * tuning.length, 0) + evalSeeds.length * p.methods.length;
  let done = 0;

  const tuned: Partial<Record<Method, number>> = {};
  for (const m of p.methods) {
    const grid = lrGrid(p, m);
    const { lr, worst, finalLoss } = tune(setup, m, grid, tuning);
    tuned[m] = lr;
    ctx.record.scalar(names.tunedLr(m), lr);
    for (const [i, seed] of tuning.entries()) {
      ctx.record.curve(names.tuningLoss(m), grid, finalLoss[i].map((l) => (Number.isFinite(l) ? l : Number.NaN)), { seed });
    }
    if (!Number.isFinite(Math.min(...worst))) ctx.log(`${m}: every learning rate of the grid diverged on a tuning seed; using ${lr}`);
    done += grid.length * tuning.length;
    ctx.progress(done, total, `tuned ${m}: lr ${lr}`);
  }

  const runs: TrainingOutcome['runs'] = [];
  for (const seed of evalSeeds) {
    const results: Partial<Record<Method, TrainResult>> = {};
    for (const m of p.methods) {
      const r = train(setup, m, tuned[m]!, seed, p.eval_every);
      results[m] = r;
      const tag = { seed };
      ctx.record.curve(names.trainLoss(m), r.evalSteps, r.loss, tag);
      ctx.record.scalar(names.finalLoss(m), r.finalLoss, tag);
      ctx.record.scalar(names.testAccuracy(m), r.testAccuracy, tag);
      if (r.diverged) ctx.log(`seed ${seed}: ${m} (lr ${r.lr}) diverged`);
      ctx.progress(++done, total, `seed ${seed}: ${m}`);
    }
    for (const target of Object.keys(TARGET_USERS) as Target[]) {
      const reference = results[target];
      if (!reference) continue;
      for (const m of TARGET_USERS[target]) {
        const r = results[m];
        if (r) ctx.record.scalar(names.stepsTo(target, m), stepsToTarget(r, reference.finalLoss), { seed });
      }
    }
    if (results.mlbfgs && results.lbfgs) {
      // A diverged run's final loss is +∞: a finite loss is below it.
      ctx.record.scalar(names.mlbfgsBelowLbfgs, results.mlbfgs.finalLoss < results.lbfgs.finalLoss ? 1 : 0, { seed });
    }
    runs.push({ seed, results });
  }
  for (const m of p.methods) {
    const finals = runs.map((r) => r.results[m]!);
    const finite = finals.filter((r) => !r.diverged);
    const med = (xs: number[]) => (xs.length ? median(xs) : Number.NaN);
    ctx.log(`${m} (lr ${tuned[m]}): median final training loss ${med(finite.map((r) => r.finalLoss)).toPrecision(3)}, median test accuracy ${med(finite.map((r) => r.testAccuracy)).toFixed(3)}, diverged on ${finals.length - finite.length} of ${finals.length} seeds`);
  }
  return { setup, tuned, runs };
}
