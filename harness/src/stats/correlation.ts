/**
 * Correlation coefficients: Pearson (linear) and Spearman (Pearson on average ranks,
 * so ties are handled as scipy.stats.spearmanr does).
 */
import { compensatedSum, meanOfValid } from './descriptive.js';
import { requireFinite, requireLength, requireSameLength } from './validate.js';

function requirePairs(fn: string, x: readonly number[], y: readonly number[]): void {
  requireSameLength(fn, x, y);
  requireLength(fn, x, 2, 'pairs');
  requireFinite(fn, x, 'x');
  requireFinite(fn, y, 'y');
}

/** Pearson correlation of validated, equal-length arrays; throws when either is constant. */
function pearsonOfValid(fn: string, x: readonly number[], y: readonly number[]): number {
  const xMean = meanOfValid(x);
  const yMean = meanOfValid(y);
  const dx = x.map((v) => v - xMean);
  const dy = y.map((v) => v - yMean);
  const sxx = compensatedSum(dx.map((d) => d * d));
  const syy = compensatedSum(dy.map((d) => d * d));
  if (!(sxx > 0) || !(syy > 0)) {
    throw new Error(`${fn}: correlation is undefined because ${sxx > 0 ? 'y' : 'x'} is constant; both need at least two distinct values`);
  }
  const sxy = compensatedSum(dx.map((d, i) => d * dy[i]));
  // Rounding can push |r| a hair past 1 for perfectly linear data.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

/** Pearson product-moment correlation; needs n >= 2 and neither array constant. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  requirePairs('pearson', x, y);
  return pearsonOfValid('pearson', x, y);
}

/** Spearman rank correlation (Pearson on average ranks, so ties are handled); needs n >= 2 and neither array constant. */
export function spearman(x: readonly number[], y: readonly number[]): number {
  requirePairs('spearman', x, y);
  return pearsonOfValid('spearman', rankOfValid(x), rankOfValid(y));
}

/** 1-based ranks in input order, tied values sharing the average of their ranks (scipy's rankdata "average"). */
export function ranks(xs: readonly number[]): number[] {
  requireLength('ranks', xs, 1);
  requireFinite('ranks', xs);
  return rankOfValid(xs);
}

function rankOfValid(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((i, j) => xs[i] - xs[j]);
  const result = new Array<number>(xs.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && xs[order[end + 1]] === xs[order[start]]) end++;
    // Positions start..end (0-based) hold equal values; each gets the mean 1-based rank.
    const averageRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) result[order[k]] = averageRank;
    start = end + 1;
  }
  return result;
}
