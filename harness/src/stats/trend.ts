/**
 * Trend checks for "y rises/falls with x" claims: strict monotonicity of a sequence and
 * Kendall's tau-b rank correlation (tie-adjusted, as scipy.stats.kendalltau).
 */
import { requireFinite, requireLength, requireSameLength, requireSample } from './validate.js';

/** True when every step of `ys` strictly rises ('increasing') or strictly falls ('decreasing'); needs n >= 2. */
export function isStrictlyMonotone(ys: readonly number[], direction: 'increasing' | 'decreasing'): boolean {
  // One point has no steps, and calling it a trend would let a claim pass vacuously.
  requireSample('isStrictlyMonotone', ys, 2);
  if (direction !== 'increasing' && direction !== 'decreasing') {
    throw new Error(`isStrictlyMonotone: direction must be 'increasing' or 'decreasing', got ${String(direction)}`);
  }
  for (let i = 1; i < ys.length; i++) {
    const step = ys[i] - ys[i - 1];
    if (direction === 'increasing' ? !(step > 0) : !(step < 0)) return false;
  }
  return true;
}

/** Kendall's tau-b (ties adjusted in both variables); needs n >= 2 and neither array constant. */
export function kendallTau(x: readonly number[], y: readonly number[]): number {
  const fn = 'kendallTau';
  requireSameLength(fn, x, y);
  requireLength(fn, x, 2, 'pairs');
  requireFinite(fn, x, 'x');
  requireFinite(fn, y, 'y');
  let concordantMinusDiscordant = 0;
  let pairsUntiedInX = 0;
  let pairsUntiedInY = 0;
  // O(n^2) over pairs: exact, and the samples behind claims are small.
  for (let i = 0; i < x.length; i++) {
    for (let j = i + 1; j < x.length; j++) {
      const sx = Math.sign(x[i] - x[j]);
      const sy = Math.sign(y[i] - y[j]);
      if (sx !== 0) pairsUntiedInX++;
      if (sy !== 0) pairsUntiedInY++;
      concordantMinusDiscordant += sx * sy;
    }
  }
  if (pairsUntiedInX === 0 || pairsUntiedInY === 0) {
    throw new Error(`${fn}: tau is undefined because ${pairsUntiedInX === 0 ? 'x' : 'y'} is constant; both need at least two distinct values`);
  }
  return concordantMinusDiscordant / Math.sqrt(pairsUntiedInX * pairsUntiedInY);
}
