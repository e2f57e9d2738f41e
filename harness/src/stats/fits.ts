/**
 * Scaling-law fits reduced to OLS on transformed data: power laws on log-log axes,
 * exponential rates on semi-log axes, plus the filter used to pick the fitted window.
 */
import { ols, type LinearFit } from './ols.js';
import { requireFinite, requireSameLength, requireAlpha } from './validate.js';

export interface PowerLawFit extends LinearFit {
  /** Power-law exponent; identical to `slope` of log y on log x. */
  exponent: number;
  /** y at x = 1, i.e. exp(intercept). */
  prefactor: number;
  /** Points left out because x <= 0 or y <= 0 (no logarithm). */
  excluded: number;
}

export interface ExpRateFit extends LinearFit {
  /** Growth rate per unit x in log y; identical to `slope`. */
  rate: number;
  /** Geometric factor per unit x, exp(rate). */
  factor: number;
  /** Points left out because y <= 0 (no logarithm). */
  excluded: number;
}

/** Fit y = prefactor * x^exponent by OLS of ln y on ln x, using only points with x > 0 and y > 0 (at least 3). */
export function powerLawFit(x: readonly number[], y: readonly number[], alpha = 0.05): PowerLawFit {
  requireSameLength('powerLawFit', x, y);
  requireFinite('powerLawFit', x, 'x');
  requireFinite('powerLawFit', y, 'y');
  requireAlpha('powerLawFit', alpha);
  const logX: number[] = [];
  const logY: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (x[i] > 0 && y[i] > 0) {
      logX.push(Math.log(x[i]));
      logY.push(Math.log(y[i]));
    }
  }
  if (logX.length < 3) {
    throw new Error(
      `powerLawFit: needs at least 3 points with x > 0 and y > 0 to fit on log-log axes, got ${logX.length} of ${x.length}`,
    );
  }
  const fit = ols(logX, logY, alpha);
  return { ...fit, exponent: fit.slope, prefactor: Math.exp(fit.intercept), excluded: x.length - logX.length };
}

/** Fit ln y = a + rate * x by OLS, using only points with y > 0 (at least 3); factor = exp(rate) per unit x. */
export function expRateFit(x: readonly number[], y: readonly number[], alpha = 0.05): ExpRateFit {
  requireSameLength('expRateFit', x, y);
  requireFinite('expRateFit', x, 'x');
  requireFinite('expRateFit', y, 'y');
  requireAlpha('expRateFit', alpha);
  const keptX: number[] = [];
  const logY: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (y[i] > 0) {
      keptX.push(x[i]);
      logY.push(Math.log(y[i]));
    }
  }
  if (keptX.length < 3) {
    throw new Error(`expRateFit: needs at least 3 points with y > 0 to fit on semi-log axes, got ${keptX.length} of ${x.length}`);
  }
  const fit = ols(keptX, logY, alpha);
  return { ...fit, rate: fit.slope, factor: Math.exp(fit.slope), excluded: x.length - keptX.length };
}

/**
 * The (x, y) pairs for which `keep(x, y)` is true, in their original order. Non-finite
 * values are passed through to `keep` (so it can drop them); the fits reject any that remain.
 */
export function windowed(
  x: readonly number[],
  y: readonly number[],
  keep: (x: number, y: number) => boolean,
): { x: number[]; y: number[] } {
  requireSameLength('windowed', x, y);
  if (typeof keep !== 'function') throw new Error('windowed: keep must be a function (x, y) => boolean');
  const kept = { x: [] as number[], y: [] as number[] };
  for (let i = 0; i < x.length; i++) {
    if (keep(x[i], y[i])) {
      kept.x.push(x[i]);
      kept.y.push(y[i]);
    }
  }
  return kept;
}
