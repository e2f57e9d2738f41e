/**
 * `median-ratio`: per-seed ratios A/B of two non-negative per-seed scalars (steps or seconds to
 * reach a target), their median, and a seeded percentile-bootstrap 95% interval of the median.
 * Built for time-to-target comparisons, where a run that never reaches the target is recorded
 * as +∞ (the convention of performance profiles): a ratio is then ∞ (A never got there), 0 (B
 * never did) or undefined (neither did: inconclusive). Medians and percentiles are taken as
 * order statistics, so ∞ and 0 take part in the ranking without arithmetic on them.
 *
 * Decision: pass when the interval lies inside `band` and, if given, the median inside
 * `median`; fail when the interval lies entirely outside `band` or the median is outside
 * `median`; inconclusive otherwise (the interval straddles an edge, or a ratio is undefined).
 */
import { intervalChart } from '../../charts/index.js';
import { createRng } from '../../random.js';
import { bandText, decideInterval, formatNumber, inBand, type Band } from '../band.js';
import { requireScalars, type Check } from '../check.js';
import { perSeedEvidence } from '../summarize.js';
import type { Verdict } from '../../types.js';

/** a/b for non-negative a, b that may be +∞; NaN when undefined (∞/∞, 0/0, negative or NaN input). */
export function censoredRatio(a: number, b: number): number {
  if (!(a >= 0) || !(b >= 0)) return Number.NaN;
  if (a === Number.POSITIVE_INFINITY && b === Number.POSITIVE_INFINITY) return Number.NaN;
  if (b === 0) return a === 0 ? Number.NaN : Number.POSITIVE_INFINITY;
  return a / b; // finite/∞ = 0, ∞/finite = ∞
}

/** Median as an order statistic: the middle value, or for an even count the lower and upper middles averaged (∞ stays ∞). */
export function orderMedian(sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const lo = sorted[Math.floor((n - 1) / 2)];
  const hi = sorted[Math.ceil((n - 1) / 2)];
  return lo === hi ? lo : lo / 2 + hi / 2;
}

/** Percentile bootstrap interval of the median by nearest-rank order statistics of the replicates. */
export function medianBootstrapInterval(values: readonly number[], options: { seed?: number; resamples?: number; alpha?: number } = {}): [number, number] {
  const { seed = 0, resamples = 2000, alpha = 0.05 } = options;
  const n = values.length;
  if (n < 2) throw new Error(`medianBootstrapInterval: need at least 2 values, got ${n}`);
  const rng = createRng(seed);
  const replicates = new Array<number>(resamples);
  const sample = new Array<number>(n);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = values[rng.int(n)];
    replicates[r] = orderMedian([...sample].sort((x, y) => x - y));
  }
  replicates.sort((x, y) => x - y);
  const lo = replicates[Math.max(0, Math.floor((alpha / 2) * resamples))];
  const hi = replicates[Math.min(resamples - 1, Math.ceil((1 - alpha / 2) * resamples) - 1)];
  return [lo, hi];
}

/** For charts: ∞ drawn at a cap just above the largest finite value (or the band). */
function displayable(v: number, cap: number): number {
  return v === Number.POSITIVE_INFINITY ? cap : v;
}

export function medianRatio(numerator: string, denominator: string, options: { label?: string } = {}) {
  const label = options.label ?? `${numerator} / ${denominator}`;
  return {
    within(band: Band, extra: { median?: Band } = {}): Check {
      const threshold = `95% bootstrap CI of the median of ${label} ${bandText(band)}${extra.median ? ` and the median ${bandText(extra.median)}` : ''}`;
      return {
        kind: 'median-ratio',
        threshold,
        decide(record) {
          const bySeed = new Map(requireScalars(record, denominator).map((v) => [v.seed ?? 0, v.value]));
          const pairs = requireScalars(record, numerator)
            .filter((v) => bySeed.has(v.seed ?? 0))
            .map((v) => ({ seed: v.seed ?? 0, a: v.value, b: bySeed.get(v.seed ?? 0)! }))
            .map((p) => ({ ...p, ratio: censoredRatio(p.a, p.b) }));
          const seeds = pairs.map((p) => p.seed);
          const perSeed = perSeedEvidence(pairs.map((p) => ({ seed: p.seed, value: p.ratio })));
          const undefinedSeeds = pairs.filter((p) => Number.isNaN(p.ratio));
          const method = 'median of per-seed ratios (a run that never reaches the target counts as ∞), percentile bootstrap over seeds by order statistics (2000 resamples, seed 0)';
          const details = {
            'seeds where A never reached the target (ratio ∞)': pairs.filter((p) => p.ratio === Number.POSITIVE_INFINITY).length,
            'seeds where B never reached the target (ratio 0)': pairs.filter((p) => p.ratio === 0 && p.a > 0).length,
          };
          if (pairs.length < 2 || undefinedSeeds.length > 0) {
            return {
              verdict: 'inconclusive', method, statistic: null, threshold, n: pairs.length, seeds, perSeed, details,
              reason: pairs.length < 2
                ? `only ${pairs.length} paired seeds; need at least 2`
                : `the ratio is undefined for seeds ${undefinedSeeds.map((p) => `${p.seed} (${formatNumber(p.a)} / ${formatNumber(p.b)})`).join(', ')}: neither run reached the target`,
            };
          }
          const ratios = pairs.map((p) => p.ratio);
          const median = orderMedian([...ratios].sort((x, y) => x - y));
          const ci = medianBootstrapInterval(ratios);
          const ciVerdict = decideInterval(ci, band);
          const ciFails = (band.lo !== undefined && ci[1] < band.lo) || (band.hi !== undefined && ci[0] > band.hi);
          const medianOk = extra.median ? inBand(median, extra.median) : true;
          const verdict: Verdict = ciFails || !medianOk ? 'fail' : ciVerdict === 'pass' ? 'pass' : 'inconclusive';
          const finite = [...ratios, ...ci].filter(Number.isFinite);
          const cap = Math.max(1, ...finite, band.hi ?? 0, band.lo ?? 0, extra.median?.lo ?? 0) * 1.5;
          const show = (v: number) => `${formatNumber(v)}`;
          return {
            verdict,
            method,
            statistic: median,
            ci,
            alpha: 0.05,
            threshold,
            n: pairs.length,
            seeds,
            perSeed,
            details,
            reason: `median ${label} = ${show(median)}, CI [${ci.map(show).join(', ')}]; per seed ${pairs.map((p) => `${p.seed}: ${show(p.ratio)}`).join(', ')}; threshold: CI ${bandText(band)}${extra.median ? `, median ${bandText(extra.median)}` : ''}`,
            chart: intervalChart({
              title: `${label} (∞ drawn at ${formatNumber(cap)})`,
              yTitle: 'ratio',
              items: [{ label: `median of ${pairs.length} seeds`, value: displayable(median, cap), lo: displayable(ci[0], cap), hi: displayable(ci[1], cap) }],
              band: { ...band, label: bandText(band) },
            }),
          };
        },
      };
    },
  };
}
