/** Monte-Carlo summaries that tolerate +∞ (a singular fit exactly at a threshold). */

export interface MeanSe { mean: number; se: number; n: number }

/** Mean and standard error of the mean; +∞ mean (and SE) if any value is not finite. */
export function meanSe(values: readonly number[]): MeanSe {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, se: Number.NaN, n };
  if (values.some((v) => !Number.isFinite(v))) return { mean: Number.POSITIVE_INFINITY, se: Number.POSITIVE_INFINITY, n };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, se: Number.NaN, n };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n), n };
}

/** Median, with NaN counted as +∞ (an unbounded error). */
export function medianOf(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = values.map((v) => (Number.isNaN(v) ? Number.POSITIVE_INFINITY : v)).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** x at the largest y (the first one on ties). */
export function argmax(xs: readonly number[], ys: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < ys.length; i++) if (ys[i] > ys[best]) best = i;
  return xs[best];
}

/** Integers a, a + 1, …, b. */
export function range(a: number, b: number, step = 1): number[] {
  const out: number[] = [];
  for (let v = a; v <= b; v += step) out.push(v);
  return out;
}

/** Column j of per-trial rows (trial × point). */
export function columnOfRows(rows: readonly (readonly number[])[], j: number): number[] {
  return rows.map((r) => r[j]);
}
