/**
 * The width sweep: the smallest width m* at which frozen features reach the target downstream
 * accuracy, per d and seed. Random features use the first m rows of one W₀ (nested widths);
 * learned features are trained afresh at each width (T tasks, the same data). A seed whose
 * features never reach the target within the sweep is censored at twice the largest width.
 */
import type { RunContext } from '#harness';
import { TARGET_ACCURACY } from './claims.js';
import { makeProblem, taskBatch, xorData, type TaskBatch } from './data.js';
import { evaluateFeatures, type FeatureJob } from './downstream.js';
import type { Tf } from './network.js';
import type { Params } from './params.js';
import { learnFirstLayer } from './upstream.js';

/** log₂ of the first width whose accuracy reaches the target, or of 2·max width when none does. */
export function log2WidthNeeded(widths: readonly number[], accuracies: readonly number[], target: number): number {
  const i = accuracies.findIndex((a) => a >= target);
  return Math.log2(i >= 0 ? widths[i] : 2 * widths[widths.length - 1]);
}

export async function runWidthSweep(ctx: RunContext<Params>, tf: Tf): Promise<void> {
  const p = ctx.params;
  const widths = p.sweep_widths;
  const maxWidth = widths[widths.length - 1];
  const steps = { headLr: p.head_lr, lr: p.lr };
  let done = 0;
  for (const d of p.sweep_dims) {
    const n = Math.round(p.samples_per_dim * d);
    const setups = ctx.seeds.map((seed) => {
      const problem = makeProblem(seed, d, p.rank, maxWidth);
      const batch: TaskBatch | null = p.features === 'learned' ? taskBatch(problem, p.tasks, n, p.labels) : null;
      return { seed, problem, batch, data: xorData(problem, p.sweep_train, p.downstream_test) };
    });
    const accuracy = new Map<number, number[]>(ctx.seeds.map((s) => [s, []]));
    for (const width of widths) {
      const jobs: FeatureJob[] = setups.map(({ problem, batch, data }) => {
        const W0 = problem.W0.subarray(0, width * d);
        return { W: batch ? learnFirstLayer(tf, problem, batch, p.tasks, steps, W0) : W0, data };
      });
      const fit = evaluateFeatures(tf, jobs, p.l2);
      if (fit.unconverged > 0) ctx.log(`d = ${d}, width ${width}: ${fit.unconverged} logistic fits did not converge`);
      setups.forEach(({ seed }, i) => {
        accuracy.get(seed)!.push(fit.testAccuracy[i]);
        ctx.record.point(`sweep-accuracy-d${d}`, width, fit.testAccuracy[i], { seed });
      });
      ctx.progress(++done, p.sweep_dims.length * widths.length, `d = ${d}, width ${width}`);
    }
    for (const { seed } of setups) {
      const value = log2WidthNeeded(widths, accuracy.get(seed)!, TARGET_ACCURACY);
      ctx.record.point('log2-width-needed', d, value, { seed });
    }
    ctx.log(`d = ${d}: log2 m* per seed ${setups.map(({ seed }) => log2WidthNeeded(widths, accuracy.get(seed)!, TARGET_ACCURACY)).join(', ')} (${Math.log2(2 * maxWidth)} = censored)`);
  }
}
