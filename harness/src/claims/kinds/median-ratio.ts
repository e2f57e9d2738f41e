/**
 * `median-ratio`: per-seed ratios A/B of two non-negative per-seed scalars (steps or seconds to
 * reach a target), their median, and the exact distribution-free 95% interval of the median from
 * order statistics. A run that never reaches the target is recorded as +∞ (the convention of
 * performance profiles): a ratio is then ∞ (A never got there), 0 (B never did) or undefined
 * (neither did, or 0/0: inconclusive). Order statistics rank ∞ and 0 without arithmetic on them.
 * Below 6 seeds no order-statistic interval reaches 95% ([min, max] of 5 covers 93.75%), so the
 * verdict is inconclusive. With `median`, the median itself must also lie in that band.
 */
import { intervalChart } from '../../charts/index.js';
import { medianInterval, medianMinimumN } from '../../stats/index.js';
import { bandContains, bandText, chartBand, combineVerdicts, formatNumber, requireBand, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { decideEstimate, undecided } from '../decision.js';
import { perSeedEvidence } from '../summarize.js';

/** a/b for non-negative a, b that may be +∞; NaN when undefined (∞/∞, 0/0, negative or NaN input). */
export function censoredRatio(a: number, b: number): number {
  if (!(a >= 0) || !(b >= 0)) return Number.NaN;
  if (a === Number.POSITIVE_INFINITY && b === Number.POSITIVE_INFINITY) return Number.NaN;
  if (b === 0) return a === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
  return a / b; // finite/∞ = 0, ∞/finite = ∞
}

/** For charts: ∞ drawn at a cap just above the largest finite value (or the band). */
function displayable(v: number, cap: number): number {
  return v === Number.POSITIVE_INFINITY ? cap : v;
}

export function medianRatio(numerator: string, denominator: string, options: { label?: string } = {}) {
  const label = options.label ?? `${numerator} / ${denominator}`;
  return {
    within(band: Band, extra: { median?: Band } = {}): Check {
      requireBand(`medianRatio('${numerator}', '${denominator}')`, band);
      if (extra.median) requireBand(`medianRatio('${numerator}', '${denominator}') median`, extra.median);
      const threshold = `median of ${label} ${bandText(band)} (95% order-statistic interval)${extra.median ? ` and the median itself ${bandText(extra.median)}` : ''}`;
      return {
        kind: 'median-ratio',
        threshold,
        band,
        decide(record) {
          const bySeed = new Map(requireScalars(record, denominator).map((v) => [v.seed ?? 0, v.value]));
          const pairs = requireScalars(record, numerator)
            .filter((v) => bySeed.has(v.seed ?? 0))
            .map((v) => ({ seed: v.seed ?? 0, a: v.value, b: bySeed.get(v.seed ?? 0)! }))
            .map((p) => ({ ...p, ratio: censoredRatio(p.a, p.b) }));
          const ratios = pairs.map((p) => p.ratio);
          const details = {
            'seeds where A never reached the target (ratio ∞)': pairs.filter((p) => p.ratio === Infinity).length,
            'seeds where B never reached the target (ratio 0)': pairs.filter((p) => p.ratio === 0 && p.a > 0).length,
          };
          const finite = ratios.filter(Number.isFinite);
          const cap = Math.max(1, ...finite, ...[band.gt, band.ge, band.lt, band.le].filter((v): v is number => v !== undefined)) * 1.5;
          const base = { threshold, band, n: pairs.length, seeds: pairs.map((p) => p.seed), perSeed: perSeedEvidence(pairs.map((p) => ({ seed: p.seed, value: p.ratio }))), details };
          const method = 'median of per-seed ratios (a run that never reaches the target counts as ∞)';
          const perSeedShown = intervalChart({
            title: `${label}: per-seed ratios (∞ drawn at ${formatNumber(cap)})`,
            yTitle: 'ratio',
            items: pairs.filter((p) => !Number.isNaN(p.ratio)).map((p) => ({ label: `seed ${p.seed}`, value: displayable(p.ratio, cap) })),
            band: chartBand(band),
          });
          const undefinedSeeds = pairs.filter((p) => Number.isNaN(p.ratio));
          if (undefinedSeeds.length > 0) {
            return undecided('inconclusive', { ...base, chart: perSeedShown, method, reason: `the ratio is undefined for seeds ${undefinedSeeds.map((p) => `${p.seed} (${formatNumber(p.a)} / ${formatNumber(p.b)})`).join(', ')}: neither run reached the target, or 0/0` });
          }
          const interval = medianInterval(ratios);
          if (!interval) {
            return undecided('inconclusive', { ...base, chart: perSeedShown, method, reason: `${pairs.length} seeds: no order-statistic interval of the median reaches 95% below ${medianMinimumN()} seeds` });
          }
          const chart = intervalChart({
            title: `${label} (∞ drawn at ${formatNumber(cap)})`,
            yTitle: 'ratio',
            items: [{ label: `median of ${pairs.length} seeds`, value: displayable(interval.estimate, cap), lo: displayable(interval.lo, cap), hi: displayable(interval.hi, cap) }],
            band: chartBand(band),
          });
          const decision = decideEstimate({ ...base, chart, label: `median ${label}`, estimate: interval.estimate, interval: { lo: interval.lo, hi: interval.hi, method: `${method}; ${interval.method}` } });
          if (!extra.median) return decision;
          const medianOk = bandContains(extra.median, interval.estimate);
          const verdict = combineVerdicts([decision.verdict, medianOk ? 'pass' : 'fail']);
          return { ...decision, verdict, reason: medianOk ? decision.reason : `the median ${formatNumber(interval.estimate)} is not ${bandText(extra.median)}; ${decision.reason}` };
        },
      };
    },
  };
}
