/**
 * The confidence intervals behind verdicts, chosen because they hold their nominal coverage at
 * the small n of a reproduction (3 to 10 seeds): Student t for means and mean differences,
 * Welch for two independent groups, Fieller for a ratio of paired means, exact order statistics
 * for a median, Clopper-Pearson for a success rate, Fisher's z for correlations. The calibration
 * tests in harness/test/claims/calibration.test.ts measure each one's coverage by simulation.
 */
import { meanOfValid, varianceOfValid } from './descriptive.js';
import { normalQuantile, studentTQuantile } from './distributions.js';
import { regularizedIncompleteBeta } from './special.js';
import { requireAlpha, requireFinite, requireSameLength, requireSample } from './validate.js';

/** A two-sided interval; `lo`/`hi` may be ±Infinity when the data cannot bound the quantity. */
export interface Bounds {
  estimate: number;
  lo: number;
  hi: number;
  /** The interval's own coverage guarantee (≥ 1 − alpha; exact intervals may give more). */
  level: number;
  method: string;
}

/** Student t interval for a mean: exact under normality, robust enough to skew from n ≈ 10. */
export function tInterval(xs: readonly number[], alpha = 0.05): Bounds {
  requireSample('tInterval', xs, 2);
  requireAlpha('tInterval', alpha);
  const n = xs.length;
  const estimate = meanOfValid(xs);
  const half = studentTQuantile(1 - alpha / 2, n - 1) * Math.sqrt(varianceOfValid(xs) / n);
  return { estimate, lo: estimate - half, hi: estimate + half, level: 1 - alpha, method: `t interval over n = ${n}` };
}

/** Welch's interval for mean(a) − mean(b) of two independent groups (Satterthwaite df). */
export function welchInterval(a: readonly number[], b: readonly number[], alpha = 0.05): Bounds {
  requireSample('welchInterval', a, 2, 'a');
  requireSample('welchInterval', b, 2, 'b');
  requireAlpha('welchInterval', alpha);
  const va = varianceOfValid(a) / a.length;
  const vb = varianceOfValid(b) / b.length;
  const estimate = meanOfValid(a) - meanOfValid(b);
  const se = Math.sqrt(va + vb);
  // With no spread in either group the difference is known exactly.
  const df = se > 0 ? (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1)) : Infinity;
  const half = se > 0 ? studentTQuantile(1 - alpha / 2, df) * se : 0;
  return { estimate, lo: estimate - half, hi: estimate + half, level: 1 - alpha, method: `Welch t interval (n = ${a.length} and ${b.length})` };
}

/**
 * Fieller's interval for mean(a) / mean(b) over paired observations: the θ for which the paired
 * t test of mean(a − θ·b) = 0 does not reject. Exact for bivariate normal pairs. When mean(b) is
 * not clearly away from zero the set is unbounded and the interval is (−∞, ∞).
 */
export function fiellerRatioInterval(a: readonly number[], b: readonly number[], alpha = 0.05): Bounds {
  const fn = 'fiellerRatioInterval';
  requireSameLength(fn, a, b, ['a', 'b']);
  requireSample(fn, a, 2, 'a');
  requireSample(fn, b, 2, 'b');
  requireAlpha(fn, alpha);
  const n = a.length;
  const ma = meanOfValid(a);
  const mb = meanOfValid(b);
  let saa = 0;
  let sbb = 0;
  let sab = 0;
  for (let i = 0; i < n; i++) {
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
    sab += (a[i] - ma) * (b[i] - mb);
  }
  const t2n = studentTQuantile(1 - alpha / 2, n - 1) ** 2 / (n * (n - 1));
  const A = mb * mb - t2n * sbb;
  const B = -2 * (ma * mb - t2n * sab);
  const C = ma * ma - t2n * saa;
  const estimate = ma / mb;
  const method = `Fieller interval for a ratio of paired means (n = ${n})`;
  const discriminant = B * B - 4 * A * C;
  if (!(A > 0) || !(discriminant >= 0)) return { estimate, lo: -Infinity, hi: Infinity, level: 1 - alpha, method };
  const root = Math.sqrt(discriminant);
  // The numerically stable pair of roots of Aθ² + Bθ + C.
  const q = -0.5 * (B + Math.sign(B || 1) * root);
  const roots = [q / A, q !== 0 ? C / q : -B / (2 * A)].sort((x, y) => x - y);
  return { estimate, lo: roots[0], hi: roots[1], level: 1 - alpha, method };
}

/** P(X ≤ k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // P(X ≤ k) = I_{1−p}(n − k, k + 1).
  return regularizedIncompleteBeta(1 - p, n - k, k + 1, p);
}

/**
 * Distribution-free interval for a median from order statistics: [x(k), x(n+1−k)] with the largest
 * k whose coverage 1 − 2·P(Bin(n, ½) ≤ k − 1) is at least 1 − alpha. Null when even [min, max]
 * falls short (n ≤ 5 at alpha = 0.05): then no interval at that level exists. Values may be ±∞.
 */
