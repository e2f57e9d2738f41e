/**
 * Descriptive statistics of one sample. Sums are compensated (Neumaier) so that a
 * mean of many similar timings is not dominated by rounding error.
 */
import { requireProbability, requireSample } from './validate.js';

/** Sum of `xs` with Neumaier compensation (assumes finite values; validate before calling). */
export function compensatedSum(xs: readonly number[]): number {
  let total = 0;
  let compensation = 0;
  for (const x of xs) {
    const t = total + x;
    // Recover the low-order bits lost in `total + x`, whichever operand was larger.
    compensation += Math.abs(total) >= Math.abs(x) ? total - t + x : x - t + total;
    total = t;
  }
  return total + compensation;
}

/** Sum of a finite, non-empty sample. */
export function sum(xs: readonly number[]): number {
  requireSample('sum', xs, 1);
  return compensatedSum(xs);
}

/** Arithmetic mean of a finite, non-empty sample. */
export function mean(xs: readonly number[]): number {
  requireSample('mean', xs, 1);
  return meanOfValid(xs);
}

/** Mean without validation, for callers that have already checked their input. */
export function meanOfValid(xs: readonly number[]): number {
  const m = compensatedSum(xs) / xs.length;
  // Rounding can push the quotient a hair outside the data range; a mean never leaves it.
  let lo = xs[0];
  let hi = xs[0];
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return Math.min(hi, Math.max(lo, m));
}

/** Sample variance with the n-1 (Bessel) denominator; needs n >= 2. */
export function variance(xs: readonly number[]): number {
  requireSample('variance', xs, 2);
  return varianceOfValid(xs);
}

/** Variance without validation (n >= 2, finite), for callers that have already checked. */
export function varianceOfValid(xs: readonly number[]): number {
  const m = meanOfValid(xs);
  let squares = 0;
  let deviations = 0;
  for (const x of xs) {
    const d = x - m;
    squares += d * d;
    deviations += d;
  }
  // Corrected two-pass formula: subtracting the (tiny) residual sum of deviations
  // removes the error left by rounding in the mean.
  const v = (squares - (deviations * deviations) / xs.length) / (xs.length - 1);
  return v > 0 ? v : 0;
}

/** Sample standard deviation (square root of the n-1 variance); needs n >= 2. */
export function std(xs: readonly number[]): number {
  requireSample('std', xs, 2);
  return Math.sqrt(varianceOfValid(xs));
}

/** Median (average of the two middle values for even n). */
export function median(xs: readonly number[]): number {
  requireSample('median', xs, 1);
  return quantileOfSorted(sortedCopy(xs), 0.5);
}

/** The q-th quantile, q in [0, 1], by linear interpolation between order statistics (numpy's default). */
export function quantile(xs: readonly number[], q: number): number {
  requireSample('quantile', xs, 1);
  requireProbability('quantile', q, 'q');
  return quantileOfSorted(sortedCopy(xs), q);
}

/** Quantile of an already ascending-sorted, validated array (numpy "linear" method). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  const a = sorted[below];
  const b = sorted[above];
  const diff = b - a;
  // numpy interpolates from whichever end is nearer so that q=1 returns exactly the maximum.
  return fraction >= 0.5 ? b - diff * (1 - fraction) : a + diff * fraction;
}

/** Mean after dropping one minimum and one maximum (MLPerf "olympic" scoring); needs n >= 3. */
export function olympicMean(xs: readonly number[]): number {
  requireSample('olympicMean', xs, 3);
  const sorted = sortedCopy(xs);
  return meanOfValid(sorted.slice(1, -1));
}

/** True when every value is a finite number (true for an empty array); never throws. */
export function allFinite(xs: readonly number[]): boolean {
  if (!Array.isArray(xs)) return false;
  for (const x of xs) if (typeof x !== 'number' || !Number.isFinite(x)) return false;
  return true;
}

/** Ascending numeric copy; the default sort would order numbers as strings. */
export function sortedCopy(xs: readonly number[]): number[] {
  return [...xs].sort((a, b) => a - b);
}
