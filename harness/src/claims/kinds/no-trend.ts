/**
 * `no-trend`: a metric does not degrade as a parameter grows ("independent of d"). Decided
 * by the paired 95% t interval of y(largest x) − y(smallest x) over seeds against a margin:
 * the interval must sit inside the band, not merely include zero.
 */
import { seriesChart } from '../../charts/index.js';
import { pairedDifference } from '../../stats/index.js';
import { bandText, decideInterval, formatNumber, type Band } from '../band.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import { curvePoints, perSeedEvidence } from '../summarize.js';
import { groupByX } from './grouped.js';

export function noTrend(series: string, options: { xTitle?: string; yTitle?: string; xLog?: boolean } = {}) {
  return {
    differenceWithin(band: Band): Check {
      const threshold = `95% CI of y(max x) − y(min x) ${bandText(band)}`;
      return {
        kind: 'no-trend',
        threshold,
        decide(record) {
          const curves = requireSeries(record, series);
          const groups = groupByX(curves);
          const first = groups[0];
          const last = groups[groups.length - 1];
          const lastBySeed = new Map(last?.values.map((v) => [v.seed, v.y]) ?? []);
          const pairs = (first?.values ?? []).filter((v) => lastBySeed.has(v.seed)).map((v) => ({ seed: v.seed, a: lastBySeed.get(v.seed)!, b: v.y }));
          if (groups.length < 2 || pairs.length < 2) {
            return { verdict: 'inconclusive', method: 'paired difference', statistic: null, threshold, n: pairs.length, seeds: seedsOf(curves), reason: 'need two parameter values and at least two seeds at both' };
          }
          const result = pairedDifference(pairs.map((p) => p.a), pairs.map((p) => p.b));
          const ci: [number, number] = [result.lo, result.hi];
          return {
            verdict: decideInterval(ci, band),
            method: `paired difference of y at x = ${last.x} and x = ${first.x} over seeds, 95% t interval`,
            statistic: result.estimate,
            ci,
            alpha: 0.05,
            threshold,
            n: pairs.length,
            seeds: pairs.map((p) => p.seed),
            perSeed: perSeedEvidence(pairs.map((p) => ({ seed: p.seed, value: p.a - p.b }))),
            reason: `difference ${formatNumber(result.estimate)}, CI [${ci.map(formatNumber).join(', ')}], margin ${bandText(band)}`,
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