export function medianInterval(xs: readonly number[], alpha = 0.05): (Bounds & { ranks: [number, number] }) | null {
  requireAlpha('medianInterval', alpha);
  if (xs.some((x) => Number.isNaN(x))) throw new Error('medianInterval: NaN among the values');
  const n = xs.length;
  const sorted = [...xs].sort((x, y) => x - y);
  let k = 0;
  while (k + 1 <= Math.floor(n / 2) && 1 - 2 * binomialCdf(k, n, 0.5) >= 1 - alpha) k++;
  if (k === 0) return null;
  const level = 1 - 2 * binomialCdf(k - 1, n, 0.5);
  const mid = n % 2 === 1 ? sorted[(n - 1) / 2] : middle(sorted[n / 2 - 1], sorted[n / 2]);
  return { estimate: mid, lo: sorted[k - 1], hi: sorted[n - k], level, ranks: [k, n + 1 - k], method: `order-statistic interval [x(${k}), x(${n + 1 - k})] of n = ${n} (exact coverage ${(100 * level).toFixed(1)}%)` };
}

function middle(lo: number, hi: number): number {
  return lo === hi ? lo : lo / 2 + hi / 2;
}

/** The least n at which an order-statistic median interval reaches 1 − alpha. */
export function medianMinimumN(alpha = 0.05): number {
  let n = 1;
  while (1 - 2 * binomialCdf(0, n, 0.5) < 1 - alpha) n++;
  return n;
}

/** Clopper-Pearson exact interval for a success probability from `successes` of `trials`. */
export function clopperPearson(successes: number, trials: number, alpha = 0.05): Bounds {
  if (!Number.isInteger(trials) || trials < 1) throw new Error(`clopperPearson: trials must be a positive integer, got ${trials}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > trials) {
    throw new Error(`clopperPearson: successes must be an integer in [0, ${trials}], got ${successes}`);
  }
  requireAlpha('clopperPearson', alpha);
  // The bounds solve P(X ≥ k | p_lo) = alpha/2 and P(X ≤ k | p_hi) = alpha/2, by bisection on p.
  const solve = (target: (p: number) => number) => {
    let lo = 0;
    let hi = 1;
    for (let i = 0; i < 200 && hi - lo > 1e-15; i++) {
      const mid = (lo + hi) / 2;
      if (target(mid) > 0) hi = mid;
      else lo = mid;
    }
    return (lo + hi) / 2;
  };
  const k = successes;
  const lower = k === 0 ? 0 : solve((p) => 1 - binomialCdf(k - 1, trials, p) - alpha / 2);
  const upper = k === trials ? 1 : solve((p) => alpha / 2 - binomialCdf(k, trials, p));
  return { estimate: k / trials, lo: lower, hi: upper, level: 1 - alpha, method: `Clopper-Pearson exact interval (${k} of ${trials})` };
}

/** Fisher's z of a correlation, clamped so that |r| = 1 maps to a large finite value. */
export function fisherZ(r: number): number {
  const clamped = Math.max(-1 + 1e-12, Math.min(1 - 1e-12, r));
  return Math.atanh(clamped);
}

/**
 * Interval for one correlation of n independent pairs by Fisher's z: standard error 1/√(n − 3)
 * for Pearson, √(1.06/(n − 3)) for Spearman (Fieller, Hartley & Pearson 1957). Needs n ≥ 4.
 */
export function correlationInterval(r: number, n: number, method: 'pearson' | 'spearman', alpha = 0.05): Bounds {
  requireFinite('correlationInterval', [r], 'r');
  if (!(n >= 4)) throw new Error(`correlationInterval: needs n ≥ 4 pairs, got ${n}`);
  requireAlpha('correlationInterval', alpha);
  const se = Math.sqrt((method === 'spearman' ? 1.06 : 1) / (n - 3));
  const z = fisherZ(r);
  const half = normalQuantile(1 - alpha / 2) * se;
  return { estimate: r, lo: Math.tanh(z - half), hi: Math.tanh(z + half), level: 1 - alpha, method: `Fisher z interval of one ${method} correlation over n = ${n} pairs` };
}

/**
 * Interval for a correlation measured once per seed (the seeds independent, the points within a
 * seed not): the t interval over seeds of Fisher's z, mapped back. Each seed's z is corrected for
 * its small-sample bias r/(2(m − 1)) (m points in that seed), which averaging over seeds would
 * otherwise expose. Needs at least 2 seeds.
 */
export function correlationOverSeeds(perSeed: readonly { r: number; points: number }[], alpha = 0.05): Bounds {
  if (perSeed.length < 2) throw new Error(`correlationOverSeeds: needs at least 2 seeds, got ${perSeed.length}`);
  const z = tInterval(perSeed.map(({ r, points }) => fisherZ(r) - r / (2 * Math.max(1, points - 1))), alpha);
  return { estimate: Math.tanh(z.estimate), lo: Math.tanh(z.lo), hi: Math.tanh(z.hi), level: 1 - alpha, method: `t interval over ${perSeed.length} seeds of each seed's bias-corrected Fisher z` };
}
