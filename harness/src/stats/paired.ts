/**
 * Paired comparison of two conditions measured on the same units (seeds, tasks): the
 * t interval and two-sided t-test on the differences a - b, plus sign counts.
 */
import type { Interval } from './bootstrap.js';
import { meanOfValid, varianceOfValid } from './descriptive.js';
import { studentTCdf, studentTQuantile } from './distributions.js';
import { requireAlpha, requireSameLength, requireSample } from './validate.js';

export interface PairedResult extends Interval {
  /** a[i] - b[i] in input order. */
  differences: number[];
  /** Pairs with a > b. */
  positive: number;
  /** Pairs with a < b. */
  negative: number;
  /** Two-sided paired t-test p-value for a mean difference of zero. */
  pValue: number;
}

/**
 * Mean of a - b with its (1 - alpha) t interval and two-sided paired t-test; needs n >= 2 pairs.
 * If all differences are equal the test is degenerate: p = 1 when they are all zero, else 0.
 */
export function pairedTTest(a: readonly number[], b: readonly number[], alpha = 0.05): PairedResult {
  const fn = 'pairedTTest';
  requireSameLength(fn, a, b, ['a', 'b']);
  requireSample(fn, a, 2, 'a');
  requireSample(fn, b, 2, 'b');
  requireAlpha(fn, alpha);
  const n = a.length;
  const differences = a.map((v, i) => v - b[i]);
  const overflow = differences.findIndex((d) => !Number.isFinite(d));
  if (overflow >= 0) throw new Error(`${fn}: a[${overflow}] - b[${overflow}] overflows to ${differences[overflow]}`);
  const estimate = meanOfValid(differences);
  const standardError = Math.sqrt(varianceOfValid(differences) / n);
  const df = n - 1;
  const halfWidth = studentTQuantile(1 - alpha / 2, df) * standardError;

  let pValue: number;
  if (standardError > 0) {
    const t = estimate / standardError;
    pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  } else {
    // Zero spread: identical non-zero differences are a certain effect, all-zero ones no effect.
    pValue = estimate === 0 ? 1 : 0;
  }

  return {
    estimate,
    lo: estimate - halfWidth,
    hi: estimate + halfWidth,
    alpha,
    n,
    method: 'paired t interval on a - b',
    differences,
    positive: differences.filter((d) => d > 0).length,
    negative: differences.filter((d) => d < 0).length,
    pValue,
  };
}
