/**
 * `count-of-seeds`: the share of seeds whose value lies in a band ("recovers x* in at least 80% of
 * problems"), decided on the Clopper-Pearson exact 95% interval of the success probability, so a
 * count that chance alone could give (4 of 5 at p = ½) does not pass.
 */
import { perSeedChart } from '../../charts/index.js';
import { clopperPearson } from '../../stats/index.js';
import { bandContains, bandText, chartBand, requireBand, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { decideEstimate, undecided } from '../decision.js';
import { perSeedEvidence } from '../summarize.js';

export function countOfSeeds(scalar: string, band: Band, options: { label?: string } = {}) {
  requireBand(`countOfSeeds('${scalar}')`, band);
  const label = options.label ?? scalar;
  return {
    rateWithin(rate: Band): Check {
      requireBand(`countOfSeeds('${scalar}').rateWithin`, rate);
      const threshold = `share of seeds with ${label} ${bandText(band)}: ${bandText(rate)} (95% Clopper-Pearson interval)`;
      return {
        kind: 'count-of-seeds',
        threshold,
        band: rate,
        decide(record) {
          const values = requireScalars(record, scalar).map((v) => ({ seed: v.seed ?? 0, value: v.value }));
          const hits = values.filter((v) => !Number.isNaN(v.value) && bandContains(band, v.value)).length;
          const nan = values.filter((v) => Number.isNaN(v.value));
          const base = {
            threshold,
            band: rate,
            n: values.length,
            seeds: values.map((v) => v.seed),
            perSeed: perSeedEvidence(values),
            details: { 'seeds inside the band': hits, 'seeds run': values.length },
            chart: perSeedChart({ title: label, yTitle: label, values: values.filter((v) => Number.isFinite(v.value)), band: chartBand(band) }),
          };
          if (nan.length > 0) return undecided('inconclusive', { ...base, method: 'count of seeds', reason: `${label} is undefined (NaN) for seeds ${nan.map((v) => v.seed).join(', ')}` });
          const cp = clopperPearson(hits, values.length);
          return decideEstimate({ ...base, label: `share of seeds with ${label} ${bandText(band)} (${hits} of ${values.length})`, estimate: cp.estimate, interval: { lo: cp.lo, hi: cp.hi, method: cp.method } });
        },
      };
    },
  };
}
