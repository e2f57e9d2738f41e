/**
 * The report's extra figures (default run only): error vs p on a log axis with Monte-Carlo
 * means ± 2 SE over the closed forms and the thresholds marked; the median error over the
 * dense threshold grids; transfer K vs p; forgetting vs buffer size; the random-feature proxy.
 */
import { seriesChart, type XY } from '#harness/charts';
import type { RunContext } from '#harness';
import { withErrorBars, withVerticalRules, type ErrorBar } from './chart-layers.js';
import type { LinearTrial } from './linear-trial.js';
import { totalSamples, type Params, type Part } from './params.js';
import { deepGrid, replayRegimes, thresholdGrids } from './plan.js';
import { medianOf, meanSe } from './summary.js';
import { equicorrelatedTasks } from './tasks.js';
import { averageSingleTaskError, forgetting, mtlError, transfer, type TaskVector } from './theory.js';

/** Integer p, about 60 per decade-span, log-spaced over [lo, hi]. */
function logGrid(lo: number, hi: number, count = 120): number[] {
  const out = new Set<number>();
  for (let i = 0; i < count; i++) out.add(Math.round(lo * Math.pow(hi / lo, i / (count - 1))));
  return [...out];
}

interface Measured { label: string; points: { x: number; values: number[] }[] }

/** Means as points, ± 2 SE as bars. */
function meansAndBars(series: readonly Measured[]): { points: XY[]; bars: ErrorBar[] } {
  const points: XY[] = [];
  const bars: ErrorBar[] = [];
  for (const s of series) {
    for (const pt of s.points) {
      const { mean, se } = meanSe(pt.values);
      if (!Number.isFinite(mean)) continue;
      points.push({ x: pt.x, y: mean, group: s.label });
      bars.push({ x: pt.x, lo: mean - 2 * se, hi: mean + 2 * se, series: s.label });
    }
  }
  return { points, bars };
}

/** A closed form on a grid, without the p where it has no finite value or exceeds the cap (near a threshold it diverges). */
function curve(xs: readonly number[], f: (x: number) => number, cap: number): XY[] {
  return xs.map((x) => ({ x, y: f(x) })).filter((q) => Number.isFinite(q.y) && Math.abs(q.y) <= cap);
}

