/**
 * `paired-difference`: method A against method B on the same seeds. The statistic is the
 * mean of per-seed differences A − B with a 95% paired t interval, decided against a band
 * (a superiority margin, or a non-inferiority margin).
 */
import { pairedChart } from '../../charts/index.js';
import { pairedDifference } from '../../stats/index.js';
import { bandText, decideInterval, formatNumber, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { perSeedEvidence } from '../summarize.js';

export function paired(a: string, b: string, options: { labels?: [string, string]; yTitle?: string } = {}) {
  const labels = options.labels ?? [a, b];
  return {
    differenceWithin(band: Band): Check {
      const threshold = `95% CI of ${labels[0]} − ${labels[1]} ${bandText(band)}`;
      return {
        kind: 'paired-difference',
        threshold,
        decide(record) {
          const pairs = pairUp(requireScalars(record, a), requireScalars(record, b));
          if (pairs.length < 2) {
            return { verdict: 'inconclusive', method: 'paired t interval', statistic: null, threshold, n: pairs.length, seeds: pairs.map((p) => p.seed), reason: `only ${pairs.length} paired seeds; need at least 2` };
          }
          const result = pairedDifference(pairs.map((p) => p.a), pairs.map((p) => p.b));
          const ci: [number, number] = [result.lo, result.hi];
          const verdict = decideInterval(ci, band);
          return {
            verdict,
            method: 'mean of per-seed differences with a 95% paired t interval',
            statistic: result.estimate,
            ci,
            alpha: 0.05,
            threshold,
            n: pairs.length,
            seeds: pairs.map((p) => p.seed),
            perSeed: perSeedEvidence(pairs.map((p) => ({ seed: p.seed, value: p.a - p.b }))),
            reason: `mean difference ${formatNumber(result.estimate)}, CI [${formatNumber(result.lo)}, ${formatNumber(result.hi)}]; ${labels[0]} − ${labels[1]} > 0 in ${result.positive} of ${pairs.length} seeds`,
            details: { pValue: result.pValue, positive: result.positive, negative: result.negative },
            chart: pairedChart({ title: `${labels[0]} vs ${labels[1]}`, yTitle: options.yTitle ?? 'value', labels, pairs }),
          };
        },
      };
    },
  };
}

export function pairUp(a: { seed: number | null; value: number }[], b: { seed: number | null; value: number }[]) {
  const bySeed = new Map(b.map((v) => [v.seed ?? 0, v.value]));
  return a
    .filter((v) => bySeed.has(v.seed ?? 0))
    .map((v) => ({ seed: v.seed ?? 0, a: v.value, b: bySeed.get(v.seed ?? 0)! }))
    .filter((p) => Number.isFinite(p.a) && Number.isFinite(p.b));
}
