/**
 * `count-of-seeds`: at least k seeds satisfy a band ("success in ≥ 8 of 10 seeds",
 * "lower in ≥ 4 of 5 seeds"). An exact count, so no interval.
 */
import { perSeedChart } from '../../charts/index.js';
import { bandText, inBand, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { perSeedEvidence } from '../summarize.js';

export function count(scalar: string, band: Band, options: { label?: string } = {}) {
  const label = options.label ?? scalar;
  return {
    atLeast(k: number): Check {
      const threshold = `${label} ${bandText(band)} in at least ${k} seeds`;
      return {
        kind: 'count-of-seeds',
        threshold,
        decide(record) {
          const values = requireScalars(record, scalar).map((v) => ({ seed: v.seed ?? 0, value: v.value }));
          const hits = values.filter((v) => Number.isFinite(v.value) && inBand(v.value, band)).length;
          return {
            verdict: values.length < k ? 'inconclusive' : hits >= k ? 'pass' : 'fail',
            method: 'count of seeds inside the band',
            statistic: hits,
            threshold,
            n: values.length,
            seeds: values.map((v) => v.seed),
            perSeed: perSeedEvidence(values),
            reason: values.length < k ? `only ${values.length} seeds were run, fewer than ${k}` : `${hits} of ${values.length} seeds have ${label} ${bandText(band)}`,
            chart: perSeedChart({ title: label, yTitle: label, values: values.filter((v) => Number.isFinite(v.value)), band: { ...band, label: bandText(band) } }),
          };
        },
      };
    },
  };
}