export function recordFigures(ctx: RunContext<Params>, parts: ReadonlySet<Part>, trials: readonly LinearTrial[], deepErrors: readonly number[][]): void {
  const p = ctx.params;
  const N = totalSamples(p);
  const family = (rho: number): TaskVector[] => equicorrelatedTasks(p.tasks, rho);
  const base = { n: p.n, sigma: p.sigma };
  const thresholds = [{ x: p.n, label: `n = ${p.n}` }, { x: N, label: `N = Tn = ${N}` }];
  const rhoLabel = (rho: number) => `ρ = ${rho}`;
  const perTrial = (key: 'single' | 'mtl', x: number, j: number) => trials.map((t) => t[key].get(x)![j]);

  if (parts.has('single') || parts.has('mtl')) {
    const singleP = [...new Set([...(parts.has('single') ? p.single_p : []), ...(parts.has('mtl') ? p.mtl_p : [])])].sort((a, b) => a - b);
    const measured: Measured[] = [{ label: 'single task (Monte-Carlo)', points: singleP.map((x) => ({ x, values: perTrial('single', x, 0) })) }];
    if (parts.has('mtl')) {
      [p.rho_similar, p.rho_dissimilar].forEach((rho, j) => measured.push({ label: `MTL ${rhoLabel(rho)} (Monte-Carlo)`, points: p.mtl_p.map((x) => ({ x, values: perTrial('mtl', x, j) })) }));
    }
    const { points, bars } = meansAndBars(measured);
    const cap = Math.max(2, 1.5 * Math.max(...points.map((q) => q.y)));
    const pMax = Math.max(...singleP) * 1.5;
    const grid = logGrid(p.tasks + 1, pMax);
    const single = (x: number) => averageSingleTaskError({ ...base, tasks: family(p.rho_similar), p: x });
    const references = [
      { label: 'single task, closed form (p < n)', points: curve(grid.filter((x) => x < p.n), single, cap) },
      { label: 'single task, closed form (p > n)', points: curve(grid.filter((x) => x > p.n), single, cap) },
      ...(parts.has('mtl') ? [p.rho_similar, p.rho_dissimilar].map((rho) => ({ label: `MTL ${rhoLabel(rho)}, closed form`, points: curve(grid.filter((x) => x > N), (x) => mtlError({ ...base, tasks: family(rho), p: x }), cap) })) : []),
    ];
    const chart = seriesChart({ title: 'Generalization error E||ŵ − w||² vs model size p', xTitle: 'p (parameters)', yTitle: 'error (mean over trials)', xLog: true, mark: 'point', points, references });
    ctx.record.figure({
      id: 'error-vs-p',
      title: 'Error vs model size: Monte-Carlo against the closed forms',
      caption: `Minimum-norm fits, T = ${p.tasks} tasks of n = ${p.n} samples, σ = ${p.sigma}, ${trials.length} trials; points are means with ±2 SE bars, dashed lines the paper's closed forms (cut where they exceed ${cap.toFixed(2)}); the dotted rules mark the interpolation thresholds p = n (single task) and p = N = Tn (multi-task).`,
      chart: withVerticalRules(withErrorBars(chart, bars), thresholds),
    });
  }

  if (parts.has('threshold')) {
    const grids = thresholdGrids(p);
    const points: XY[] = [
      ...grids.single.map((x) => ({ x, y: medianOf(perTrial('single', x, 0)), group: 'single task' })),
      ...grids.mtl.map((x) => ({ x, y: medianOf(perTrial('mtl', x, 0)), group: `MTL ${rhoLabel(p.rho_similar)} (${p.mtl_solver})` })),
    ];
    ctx.record.figure({
      id: 'threshold-medians',
      title: 'Median error over the dense p grids around the thresholds',
      caption: `Median over ${trials.length} trials of the error at every integer p within ${p.threshold_halfwidth} of n and of N; the claim locates the peak of each curve (its expected value is infinite at |p − threshold| ≤ 1).`,
      chart: withVerticalRules(seriesChart({ title: 'Median error vs p near the interpolation thresholds', xTitle: 'p (parameters)', yTitle: 'median error', xLog: true, yLog: true, mark: 'line', points }), thresholds),
    });
  }

  if (parts.has('mtl')) {
    const ps = p.mtl_p;
    const measured: Measured[] = [p.rho_similar, p.rho_dissimilar].map((rho, j) => ({
      label: `K, ${rhoLabel(rho)} (Monte-Carlo)`,
      points: ps.map((x) => ({ x, values: trials.map((t) => t.single.get(x)![j] - t.mtl.get(x)![j]) })),
    }));
    const { points, bars } = meansAndBars(measured);
    const grid = logGrid(N + 2, Math.max(...ps) * 1.5).filter((x) => x - N - 1 >= 5);
    const references = [p.rho_similar, p.rho_dissimilar].map((rho) => ({ label: `K, ${rhoLabel(rho)}, closed form`, points: curve(grid, (x) => transfer({ ...base, tasks: family(rho), p: x }), 10) }));
    const chart = seriesChart({ title: 'Knowledge transfer K = G_single − G_MTL vs p', xTitle: 'p (parameters)', yTitle: 'K', xLog: true, mark: 'point', points, references, band: { lo: 0, label: 'K = 0' } });
    ctx.record.figure({
      id: 'transfer-vs-p',
      title: 'Knowledge transfer vs model size, similar and dissimilar tasks',
      caption: `Per trial, the average single-task error minus the multi-task error on the same data; means ± 2 SE over ${trials.length} trials, closed forms dashed. K > 0: pooling the tasks helps.`,
      chart: withErrorBars(chart, bars),
    });
  }

  const regimes = replayRegimes(p, parts);
  if (regimes.length > 0) {
    const labelOf = (r: (typeof regimes)[number]) => `${r.name}: ${rhoLabel(r.rho)}, p = ${r.p}`;
    const measured: Measured[] = regimes.map((r) => ({
      label: labelOf(r),
      points: p.buffer_sizes.map((m, j) => ({ x: m, values: trials.map((t) => t.forgetting.get(r.name)![j]) })),
    }));
    const { points, bars } = meansAndBars(measured);
    const mGrid = Array.from({ length: 41 }, (_, i) => (p.buffer_sizes[p.buffer_sizes.length - 1] * i) / 40);
    const references = regimes.map((r) => ({ label: `${labelOf(r)}, closed form`, points: mGrid.map((m) => ({ x: m, y: forgetting({ ...base, m, tasks: family(r.rho), p: r.p }) })) }));
    const chart = seriesChart({ title: 'Forgetting F vs replay buffer size m', xTitle: 'm (buffered samples per earlier task)', yTitle: 'forgetting F', mark: 'point', points, references, band: { lo: 0, label: 'F = 0' } });
    ctx.record.figure({
      id: 'forgetting-vs-buffer',
      title: 'Forgetting vs buffer size: similar tasks far from and near the threshold, dissimilar tasks',
      caption: `F = (1/(T − 1)) Σ_{i<T} [E_T(i) − E_i(i)], means ± 2 SE over ${trials.length} trials; dashed: the closed form (evaluated at fractional m for the curve's shape).`,
      chart: withErrorBars(chart, bars),
    });
  }

  if (parts.has('deep') && deepErrors.length > 0) {
    const grid = deepGrid(p);
    const points = grid.map((x, j) => ({ x, y: medianOf(deepErrors.map((e) => e[j])), group: `random ReLU features (${p.mtl_solver})` }));
    ctx.record.figure({
      id: 'deep-proxy',
      title: 'Random ReLU features: median multi-task test error vs number of features',
      caption: `Frozen random ReLU features of a ${p.deep_input_dim}-dimensional input, minimum-norm readout on the ${p.mtl_solver} data of T = ${p.tasks} tasks; median over ${deepErrors.length} trials of the test error against noiseless targets.`,
      chart: withVerticalRules(seriesChart({ title: 'Random-feature proxy: median test error vs p', xTitle: 'p (features)', yTitle: 'median test error', yLog: true, mark: 'line', points }), [{ x: N, label: `N = ${N}` }]),
    });
  }
}
