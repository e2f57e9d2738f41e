/**
 * Input guards shared by the statistics modules. A statistic computed from empty,
 * mismatched or non-finite data would still print as a number, so every public
 * function checks its inputs here and fails loudly instead.
 */

/** Throw unless `xs` has at least `min` values, naming the caller and the shortfall. */
export function requireLength(fn: string, xs: readonly number[], min: number, what = 'values'): void {
  if (!Array.isArray(xs)) throw new Error(`${fn}: expected an array of numbers, got ${typeof xs}`);
  if (xs.length < min) {
    throw new Error(`${fn}: needs at least ${min} ${what}, got ${xs.length}`);
  }
}

/** Throw at the first non-finite entry, so NaN or Infinity never leaks into a result. */
export function requireFinite(fn: string, xs: readonly number[], name = 'input'): void {
  for (let i = 0; i < xs.length; i++) {
    const v = xs[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${fn}: ${name}[${i}] is ${String(v)}; every value must be a finite number`);
    }
  }
}

/** Throw unless `xs` is a finite sample of at least `min` values. */
export function requireSample(fn: string, xs: readonly number[], min = 1, name = 'input'): void {
  requireLength(fn, xs, min, `${name} values`);
  requireFinite(fn, xs, name);
}

/** Throw unless two paired arrays have the same length. */
export function requireSameLength(fn: string, a: readonly number[], b: readonly number[], names = ['x', 'y']): void {
  if (!Array.isArray(a) || !Array.isArray(b)) throw new Error(`${fn}: expected two arrays of numbers`);
  if (a.length !== b.length) {
    throw new Error(`${fn}: ${names[0]} and ${names[1]} must have the same length, got ${a.length} and ${b.length}`);
  }
}

/** Throw unless `alpha` is a significance level strictly between 0 and 1. */
export function requireAlpha(fn: string, alpha: number): void {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) {
    throw new Error(`${fn}: alpha must be strictly between 0 and 1 (e.g. 0.05 for a 95% interval), got ${String(alpha)}`);
  }
}

/** Throw unless `p` is a probability in [0, 1]. */
export function requireProbability(fn: string, p: number, name = 'p'): void {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new Error(`${fn}: ${name} must be a probability in [0, 1], got ${String(p)}`);
  }
}

/** Throw unless `v` is a finite number. */
export function requireFiniteNumber(fn: string, v: number, name: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(`${fn}: ${name} must be a finite number, got ${String(v)}`);
  }
}
