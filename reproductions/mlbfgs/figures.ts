/**
 * The report's extra figures (default run only): full training loss against step and against
 * training time per method, as the mean over evaluation seeds with a min–max band; the tuning
 * sweep on the tuning seeds; measured against closed-form curvature noise over β.
 */
import { seriesChart, type XY } from '#harness/charts';
import type { RunContext } from '#harness';
import type { ChartSpec } from '#harness/types';
import { median } from '#harness/stats';
import { METHOD_LABELS, lrGrid, type Method } from './methods.js';
import { curvatureNoiseVariance } from './noise.js';
import type { Params } from './params.js';
import { names } from './records.js';
import { DIVERGED_LOSS } from './train.js';
import type { TrainingOutcome } from './training-experiment.js';

type Layer = Record<string, unknown> & { encoding?: Record<string, Record<string, unknown>> };
interface BandRow { x: number; lo: number; hi: number; series: string }

/** Add a shaded min–max band under each series of a seriesChart, coloured like its line. */
function withBands(spec: ChartSpec, rows: readonly BandRow[]): ChartSpec {
  const layers = spec.layer as Layer[];
  const data = layers.find((l) => l.encoding?.color?.field === 'series');
  if (!data?.encoding || rows.length === 0) return spec;
  const { x, y, color } = data.encoding;
  const band = { data: { values: rows }, mark: { type: 'area', opacity: 0.18 }, encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color } };
  return { ...spec, layer: [band, ...layers] };
}

/** Mean and min–max over seeds at each evaluation index, over the seeds not yet blown up there. */
function summarize(curves: { x: number[]; y: number[] }[], label: string): { points: XY[]; bands: BandRow[] } {
  const points: XY[] = [];
  const bands: BandRow[] = [];
  const length = Math.max(0, ...curves.map((c) => c.x.length));
  for (let i = 0; i < length; i++) {
    const here = curves.filter((c) => i < c.y.length && c.y[i] > 0 && c.y[i] <= DIVERGED_LOSS);
    if (here.length === 0) continue;
    const x = median(here.map((c) => c.x[i]));
    const ys = here.map((c) => c.y[i]);
    points.push({ x, y: ys.reduce((a, b) => a + b, 0) / ys.length, group: label });
    bands.push({ x, lo: Math.min(...ys), hi: Math.max(...ys), series: label });
  }
  return { points, bands };
}

export function recordTrainingFigures(ctx: RunContext<Params>, outcome: TrainingOutcome, stepMs: Partial<Record<Method, number>> | null): void {
  const p = ctx.params;
  const seeds = outcome.runs.map((r) => r.seed);
  const bySteps = p.methods.map((m) => summarize(outcome.runs.map((r) => ({ x: r.results[m]!.evalSteps, y: r.results[m]!.loss })), `${METHOD_LABELS[m]}, lr ${outcome.tuned[m]}`));
  ctx.record.figure({
    id: 'loss-vs-step',
    title: 'Full training loss against step',
    caption: `MLP ${p.hidden}-wide on the 8x8 digits, batch ${p.batch}; each method at the learning rate tuned on ${p.tuning_seeds} tuning seed(s); lines are means over seeds ${seeds.join(', ')} and bands the min–max across them (a diverged run leaves the band where it stops).`,
    chart: withBands(seriesChart({ title: 'Training loss vs step', xTitle: 'step', yTitle: 'full training loss', yLog: true, mark: 'line', points: bySteps.flatMap((s) => s.points) }), bySteps.flatMap((s) => s.bands)),
  });

  // Against time: measured training time (steps only), or steps × the benchmarked step time when benchmarked.
  const timeOf = (m: Method, r: { evalSteps: number[]; elapsedMs: number[] }) => (stepMs?.[m] !== undefined ? r.evalSteps.map((s) => (s * stepMs[m]!) / 1000) : r.elapsedMs.map((ms) => ms / 1000));
  const byTime = p.methods.map((m) => summarize(outcome.runs.map((r) => ({ x: timeOf(m, r.results[m]!), y: r.results[m]!.loss })), METHOD_LABELS[m]));
  // Timed: its x axis is CPU time measured on this machine (steps × the benchmarked time per step, or measured training time).
  ctx.record.figure({
    id: 'loss-vs-time',
    timed: true,
    title: 'Full training loss against training time',
    caption: stepMs
      ? `Time = step × the method's CPU time per step (lowest of 5 rounds' medians: ${p.methods.map((m) => `${m} ${stepMs[m]?.toFixed(3)} ms`).join(', ')}); evaluations excluded. Means over seeds with min–max bands.`
      : 'Time = measured training time (evaluations excluded), median across seeds at each evaluation. Means over seeds with min–max bands.',
    chart: withBands(seriesChart({ title: 'Training loss vs time', xTitle: 'training time (s)', yTitle: 'full training loss', yLog: true, mark: 'line', points: byTime.flatMap((s) => s.points) }), byTime.flatMap((s) => s.bands)),
  });

  const sweep: XY[] = p.methods.flatMap((m) => {
    const curves = ctx.record.series(names.tuningLoss(m));
    return curves.flatMap((curve) => lrGrid(p, m).map((lr, i) => ({ x: lr, y: curve.y[i] ?? Number.NaN, group: `${METHOD_LABELS[m]} (picked ${outcome.tuned[m]})` })));
  });
  ctx.record.figure({
    id: 'tuning',
    title: `Learning-rate sweep on ${p.tuning_seeds} tuning seed(s)`,
    caption: 'Final full training loss after the whole run, per learning rate of each grid and tuning seed (one point each); diverged runs are missing. The rate with the lowest worst case over the tuning seeds is used on the verdict seeds.',
    chart: seriesChart({ title: 'Final training loss vs learning rate (tuning seed)', xTitle: 'learning rate', yTitle: 'final training loss', xLog: true, yLog: true, mark: 'point', points: sweep }),
  });
}

export function recordNoiseFigure(ctx: RunContext<Params>): void {
  const p = ctx.params;
  const curves = ctx.record.series(names.curvatureNoise);
  const points: XY[] = curves.flatMap((c) => c.x.map((x, i) => ({ x, y: c.y[i], group: 'measured, one point per seed' })));
  const grid = Array.from({ length: 100 }, (_, i) => 0.99 * (i / 99));
  ctx.record.figure({
    id: 'curvature-noise',
    title: 'Curvature-pair noise against momentum β',
    caption: `Quadratic with d = ${p.noise_dim}, A = diag(logspace(0, −${p.noise_decades})), gradient noise σ = ${p.noise_sigma}${p.noise_correlation > 0 ? ` (AR(1), ρ = ${p.noise_correlation})` : ' (i.i.d.)'}, T = ${p.period}, ${p.noise_pairs} pairs per point: per-coordinate variance of y − A·s, against the closed form 2σ²(1−β)(1−β^T)/(1+β).`,
    chart: seriesChart({
      title: 'var(y − A s) vs β', xTitle: 'β', yTitle: 'per-coordinate variance', yLog: true, mark: 'point', points,
      references: [{ label: '2σ²(1−β)(1−β^T)/(1+β)', points: grid.map((b) => ({ x: b, y: curvatureNoiseVariance(p.noise_sigma, b, p.period) })) }],
    }),
  });
}
