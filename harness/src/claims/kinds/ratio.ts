/**
 * `ratio`: mean(A) / mean(B) over the same seeds (FLOP ratios, risk ratios, speed-ups), with a
 * seeded paired-bootstrap 95% interval. Decided against a band on the ratio.
 */
import { intervalChart } from '../../charts/index.js';
import { bootstrapPairedCI, mean } from '../../stats/index.js';
import { bandText, decideInterval, decideValue, formatNumber, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { perSeedEvidence } from '../summarize.js';
import { pairUp } from './paired.js';

export function ratio(numerator: string, denominator: string, options: { label?: string } = {}) {
  const label = options.label ?? `${numerator} / ${denominator}`;
  return {
    within(band: Band): Check {
      const threshold = `${label} ${bandText(band)} (95% bootstrap CI; a single exact value when n = 1)`;
      return {
        kind: 'ratio',
        threshold,
        decide(record) {
          const pairs = pairUp(requireScalars(record, numerator), requireScalars(record, denominator));
          const estimate = pairs.length ? mean(pairs.map((p) => p.a)) / mean(pairs.map((p) => p.b)) : Number.NaN;
          const interval = pairs.length >= 2
            ? bootstrapPairedCI(pairs.map((p) => p.a), pairs.map((p) => p.b), (x, y) => mean(x) / mean(y), { seed: 0 })
            : null;
          const ci: [number, number] | undefined = interval ? [interval.lo, interval.hi] : undefined;
          const verdict = ci ? decideInterval(ci, band) : decideValue(estimate, band);
          return {
            verdict,
            method: ci ? 'ratio of means, percentile bootstrap over paired seeds (2000 resamples, seed 0)' : 'exact ratio',
            statistic: estimate,
            ci,
            alpha: 0.05,
            threshold,
            n: pairs.length,
            seeds: pairs.map((p) => p.seed),
            perSeed: perSeedEvidence(pairs.map((p) => ({ seed: p.seed, value: p.a / p.b }))),
            reason: `${label} = ${formatNumber(estimate)}${ci ? ` (CI [${ci.map(formatNumber).join(', ')}])` : ''}, threshold ${bandText(band)}`,
            chart: intervalChart({ title: label, yTitle: 'ratio', items: [{ label, value: estimate, lo: ci?.[0], hi: ci?.[1] }], band: { ...band, label: bandText(band) } }),
          };
        },
      };
    },
  };
}
