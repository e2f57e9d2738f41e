/**
 * `report-only`: a measurement shown without a test, because no clean test of the sentence
 * was derived. Always `inconclusive`, so it can never count as reproduced.
 */
import { seriesChart } from '../../charts/index.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import { curvePoints } from '../summarize.js';

export function reportOnly(series: string, reason: string, options: { xTitle?: string; yTitle?: string; xLog?: boolean; yLog?: boolean } = {}): Check {
  return {
    kind: 'report-only',
    threshold: 'none (report only)',
    decide(record) {
      const curves = requireSeries(record, series);
      return {
        verdict: 'inconclusive',
        method: 'shown, not tested',
        statistic: null,
        threshold: 'none (report only)',
        n: curves.reduce((s, c) => s + c.x.length, 0),
        seeds: seedsOf(curves),
        reason,
        chart: seriesChart({
          title: series,
          xTitle: options.xTitle ?? 'x',
          yTitle: options.yTitle ?? series,
          points: curvePoints(curves),
          mark: 'line',
          xLog: options.xLog,
          yLog: options.yLog,
        }),
      };
    },
  };
}
