/** The arithmetic of the benchmark (pure): medians, FLOP rates and ratios. */

/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Floating-point operations of an n x n by n x n matrix product: n^2 dot products of n multiply-adds. */
export function matmulFlops(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`matmulFlops: n must be a positive integer, got ${n}`);
  return 2 * n ** 3;
}

/** GFLOP/s of one n x n matmul that took `seconds`. */
export function matmulGflops(n: number, seconds: number): number {
  if (!(seconds > 0) || !Number.isFinite(seconds)) throw new Error(`matmulGflops: seconds must be positive, got ${seconds}`);
  return matmulFlops(n) / seconds / 1e9;
}

/** a / b, or null when either side is missing or b is not positive. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

/** Rounds to `digits` significant digits (for the JSON; the table formats on its own). */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** max_i |a_i - b_i| / max(|b_i|, tiny), or null when the lengths differ (pure). */
export function maxRelativeDiff(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length === 0) return null;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300);
    if (!(d <= worst)) worst = d; // NaN propagates as the worst
  }
  return worst;
}
