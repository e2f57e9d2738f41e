/** The arithmetic of the benchmark (pure): medians, FLOP rates, ratios and differences. */

/** The harness's median (numpy's linear interpolation; throws on an empty or non-finite sample). */
export { median } from '../harness/src/stats/descriptive.js';

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

/** max_i |a_i - b_i| / max(|b_i|, tiny), or null when the lengths differ (pure). */
export function maxRelativeDiff(a: readonly number[], b: readonly number[]): number | null {
  if (a.length !== b.length || a.length === 0) return null;
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-300);
    if (Number.isNaN(d)) return Number.NaN;
    if (d > worst) worst = d;
  }
  return worst;
}
