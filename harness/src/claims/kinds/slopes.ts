/**
 * Shared by the fitted-rate kinds (`power-law`, `exponential-rate`): one OLS fit per seed, then
 * the mean of the per-seed statistic with its t interval over seeds; a single curve is decided on
 * its own fit's slope interval. A fit with R² below `minR2` fails the claim's functional form.
 */
import { seriesChart, type SeriesOptions } from '../../charts/index.js';
import type { RecordView, SeriesData } from '../../record/recorder.js';
import { windowed, type LinearFit } from '../../stats/index.js';
import type { ChartSpec } from '../../types.js';
import { formatNumber, type Band } from '../band.js';
import { requireSeries, type Decision } from '../check.js';
import { decideEstimate, undecided } from '../decision.js';
import { curvePoints, meanOverSeeds, perSeedEvidence } from '../summarize.js';

export interface SeedFit { seed: number; fit: LinearFit | null; points: number }

/**
 * The curves of `series`, one fit per curve over the points `keep` selects (with the curve and its
 * window); no fit (null) where fewer than 3 points, or a single distinct x, remain.
 */
export function fitSeries<F extends LinearFit>(
  record: RecordView,
  series: string,
  keep: (x: number, y: number) => boolean,
  fit: (x: number[], y: number[]) => F,
) {
  const curves = requireSeries(record, series);
  const fits = curves.map((curve) => {
    const w = windowed(curve.x, curve.y, keep);
    return { curve, w, seed: curve.seed ?? 0, fit: w.x.length >= 3 && new Set(w.x).size > 1 ? fit(w.x, w.y) : null, points: w.x.length };
  });
  return { curves, fits };
}

/** The fitted-rate kinds' chart: every seed's curve of `series` as a line, on the claim's axis titles. */
export function fitChart(
  series: string,
  curves: readonly SeriesData[],
  axes: { xTitle?: string; yTitle?: string },
  o: Omit<SeriesOptions, 'xTitle' | 'yTitle' | 'points' | 'mark'>,
): ChartSpec {
  return seriesChart({ ...o, xTitle: axes.xTitle ?? 'x', yTitle: axes.yTitle ?? series, points: curvePoints(curves), mark: 'line' });
}

export interface SlopeDecisionInput {
  band: Band;
  threshold: string;
  /** "exponent", "per-step factor". */
  label: string;
  fits: readonly SeedFit[];
  /** The statistic of one fit, and the same map applied to a slope bound (monotone increasing). */
  statistic: (slope: number) => number;
  minR2: number;
  window: string;
  chart: Decision['chart'];
}

export function decideSlopes(input: SlopeDecisionInput): Decision {
  const { fits, band, label, minR2 } = input;
  const values = fits.map((f) => ({ seed: f.seed, value: f.fit ? input.statistic(f.fit.slope) : Number.NaN }));
  const r2 = fits.flatMap((f) => (f.fit ? [f.fit.r2] : []));
  const worstR2 = r2.length ? Math.min(...r2) : Number.NaN;
  const base = { threshold: input.threshold, band, n: fits.length, seeds: fits.map((f) => f.seed), perSeed: perSeedEvidence(values), chart: input.chart, details: { 'worst R² over seeds': worstR2, 'fit window': input.window, 'fewest points in the window': Math.min(...fits.map((f) => f.points)) } };
  const unfitted = fits.filter((f) => !f.fit);
  if (unfitted.length > 0) {
    return undecided('inconclusive', { ...base, method: 'OLS fit per seed', reason: `seeds ${unfitted.map((f) => `${f.seed} (${f.points} points)`).join(', ')} have fewer than 3 usable points in ${input.window}: no fit` });
  }
  if (minR2 > 0 && worstR2 < minR2) {
    return undecided('fail', { ...base, method: 'OLS fit per seed', statistic: worstR2, reason: `the worst seed's R² is ${formatNumber(worstR2)} < ${minR2}: the curve does not follow the claimed form over ${input.window}` });
  }
  if (fits.length === 1) {
    const only = fits[0].fit!;
    return decideEstimate({
      ...base,
      label,
      estimate: input.statistic(only.slope),
      interval: { lo: input.statistic(only.slopeCI[0]), hi: input.statistic(only.slopeCI[1]), method: `OLS over the ${only.n} points of one curve, 95% t interval of the slope (df = ${only.n - 2})` },
    });
  }
  const { estimate, interval } = meanOverSeeds(values);
  return decideEstimate({ ...base, label: `mean ${label} over seeds`, estimate, interval: { ...interval, method: `OLS fit per seed over ${input.window}; ${interval.method}` } });
}
