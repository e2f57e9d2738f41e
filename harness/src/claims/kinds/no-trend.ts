/**
 * `no-trend`: a metric does not degrade as a parameter grows ("independent of d"). Decided by the
 * paired 95% t interval of y(largest x) − y(smallest x) over seeds against a margin: the interval
 * must sit inside the band, not merely include zero.
 */
import { pairedTTest } from '../../stats/index.js';
import { bandText, requireBand, type Band } from '../band.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import { decideEstimate, identicalArms, nonFiniteOutcome, undecided } from '../decision.js';
import { perSeedEvidence } from '../summarize.js';
import { groupByX, trendChart } from './grouped.js';

export function noTrend(series: string, options: { xTitle?: string; yTitle?: string; xLog?: boolean } = {}) {
  return {
    differenceWithin(band: Band): Check {
      requireBand(`noTrend('${series}')`, band);
      const threshold = `y(max x) − y(min x) ${bandText(band)} (mean over seeds, 95% paired t interval)`;
      return {
        kind: 'no-trend',
        threshold,
        band,
        decide(record) {
          const curves = requireSeries(record, series);
          const groups = groupByX(curves);
          const first = groups[0];
          const last = groups[groups.length - 1];
          const lastBySeed = new Map(last?.values.map((v) => [v.seed, v.y]) ?? []);
          const pairs = (first?.values ?? []).filter((v) => lastBySeed.has(v.seed)).map((v) => ({ seed: v.seed, a: lastBySeed.get(v.seed)!, b: v.y }));
          const differences = pairs.map((p) => ({ seed: p.seed, value: p.a - p.b }));
          const chart = trendChart(series, curves, groups, options);
          const base = { threshold, band, n: pairs.length, seeds: pairs.length ? pairs.map((p) => p.seed) : seedsOf(curves), perSeed: perSeedEvidence(differences), chart };
          if (groups.length < 2 || pairs.length < 2) {
            return undecided('inconclusive', { ...base, method: 'paired difference', reason: 'need two parameter values and at least two seeds recorded at both' });
          }
          const broken = nonFiniteOutcome(differences, band, `y(${last.x}) − y(${first.x})`);
          if (broken) return undecided(broken.verdict, { ...base, method: 'paired difference', reason: broken.reason });
          const result = pairedTTest(pairs.map((p) => p.a), pairs.map((p) => p.b));
          return decideEstimate({
            ...base,
            label: `mean y(${last.x}) − y(${first.x})`,
            estimate: result.estimate,
            interval: { lo: result.lo, hi: result.hi, method: `paired difference of y at x = ${last.x} and x = ${first.x}, t interval over n = ${pairs.length} seeds` },
            degenerate: identicalArms(pairs),
          });
        },
      };
    },
  };
}
