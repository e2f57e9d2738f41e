/**
 * A pre-registered acceptance region, with the strictness of each end part of the claim:
 * "more", "fewer", "helps", "smaller" are strict (`gt`, `lt`: an effect of exactly zero never
 * passes them); "at least", "at most", "no more than" are inclusive (`ge`, `le`). The band travels
 * as data from the check to the report; its text is only ever derived from it.
 */
import type { Verdict } from '../types.js';
import type { ChartBand } from '../charts/types.js';

export interface Band { gt?: number; ge?: number; lt?: number; le?: number }

/** The lower and upper ends of a band, each with its strictness. */
export function bandEnds(band: Band): { lo?: { value: number; strict: boolean }; hi?: { value: number; strict: boolean } } {
  const lo = band.gt !== undefined ? { value: band.gt, strict: true } : band.ge !== undefined ? { value: band.ge, strict: false } : undefined;
  const hi = band.lt !== undefined ? { value: band.lt, strict: true } : band.le !== undefined ? { value: band.le, strict: false } : undefined;
  return { ...(lo ? { lo } : {}), ...(hi ? { hi } : {}) };
}

/** Rejects, when a claim is declared, a band that is ambiguous or empty. */
export function requireBand(where: string, band: Band): Band {
  const known = new Set(['gt', 'ge', 'lt', 'le']);
  const keys = Object.keys(band ?? {});
  const unknown = keys.filter((k) => !known.has(k));
  if (unknown.length > 0 || keys.length === 0) {
    throw new Error(`${where}: a band is { gt | ge, lt | le } (strict or inclusive ends), got ${JSON.stringify(band)}`);
  }
  for (const k of keys) {
    const v = band[k as keyof Band];
    if (typeof v !== 'number' || Number.isNaN(v)) throw new Error(`${where}: band.${k} must be a number, got ${String(v)}`);
  }
  if (band.gt !== undefined && band.ge !== undefined) throw new Error(`${where}: a band has one lower end: gt (strict) or ge (inclusive), not both`);
  if (band.lt !== undefined && band.le !== undefined) throw new Error(`${where}: a band has one upper end: lt (strict) or le (inclusive), not both`);
  const { lo, hi } = bandEnds(band);
  if (lo && hi && (lo.value > hi.value || (lo.value === hi.value && (lo.strict || hi.strict)))) {
    throw new Error(`${where}: the band ${bandText(band)} is empty`);
  }
  return band;
}

/** "> 0", "≥ 0.5", "in [0.9, 1.1]", "in (0, 1]". */
export function bandText(band: Band): string {
  const { lo, hi } = bandEnds(band);
  const f = formatNumber;
  if (lo && hi) return `in ${lo.strict ? '(' : '['}${f(lo.value)}, ${f(hi.value)}${hi.strict ? ')' : ']'}`;
  if (lo) return `${lo.strict ? '>' : '≥'} ${f(lo.value)}`;
  if (hi) return `${hi.strict ? '<' : '≤'} ${f(hi.value)}`;
  return 'any value';
}

/** Whether one value lies in the band (for per-seed marks; verdicts use intervals). */
export function bandContains(band: Band, value: number): boolean {
  const { lo, hi } = bandEnds(band);
  const aboveLo = !lo || (lo.strict ? value > lo.value : value >= lo.value);
  const belowHi = !hi || (hi.strict ? value < hi.value : value <= hi.value);
  return aboveLo && belowHi;
}

/** The band as a chart draws it: plain numbers and a label. */
export function chartBand(band: Band): ChartBand {
  const { lo, hi } = bandEnds(band);
  return { ...(lo ? { lo: lo.value } : {}), ...(hi ? { hi: hi.value } : {}), label: bandText(band) };
}

/**
 * The one number formatter of claims, reports and verify: 4 significant digits; exponent form for
 * very small or large magnitudes; ∞, −∞, NaN; '—' when missing (null or undefined); anything
 * else that is not a number as its string.
 */
export function formatNumber(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '−∞';
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/**
 * A confidence interval against a band, end by end. Against a strict lower end X: pass when the
 * interval lies above X, fail when it lies at or below X, inconclusive when it touches or
 * straddles X. Against an inclusive end X: pass when the interval lies at or above X, fail when
 * below. Either end failing fails; then either end inconclusive; else pass.
 */
export function judgeInterval(ci: readonly [number, number], band: Band): Verdict {
  const [l, u] = ci;
  if (Number.isNaN(l) || Number.isNaN(u) || l > u) return 'inconclusive';
  const { lo, hi } = bandEnds(band);
  const sides: Verdict[] = [];
  if (lo) sides.push(lo.strict ? (l > lo.value ? 'pass' : u <= lo.value ? 'fail' : 'inconclusive') : l >= lo.value ? 'pass' : u < lo.value ? 'fail' : 'inconclusive');
  if (hi) sides.push(hi.strict ? (u < hi.value ? 'pass' : l >= hi.value ? 'fail' : 'inconclusive') : u <= hi.value ? 'pass' : l > hi.value ? 'fail' : 'inconclusive');
  return combineVerdicts(sides);
}

/** A value without sampling error (an exact count, a closed form) against a band. */
export function judgeValue(value: number, band: Band): Verdict {
  return Number.isNaN(value) ? 'inconclusive' : judgeInterval([value, value], band);
}

/** Several sub-verdicts of one claim: error, then fail, then inconclusive win; else pass. */
export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('error')) return 'error';
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.includes('inconclusive')) return 'inconclusive';
  return 'pass';
}

/** The index of the sub-verdict that decided `combineVerdicts` (the first of the winning kind). */
export function decidingIndex(verdicts: readonly Verdict[]): number {
  const winner = combineVerdicts(verdicts);
  return Math.max(0, verdicts.indexOf(winner));
}
