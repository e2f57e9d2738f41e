/**
 * `value-in-band`: a recorded number (per seed, or one exact computation) lies in a band.
 * Rules: `every-seed` (each seed inside), `ci` (the t interval across seeds inside; straddling
 * is inconclusive), `mean` (the plain mean, for exact or deterministic quantities).
 */
import { intervalChart, perSeedChart } from '../../charts/index.js';
import { bandText, decideEverySeed, decideInterval, decideValue, formatNumber, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { acrossSeeds, perSeedEvidence } from '../summarize.js';

export type ValueRule = 'every-seed' | 'ci' | 'mean';

export function value(scalar: string, options: { label?: string } = {}) {
  const label = options.label ?? scalar;
  return {
    within(band: Band, rule: ValueRule = 'every-seed'): Check {
      const ruleText = { 'every-seed': 'for every seed', ci: '(95% CI across seeds)', mean: '(mean across seeds)' }[rule];
      const threshold = `${label} ${bandText(band)} ${ruleText}`;
      return {
        kind: 'value-in-band',
        threshold,
        decide(record) {
          const values = requireScalars(record, scalar).map((v) => ({ seed: v.seed ?? 0, value: v.value }));
          const { estimate, ci } = acrossSeeds(values);
          const verdict = rule === 'every-seed'
            ? decideEverySeed(values.map((v) => v.value), band)
            : rule === 'ci'
              ? (ci ? decideInterval(ci, band) : 'inconclusive')
              : decideValue(estimate, band);
          const outside = values.filter((v) => !(Number.isFinite(v.value) && bandIncludes(band, v.value)));
          return {
            verdict,
            method: rule === 'ci' ? 'mean across seeds with a 95% t interval' : rule === 'mean' ? 'mean across seeds' : 'value per seed',
            statistic: estimate,
            ci,
            alpha: 0.05,
            threshold,
            n: values.length,
            seeds: values.map((v) => v.seed),
            perSeed: perSeedEvidence(values),
            reason: verdict === 'pass'
              ? `${label} = ${formatNumber(estimate)} is ${bandText(band)} ${ruleText}`
              : verdict === 'inconclusive'
                ? `${label}: the interval [${ci ? ci.map(formatNumber).join(', ') : 'n/a'}] straddles the threshold or values are not finite`
                : `${label} is outside the band for seeds ${outside.map((v) => `${v.seed} (${formatNumber(v.value)})`).join(', ') || `(mean ${formatNumber(estimate)})`}`,
            chart: values.length > 1
              ? perSeedChart({ title: label, yTitle: label, values: values.filter((v) => Number.isFinite(v.value)), band: { ...band, label: bandText(band) } })
              : intervalChart({ title: label, yTitle: label, items: [{ label, value: estimate }], band: { ...band, label: bandText(band) } }),
          };
        },
      };
    },
  };
}

function bandIncludes(band: Band, v: number): boolean {
  return (band.lo === undefined || v >= band.lo) && (band.hi === undefined || v <= band.hi);
}
