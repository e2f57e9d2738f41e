/**
 * `value-in-band`: a number recorded once per seed lies in a band. `mean` (the default) decides on
 * the mean over seeds with its t interval, so the test neither tightens nor loosens as seeds are
 * added; `exact` is for a quantity without sampling error (a FLOP count, a closed form), decided
 * on the value itself, and refuses data that vary across seeds.
 */
import { intervalChart, perSeedChart } from '../../charts/index.js';
import { bandText, chartBand, formatNumber, requireBand, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { constantValues, decideEstimate, nonFiniteOutcome, undecided } from '../decision.js';
import { meanOverSeeds, perSeedEvidence } from '../summarize.js';

export type ValueRule = 'mean' | 'exact';

export function valueInBand(scalar: string, options: { label?: string } = {}) {
  const label = options.label ?? scalar;
  return {
    within(band: Band, rule: ValueRule = 'mean'): Check {
      requireBand(`valueInBand('${scalar}')`, band);
      const threshold = `${label} ${bandText(band)} (${rule === 'mean' ? 'mean over seeds, 95% t interval' : 'exact value'})`;
      return {
        kind: 'value-in-band',
        threshold,
        band,
        decide(record) {
          const values = requireScalars(record, scalar).map((v) => ({ seed: v.seed ?? 0, value: v.value }));
          const seeds = values.map((v) => v.seed);
          const perSeed = perSeedEvidence(values);
          const chart = values.length > 1
            ? perSeedChart({ title: label, yTitle: label, values: values.filter((v) => Number.isFinite(v.value)), band: chartBand(band) })
            : intervalChart({ title: label, yTitle: label, items: [{ label, value: values[0].value }], band: chartBand(band) });
          const base = { threshold, band, n: values.length, seeds, perSeed, chart };
          const broken = nonFiniteOutcome(values, band, label);
          if (broken) return undecided(broken.verdict, { ...base, method: 'per-seed values', reason: broken.reason });
          const degenerate = constantValues(values.map((v) => v.value));
          if (rule === 'exact') {
            if (values.length > 1 && !degenerate) {
              return undecided('inconclusive', { ...base, method: 'an exact value', reason: `${label} was declared exact but varies across seeds (${values.map((v) => formatNumber(v.value)).join(', ')})` });
            }
            return decideEstimate({ ...base, label, estimate: values[0].value, interval: null });
          }
          if (values.length < 2) {
            return undecided('inconclusive', { ...base, method: 'mean over seeds', statistic: values[0].value, reason: `one seed gives no interval: ${label} = ${formatNumber(values[0].value)} needs at least 2 seeds to be decided` });
          }
          const { estimate, interval } = meanOverSeeds(values);
          return decideEstimate({ ...base, label: `mean ${label}`, estimate, interval, degenerate });
        },
      };
    },
  };
}
