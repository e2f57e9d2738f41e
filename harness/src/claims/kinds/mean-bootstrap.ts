/**
 * `mean-bootstrap`: the mean of a per-seed scalar over seeds, with a seeded percentile
 * bootstrap 95% interval (2000 resamples, seed 0), decided against a band: inside entirely
 * passes, outside entirely fails, straddling an edge is inconclusive. For many Monte-Carlo
 * trials (one seed each) whose distribution may be skewed.
 */
import { intervalChart } from '../../charts/index.js';
import { bootstrapCI, mean } from '../../stats/index.js';
import { bandText, decideInterval, formatNumber, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { perSeedEvidence } from '../summarize.js';

export function meanBootstrap(scalar: string, options: { label?: string } = {}) {
  const label = options.label ?? scalar;
  return {
    within(band: Band): Check {
      const threshold = `mean of ${label} ${bandText(band)} (95% percentile bootstrap CI over seeds)`;
      return {
        kind: 'mean-bootstrap',
        threshold,
        decide(record) {
          const values = requireScalars(record, scalar).map((v) => ({ seed: v.seed ?? 0, value: v.value }));
          const finite = values.map((v) => v.value).filter(Number.isFinite);
          const base = { threshold, n: finite.length, seeds: values.map((v) => v.seed), perSeed: perSeedEvidence(values), alpha: 0.05 };
          if (finite.length < 2 || finite.length < values.length) {
            return { ...base, verdict: 'inconclusive', method: 'percentile bootstrap of the mean', statistic: null, reason: `${values.length - finite.length} non-finite values among ${values.length}; need at least two, all finite` };
          }
          const interval = bootstrapCI(finite, mean, { seed: 0 });
          const ci: [number, number] = [interval.lo, interval.hi];
          const verdict = decideInterval(ci, band);
          return {
            ...base,
            verdict,
            method: `mean over seeds, ${interval.method}`,
            statistic: interval.estimate,
            ci,
            reason: `mean ${label} = ${formatNumber(interval.estimate)}, CI [${ci.map(formatNumber).join(', ')}], threshold ${bandText(band)}`,
            chart: intervalChart({ title: label, yTitle: label, items: [{ label: `mean of ${finite.length} seeds`, value: interval.estimate, lo: ci[0], hi: ci[1] }], band: { ...band, label: bandText(band) } }),
          };
        },
      };
    },
  };
}
