/**
 * After the last trial: the closed forms at the measured p, the medians and peaks of the
 * threshold grids, the mean forgetting per buffer size, and the report's figures. Everything is
 * recorded with seed null (one value over all trials).
 */
import type { RunContext } from '#harness';
import { deepGrid, replayRegimes, thresholdGrids } from './plan.js';
import { recordFigures } from './figures.js';
import type { LinearTrial } from './linear-trial.js';
import { totalSamples, type Params, type Part } from './params.js';
import { argmax, medianOf } from './summary.js';
import { equicorrelatedTasks } from './tasks.js';
import { averageSingleTaskError, forgetting, mtlError, transfer } from './theory.js';

export function recordSummaries(ctx: RunContext<Params>, parts: ReadonlySet<Part>, trials: readonly LinearTrial[], deepErrors: readonly number[][]): void {
  const p = ctx.params;
  const N = totalSamples(p);
  const family = (rho: number) => equicorrelatedTasks(p.tasks, rho);
  const theory = { n: p.n, sigma: p.sigma };
  const { record } = ctx;

  if (parts.has('single')) {
    record.curve('single-theory', p.single_p, p.single_p.map((x) => averageSingleTaskError({ ...theory, tasks: family(p.rho_similar), p: x })));
  }
  if (parts.has('mtl')) {
    record.curve('mtl-theory-similar', p.mtl_p, p.mtl_p.map((x) => mtlError({ ...theory, tasks: family(p.rho_similar), p: x })));
    record.curve('mtl-theory-dissimilar', p.mtl_p, p.mtl_p.map((x) => mtlError({ ...theory, tasks: family(p.rho_dissimilar), p: x })));
  }
  if (parts.has('threshold')) {
    const grids = thresholdGrids(p);
    const singleMedian = grids.single.map((x) => medianOf(trials.map((t) => t.single.get(x)![0])));
    const mtlMedian = grids.mtl.map((x) => medianOf(trials.map((t) => t.mtl.get(x)![0])));
    record.curve('threshold-single-median', grids.single, singleMedian);
    record.curve('threshold-mtl-median', grids.mtl, mtlMedian);
    record.scalar('single-peak-offset', argmax(grids.single, singleMedian) - p.n);
    record.scalar('mtl-peak-offset', argmax(grids.mtl, mtlMedian) - N);
  }
  if (parts.has('transfer')) {
    record.scalar('transfer-theory-similar', transfer({ ...theory, tasks: family(p.rho_similar), p: p.transfer_p }));
    record.scalar('transfer-theory-dissimilar', transfer({ ...theory, tasks: family(p.rho_dissimilar), p: p.transfer_p }));
  }
  for (const regime of replayRegimes(p, parts)) {
    const perTrial = trials.map((t) => t.forgetting.get(regime.name)!);
    const means = p.buffer_sizes.map((_, j) => perTrial.reduce((s, F) => s + F[j], 0) / perTrial.length);
    record.curve(`forgetting-${regime.name}`, p.buffer_sizes, means);
    record.curve(`forgetting-${regime.name}-theory`, p.buffer_sizes, p.buffer_sizes.map((m) => forgetting({ ...theory, m, tasks: family(regime.rho), p: regime.p })));
  }
  if (parts.has('deep')) {
    const grid = deepGrid(p);
    const median = grid.map((_, j) => medianOf(deepErrors.map((e) => e[j])));
    record.curve('deep-median-error', grid, median);
    record.scalar('deep-peak-ratio', argmax(grid, median) / N);
  }
  recordFigures(ctx, parts, trials, deepErrors);
}
