/** Tolerance assertions shared by the statistics tests. */
import type { ExecutionContext } from 'ava';

/** Assert |actual - expected| <= tol * max(1, |expected|) (relative for large values, absolute near 0). */
export function close(t: ExecutionContext, actual: number, expected: number, tol = 1e-12, label = ''): void {
  const scale = Math.max(1, Math.abs(expected));
  const ok = Number.isFinite(actual) && Math.abs(actual - expected) <= tol * scale;
  t.true(ok, `${label} expected ${expected}, got ${actual} (tolerance ${tol})`);
}

/** Assert |actual - expected| <= tol * |expected| (strict relative, for tiny tail probabilities). */
export function closeRelative(t: ExecutionContext, actual: number, expected: number, tol: number, label = ''): void {
  const ok = Number.isFinite(actual) && Math.abs(actual - expected) <= tol * Math.abs(expected);
  t.true(ok, `${label} expected ${expected}, got ${actual} (relative tolerance ${tol})`);
}
