/**
 * Ordinary least squares for one predictor, with the classical t-based standard errors
 * and slope interval, which is what a "slope is in [a, b]" claim is decided on.
 */
import { compensatedSum, meanOfValid } from './descriptive.js';
import { studentTQuantile } from './distributions.js';
import { requireAlpha, requireFinite, requireSameLength } from './validate.js';

export interface LinearFit {
  slope: number;
  intercept: number;
  /** Coefficient of determination; 0 when y is constant (nothing to explain, as scipy's linregress). */
  r2: number;
  /** Points used in the fit. */
  n: number;
  slopeSE: number;
  interceptSE: number;
  /** Two-sided (1 - alpha) Student t interval for the slope, n - 2 degrees of freedom. */
  slopeCI: [number, number];
  /** Residual standard deviation sqrt(SSE / (n - 2)). */
  residualSD: number;
}

/** Least-squares line y = intercept + slope * x with a (1 - alpha) t interval for the slope; needs n >= 3 and non-constant x. */
export function ols(x: readonly number[], y: readonly number[], alpha = 0.05): LinearFit {
  requireSameLength('ols', x, y);
  if (x.length < 3) {
    throw new Error(`ols: needs at least 3 points for a slope interval (n - 2 degrees of freedom), got ${x.length}`);
  }
  requireFinite('ols', x, 'x');
  requireFinite('ols', y, 'y');
  requireAlpha('ols', alpha);
  if (x.every((v) => v === x[0])) {
    throw new Error(`ols: x is constant (every value is ${x[0]}), so the slope is undefined; x needs at least two distinct values`);
  }

  const n = x.length;
  const xMean = meanOfValid(x);
  const yMean = meanOfValid(y);
  // Centred sums avoid the cancellation of the textbook sum(x*y) - n*xbar*ybar form.
  const dx = x.map((v) => v - xMean);
  const dy = y.map((v) => v - yMean);
  const sxx = compensatedSum(dx.map((d) => d * d));
  const sxy = compensatedSum(dx.map((d, i) => d * dy[i]));
  const syy = compensatedSum(dy.map((d) => d * d));
  if (!(sxx > 0)) {
    throw new Error('ols: x has no spread after centring (values differ only below floating-point resolution)');
  }

  const slope = sxy / sxx;
  const intercept = yMean - slope * xMean;
  // Residuals from the centred data equal y - intercept - slope*x without re-adding large offsets.
  const sse = compensatedSum(dx.map((d, i) => (dy[i] - slope * d) ** 2));
  const df = n - 2;
  const residualVariance = sse / df;
  const residualSD = Math.sqrt(residualVariance);
  const slopeSE = Math.sqrt(residualVariance / sxx);
  const interceptSE = Math.sqrt(residualVariance * (1 / n + (xMean * xMean) / sxx));
  const halfWidth = studentTQuantile(1 - alpha / 2, df) * slopeSE;
  const r2 = syy > 0 ? Math.min(1, Math.max(0, 1 - sse / syy)) : 0;

  return {
    slope,
    intercept,
    r2,
    n,
    slopeSE,
    interceptSE,
    slopeCI: [slope - halfWidth, slope + halfWidth],
    residualSD,
  };
}
