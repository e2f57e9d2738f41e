/**
 * `ratio`: mean(A) / mean(B) over the same seeds (risk ratios, RMSE ratios, speed-ups) with
 * Fieller's 95% interval for a ratio of paired means; unbounded when mean(B) is not clearly away
 * from zero (then inconclusive). `exact` is for counts without sampling error (FLOPs, parameters),
 * decided on the value and refused when the values vary across seeds.
 */
import { intervalChart } from '../../charts/index.js';
import { fiellerRatioInterval, mean } from '../../stats/index.js';
import { bandText, chartBand, formatNumber, requireBand, type Band } from '../band.js';
import type { Check } from '../check.js';
import { constantValues, decideEstimate, identicalArms, nonFiniteOutcome, undecided } from '../decision.js';
import { pairedEvidence } from './paired-difference.js';

export function ratio(numerator: string, denominator: string, options: { label?: string; exact?: boolean } = {}) {
  const label = options.label ?? `${numerator} / ${denominator}`;
  const exact = options.exact === true;
  return {
    within(band: Band): Check {
      requireBand(`ratio('${numerator}', '${denominator}')`, band);
      const threshold = `${label} ${bandText(band)} (${exact ? 'exact counts' : 'ratio of means over seeds, 95% Fieller interval'})`;
      return {
        kind: 'ratio',
        threshold,
        band,
        decide(record) {
          const { pairs, base } = pairedEvidence(record, numerator, denominator, (a, b) => a / b, threshold, band);
          const broken = nonFiniteOutcome(pairs.flatMap((p) => [{ seed: p.seed, value: p.a }, { seed: p.seed, value: p.b }]), {}, `${numerator} or ${denominator}`);
          if (broken) return undecided('inconclusive', { ...base, method: 'ratio of means', reason: broken.reason });
          if (pairs.length === 0) return undecided('inconclusive', { ...base, method: 'ratio of means', reason: `no seed recorded both ${numerator} and ${denominator}` });
          const estimate = mean(pairs.map((p) => p.a)) / mean(pairs.map((p) => p.b));
          const chartOf = (lo?: number, hi?: number) => intervalChart({ title: label, yTitle: 'ratio', items: [{ label, value: estimate, lo: finiteOr(lo), hi: finiteOr(hi) }], band: chartBand(band) });
          if (exact) {
            const varies = !constantValues(pairs.map((p) => p.a)) || !constantValues(pairs.map((p) => p.b));
            if (pairs.length > 1 && varies) {
              return undecided('inconclusive', { ...base, chart: chartOf(), method: 'an exact ratio', reason: `${label} was declared exact but the counts vary across seeds` });
            }
            return decideEstimate({ ...base, chart: chartOf(), label, estimate: pairs[0].a / pairs[0].b, interval: null });
          }
          if (pairs.length < 2) {
            return undecided('inconclusive', { ...base, chart: chartOf(), method: 'ratio of means', statistic: estimate, reason: `one seed gives no interval: ${label} = ${formatNumber(estimate)} needs at least 2 seeds` });
          }
          const f = fiellerRatioInterval(pairs.map((p) => p.a), pairs.map((p) => p.b));
          const unbounded = !Number.isFinite(f.lo) || !Number.isFinite(f.hi);
          return decideEstimate({
            ...base,
            chart: chartOf(f.lo, f.hi),
            label,
            estimate,
            interval: { lo: f.lo, hi: f.hi, method: `ratio of means over seeds, ${f.method}${unbounded ? ': unbounded, since mean(B) is not clearly away from 0' : ''}` },
            degenerate: identicalArms(pairs),
          });
        },
      };
    },
  };
}

function finiteOr(v: number | undefined): number | undefined {
  return v !== undefined && Number.isFinite(v) ? v : undefined;
}
