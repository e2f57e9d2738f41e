/**
 * Confidence intervals: percentile bootstrap (any statistic, seeded so that a report can
 * be re-derived exactly) and the classical t interval for a mean.
 */
import { createRng } from '../random.js';
import { meanOfValid, quantileOfSorted, sortedCopy, varianceOfValid } from './descriptive.js';
import { studentTQuantile } from './distributions.js';
import { requireAlpha, requireSameLength, requireSample } from './validate.js';

export interface Interval {
  /** The statistic on the original data. */
  estimate: number;
  lo: number;
  hi: number;
  /** Two-sided significance level: the interval has nominal coverage 1 - alpha. */
  alpha: number;
  /** Observations (or pairs) behind the interval. */
  n: number;
  /** How the interval was computed, in words, for the evidence record. */
  method: string;
}

export interface BootstrapOptions {
  /** Seed for the resampling stream (default 0). */
  seed?: number;
  /** Number of bootstrap resamples (default 2000). */
  resamples?: number;
  /** Two-sided significance level (default 0.05). */
  alpha?: number;
}

interface ResolvedOptions {
  seed: number;
  resamples: number;
  alpha: number;
}

function resolveOptions(fn: string, opts: BootstrapOptions | undefined): ResolvedOptions {
  const seed = opts?.seed ?? 0;
  const resamples = opts?.resamples ?? 2000;
  const alpha = opts?.alpha ?? 0.05;
  if (!Number.isInteger(seed)) throw new Error(`${fn}: seed must be an integer, got ${String(seed)}`);
  if (!Number.isInteger(resamples) || resamples < 100) {
    // Below ~100 resamples the tail quantiles are too coarse to mean anything.
    throw new Error(`${fn}: resamples must be an integer >= 100, got ${String(resamples)}`);
  }
  requireAlpha(fn, alpha);
  return { seed, resamples, alpha };
}

function requireFiniteStatistic(fn: string, value: number, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${fn}: the statistic returned ${String(value)} on ${where}; it must return a finite number`);
  }
  return value;
}

/** Percentile interval from bootstrap replicates, quantiles by numpy-style linear interpolation. */
function percentileInterval(
  estimate: number,
  replicates: number[],
  n: number,
  options: ResolvedOptions,
  what: string,
): Interval {
  const sorted = sortedCopy(replicates);
  return {
    estimate,
    lo: quantileOfSorted(sorted, options.alpha / 2),
    hi: quantileOfSorted(sorted, 1 - options.alpha / 2),
    alpha: options.alpha,
    n,
    method: `percentile bootstrap over ${what} (${options.resamples} resamples, seed ${options.seed})`,
  };
}

/** Percentile bootstrap interval for `statistic(xs)`, resampling values with replacement; deterministic for a seed. */
export function bootstrapCI(
  xs: readonly number[],
  statistic: (sample: readonly number[]) => number,
  opts?: BootstrapOptions,
): Interval {
  const fn = 'bootstrapCI';
  requireSample(fn, xs, 2);
  if (typeof statistic !== 'function') throw new Error(`${fn}: statistic must be a function of a sample`);
  const options = resolveOptions(fn, opts);
  const n = xs.length;
  const estimate = requireFiniteStatistic(fn, statistic(xs), 'the original sample');
  const rng = createRng(options.seed);
  const replicates: number[] = new Array(options.resamples);
  const sample: number[] = new Array(n);
  for (let r = 0; r < options.resamples; r++) {
    for (let i = 0; i < n; i++) sample[i] = xs[rng.int(n)];
    // A fresh copy per call, so a statistic that keeps or sorts its argument cannot disturb the next resample.
    replicates[r] = requireFiniteStatistic(fn, statistic(sample.slice()), `resample ${r}`);
  }
  return percentileInterval(estimate, replicates, n, options, 'values');
}

/** Percentile bootstrap interval for `statistic(a, b)`, resampling pairs (the same indices in a and b); deterministic for a seed. */
export function bootstrapPairedCI(
  a: readonly number[],
  b: readonly number[],
  statistic: (a: readonly number[], b: readonly number[]) => number,
  opts?: BootstrapOptions,
): Interval {
  const fn = 'bootstrapPairedCI';
  requireSameLength(fn, a, b, ['a', 'b']);
  requireSample(fn, a, 2, 'a');
  requireSample(fn, b, 2, 'b');
  if (typeof statistic !== 'function') throw new Error(`${fn}: statistic must be a function of two paired samples`);
  const options = resolveOptions(fn, opts);
  const n = a.length;
  const estimate = requireFiniteStatistic(fn, statistic(a, b), 'the original pairs');
  const rng = createRng(options.seed);
  const replicates: number[] = new Array(options.resamples);
  for (let r = 0; r < options.resamples; r++) {
    const sampleA: number[] = new Array(n);
    const sampleB: number[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const index = rng.int(n);
      sampleA[i] = a[index];
      sampleB[i] = b[index];
    }
    replicates[r] = requireFiniteStatistic(fn, statistic(sampleA, sampleB), `resample ${r}`);
  }
  return percentileInterval(estimate, replicates, n, options, 'pairs');
}

/** Student t interval for the mean, mean ± t(1 - alpha/2, n - 1) * s / sqrt(n); needs n >= 2. */
export function meanCI(xs: readonly number[], alpha = 0.05): Interval {
  requireSample('meanCI', xs, 2);
  requireAlpha('meanCI', alpha);
  const n = xs.length;
  const estimate = meanOfValid(xs);
  const standardError = Math.sqrt(varianceOfValid(xs) / n);
  const halfWidth = studentTQuantile(1 - alpha / 2, n - 1) * standardError;
  return { estimate, lo: estimate - halfWidth, hi: estimate + halfWidth, alpha, n, method: 't interval for the mean' };
}
