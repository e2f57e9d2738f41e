/**
 * Hypothesis tests: Mann-Whitney U (two independent samples, normal approximation) and
 * the one-sample one-sided t-test.
 */
import { meanOfValid, varianceOfValid } from './descriptive.js';
import { normalCdf, studentTCdf } from './distributions.js';
import { requireFiniteNumber, requireSample } from './validate.js';

export interface MannWhitneyOptions {
  /** Shrink |U - mean| by 0.5 before standardising (default true, as scipy's default). */
  continuity?: boolean;
}

/**
 * Two-sided Mann-Whitney U test by normal approximation with tie-corrected variance and
 * continuity correction, matching scipy.stats.mannwhitneyu(a, b, method='asymptotic').
 * `u` is U for `a` (pairs with a > b, ties counting 1/2); `z` is positive when a tends to be larger.
 */
export function mannWhitneyU(
  a: readonly number[],
  b: readonly number[],
  opts?: MannWhitneyOptions,
): { u: number; z: number; pValue: number } {
  const fn = 'mannWhitneyU';
  requireSample(fn, a, 1, 'a');
  requireSample(fn, b, 1, 'b');
  const continuity = opts?.continuity ?? true;
  const n1 = a.length;
  const n2 = b.length;
  const n = n1 + n2;

  const pooled = [...a.map((value) => ({ value, first: true })), ...b.map((value) => ({ value, first: false }))];
  pooled.sort((p, q) => p.value - q.value);
  let rankSumA = 0;
  let tieTerm = 0;
  for (let start = 0; start < n; ) {
    let end = start;
    while (end + 1 < n && pooled[end + 1].value === pooled[start].value) end++;
    const averageRank = (start + end) / 2 + 1;
    const tied = end - start + 1;
    tieTerm += tied * tied * tied - tied;
    for (let k = start; k <= end; k++) if (pooled[k].first) rankSumA += averageRank;
    start = end + 1;
  }

  const u = rankSumA - (n1 * (n1 + 1)) / 2;
  const meanU = (n1 * n2) / 2;
  const varianceU = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (!(varianceU > 0)) {
    // Every value tied: the ranks carry no information either way.
    return { u, z: 0, pValue: 1 };
  }
  const distance = Math.max(0, Math.abs(u - meanU) - (continuity ? 0.5 : 0));
  const z = (Math.sign(u - meanU) * distance) / Math.sqrt(varianceU);
  const pValue = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  return { u, z, pValue };
}

/**
 * One-sample one-sided t-test of mean(xs) against mu0 ('greater': H1 mean > mu0); needs n >= 2.
 * With zero spread t is ±Infinity (p 0 or 1), or 0 with p = 1 when every value equals mu0.
 */
export function oneSidedTTest(
  xs: readonly number[],
  mu0: number,
  alternative: 'greater' | 'less',
): { t: number; df: number; pValue: number } {
  const fn = 'oneSidedTTest';
  requireSample(fn, xs, 2);
  requireFiniteNumber(fn, mu0, 'mu0');
  if (alternative !== 'greater' && alternative !== 'less') {
    throw new Error(`${fn}: alternative must be 'greater' or 'less', got ${String(alternative)}`);
  }
  const n = xs.length;
  const df = n - 1;
  const difference = meanOfValid(xs) - mu0;
  const standardError = Math.sqrt(varianceOfValid(xs) / n);
  if (!(standardError > 0)) {
    if (difference === 0) return { t: 0, df, pValue: 1 };
    const t = difference > 0 ? Infinity : -Infinity;
    const supportsAlternative = alternative === 'greater' ? t > 0 : t < 0;
    return { t, df, pValue: supportsAlternative ? 0 : 1 };
  }
  const t = difference / standardError;
  const pValue = alternative === 'greater' ? studentTCdf(-t, df) : studentTCdf(t, df);
  return { t, df, pValue };
}
