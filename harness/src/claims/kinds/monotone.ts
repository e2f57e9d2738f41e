/**
 * `monotone-trend`: the mean of a metric over seeds moves strictly one way as a parameter
 * grows ("forgetting decreases with buffer size"). Kendall's tau of the means is reported.
 */
import { seriesChart } from '../../charts/index.js';
import { isStrictlyMonotone, kendallTau } from '../../stats/index.js';
import { formatNumber } from '../band.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import { curvePoints } from '../summarize.js';
import { groupByX } from './grouped.js';

export function trend(series: string, options: { xTitle?: string; yTitle?: string; xLog?: boolean } = {}) {
  return {
    monotone(direction: 'increasing' | 'decreasing'): Check {
      const threshold = `mean over seeds strictly ${direction} in x`;
      return {
        kind: 'monotone-trend',
        threshold,
        decide(record) {
          const curves = requireSeries(record, series);
          const groups = groupByX(curves);
          const means = groups.map((g) => g.mean);
          if (groups.length < 2 || means.some((m) => !Number.isFinite(m))) {
            return { verdict: 'inconclusive', method: 'means per x', statistic: null, threshold, n: groups.length, seeds: seedsOf(curves), reason: 'fewer than two parameter values, or non-finite means' };
          }
          const ok = isStrictlyMonotone(means, direction);
          const tau = kendallTau(groups.map((g) => g.x), means);
          return {
            verdict: ok ? 'pass' : 'fail',
            method: 'mean over seeds at each parameter value; strict monotonicity; Kendall tau of the means',
            statistic: tau,
            threshold,
            n: groups.length,
            seeds: seedsOf(curves),
            reason: `means ${means.map(formatNumber).join(' → ')} at x = ${groups.map((g) => g.x).join(', ')} ${ok ? 'are' : 'are not'} strictly ${direction}`,
            details: { kendallTau: tau },
            chart: seriesChart({
              title: `${series} vs parameter`,
              xTitle: options.xTitle ?? 'x',
              yTitle: options.yTitle ?? series,
              points: curvePoints(curves),
              mark: 'point',
              xLog: options.xLog,
              fit: { label: 'mean over seeds', points: groups.map((g) => ({ x: g.x, y: g.mean })) },
            }),
          };
        },
      };
    },
  };
}
