/**
 * `correlation`: rank (Spearman) or linear (Pearson) correlation between the x and y of a
 * recorded series, pooled over seeds, with a seeded percentile-bootstrap 95% interval.
 */
import { seriesChart } from '../../charts/index.js';
import { bootstrapPairedCI, pearson, spearman } from '../../stats/index.js';
import { bandText, decideInterval, formatNumber, type Band } from '../band.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import { curvePoints } from '../summarize.js';

export function correlation(series: string, options: { method?: 'spearman' | 'pearson'; xTitle?: string; yTitle?: string } = {}) {
  const method = options.method ?? 'spearman';
  const coefficient = method === 'spearman' ? spearman : pearson;
  return {
    within(band: Band): Check {
      const threshold = `95% CI of ${method} correlation ${bandText(band)}`;
      return {
        kind: 'correlation',
        threshold,
        decide(record) {
          const curves = requireSeries(record, series);
          const xs = curves.flatMap((c) => c.x);
          const ys = curves.flatMap((c) => c.y);
          const keep = xs.map((x, i) => Number.isFinite(x) && Number.isFinite(ys[i]));
          const x = xs.filter((_, i) => keep[i]);
          const y = ys.filter((_, i) => keep[i]);
          if (x.length < 4) {
            return { verdict: 'inconclusive', method, statistic: null, threshold, n: x.length, seeds: seedsOf(curves), reason: `only ${x.length} finite pairs` };
          }
          const estimate = coefficient(x, y);
          const interval = bootstrapPairedCI(x, y, coefficient, { seed: 0 });
          const ci: [number, number] = [interval.lo, interval.hi];
          return {
            verdict: decideInterval(ci, band),
            method: `${method} correlation over pooled pairs, percentile bootstrap 95% CI (2000 resamples, seed 0)`,
            statistic: estimate,
            ci,
            alpha: 0.05,
            threshold,
            n: x.length,
            seeds: seedsOf(curves),
            reason: `${method} ρ = ${formatNumber(estimate)}, CI [${ci.map(formatNumber).join(', ')}], threshold ${bandText(band)}`,
            chart: seriesChart({
              title: `${series} (${method} ρ = ${formatNumber(estimate)})`,
              xTitle: options.xTitle ?? 'x',
              yTitle: options.yTitle ?? 'y',
              points: curvePoints(curves),
              mark: 'point',
            }),
          };
        },
      };
    },
  };
}
