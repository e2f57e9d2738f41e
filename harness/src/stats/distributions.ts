/**
 * Normal and Student t distribution functions. Accuracy targets: normal CDF and quantile
 * to ~1e-15 relative (Cody erfc, Wichura AS241), Student t CDF to ~1e-13 and its quantile
 * to ~1e-12 relative (regularized incomplete beta plus safeguarded Newton). The t functions
 * lose accuracy slowly for huge df (about df * 1e-16 relative, e.g. 5e-13 at df = 1e4), far
 * below anything a decision threshold could notice.
 */
import { erfc, logBeta, regularizedIncompleteBeta } from './special.js';

const SQRT1_2 = Math.SQRT1_2;

/** Standard normal cumulative distribution function P(Z <= z). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) throw new Error('normalCdf: z is NaN; needs a number');
  // Using erfc on the negated argument keeps full relative accuracy in the lower tail.
  return 0.5 * erfc(-z * SQRT1_2);
}

/** Standard normal density. */
export function normalPdf(z: number): number {
  if (Number.isNaN(z)) throw new Error('normalPdf: z is NaN; needs a number');
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Inverse of the standard normal CDF (Wichura's AS241 PPND16, ~1e-16 relative); p=0 -> -Infinity, p=1 -> Infinity. */
export function normalQuantile(p: number): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new Error(`normalQuantile: p must be a probability in [0, 1], got ${String(p)}`);
  }
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    value =
      (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -value : value;
}

function requireDegreesOfFreedom(fn: string, df: number): void {
  if (typeof df !== 'number' || Number.isNaN(df) || !(df > 0)) {
    throw new Error(`${fn}: degrees of freedom must be > 0, got ${String(df)}`);
  }
}

/** P(T <= -|t|) for Student t with `df` degrees of freedom, computed without cancellation. */
function studentTLowerTail(t: number, df: number): number {
  const t2 = t * t;
  if (t2 === Infinity) return 0;
  // x = df/(df+t^2) and 1-x = t^2/(df+t^2), each formed directly so neither tail loses digits.
  const denominator = df + t2;
  const x = df / denominator;
  const y = t2 / denominator;
  const logX = -Math.log1p(t2 / df);
  const logY = Math.log(y);
  return 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5, y, logX, logY);
}

/** Student t cumulative distribution function P(T <= t) with `df` > 0 degrees of freedom (df = Infinity gives the normal). */
export function studentTCdf(t: number, df: number): number {
  requireDegreesOfFreedom('studentTCdf', df);
  if (Number.isNaN(t)) throw new Error('studentTCdf: t is NaN; needs a number');
  if (df === Infinity) return normalCdf(t);
  if (t === 0) return 0.5;
  const tail = studentTLowerTail(t, df);
  return t < 0 ? tail : 1 - tail;
}

/** Student t density with `df` > 0 degrees of freedom. */
export function studentTPdf(t: number, df: number): number {
  requireDegreesOfFreedom('studentTPdf', df);
  if (Number.isNaN(t)) throw new Error('studentTPdf: t is NaN; needs a number');
  if (df === Infinity) return normalPdf(t);
  const logDensity = -((df + 1) / 2) * Math.log1p((t * t) / df) - 0.5 * Math.log(df) - logBeta(df / 2, 0.5);
  return Math.exp(logDensity);
}

/** Inverse of the Student t CDF for `df` > 0 (relative accuracy ~1e-12); p=0 -> -Infinity, p=1 -> Infinity. */
export function studentTQuantile(p: number, df: number): number {
  requireDegreesOfFreedom('studentTQuantile', df);
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) {
    throw new Error(`studentTQuantile: p must be a probability in [0, 1], got ${String(p)}`);
  }
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p);
  // Solve in the lower tail, where the CDF is computed without cancellation, then reflect.
  const tail = p < 0.5 ? p : 1 - p;
  const sign = p < 0.5 ? -1 : 1;
  // Closed forms for df = 1 (Cauchy) and df = 2; cot(pi*tail) keeps full precision for tiny tails.
  if (df === 1) return sign / Math.tan(Math.PI * tail);
  if (df === 2) return (sign * (1 - 2 * tail)) / Math.sqrt(2 * tail * (1 - tail));
  return sign * solveLowerTail(tail, df);
}

/**
 * |t| such that P(T <= -|t|) = tail (tail < 0.5): a bracket, then safeguarded Newton steps that
 * fall back to bisection on log t (the far tail spans hundreds of orders of magnitude). Throws
 * rather than return an unconverged value.
 */
function solveLowerTail(tail: number, df: number): number {
  const z = -normalQuantile(tail);
  let guess = z + (z * z * z + z) / (4 * df);
  if (!Number.isFinite(guess) || guess <= 0) guess = z > 0 ? z : 1;

  // f(t) = P(T <= -t) - tail decreases in t >= 0: positive at lo, not positive at hi.
  const f = (t: number) => studentTLowerTail(t, df) - tail;
  let lo = 0;
  let hi = guess;
  while (f(hi) > 0) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Infinity;
  }
  const bisect = () => (lo > 0 ? Math.sqrt(lo * hi) : 0.5 * hi);
  let t = guess > lo && guess < hi ? guess : bisect();
  for (let iteration = 0; iteration < 2000; iteration++) {
    const value = f(t);
    if (value === 0) return t;
    if (value > 0) lo = t;
    else hi = t;
    if (hi - lo <= 4 * Number.EPSILON * hi) return 0.5 * (lo + hi);
    const next = t + value / studentTPdf(t, df);
    const step = next > lo && next < hi && Number.isFinite(next) ? next : bisect();
    if (Math.abs(step - t) <= 1e-15 * Math.abs(step)) return step;
    t = step;
  }
  throw new Error(`studentTQuantile: no convergence for a lower tail of ${tail} with df = ${df} (bracket [${lo}, ${hi}])`);
}
