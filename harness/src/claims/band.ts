/**
 * Thresholds as closed bands and the rules that turn a statistic (with or without a
 * confidence interval) into a verdict. Shared by every claim kind.
 */
import type { Verdict } from '../types.js';

/** A pre-registered acceptance region; an open side is omitted. */
export interface Band { lo?: number; hi?: number }

export function inBand(value: number, band: Band): boolean {
  return (band.lo === undefined || value >= band.lo) && (band.hi === undefined || value <= band.hi);
}

/** "in [-1.1, -0.9]", "≥ 0.5", "≤ 1e-2". */
export function bandText(band: Band): string {
  const f = formatNumber;
  if (band.lo !== undefined && band.hi !== undefined) return `in [${f(band.lo)}, ${f(band.hi)}]`;
  if (band.lo !== undefined) return `≥ ${f(band.lo)}`;
  if (band.hi !== undefined) return `≤ ${f(band.hi)}`;
  return 'any value';
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(4)));
}

/**
 * A confidence interval against a band: inside entirely is a pass, outside entirely is a
 * fail, straddling an edge is inconclusive (the data cannot tell at this n).
 */
export function decideInterval(ci: [number, number], band: Band): Verdict {
  const [lo, hi] = ci;
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'inconclusive';
  if (inBand(lo, band) && inBand(hi, band)) return 'pass';
  if ((band.lo !== undefined && hi < band.lo) || (band.hi !== undefined && lo > band.hi)) return 'fail';
  return 'inconclusive';
}

/** Every seed inside the band is a pass; any seed outside is a fail; a non-finite seed is inconclusive. */
export function decideEverySeed(values: readonly number[], band: Band): Verdict {
  if (values.length === 0 || values.some((v) => !Number.isFinite(v))) return 'inconclusive';
  return values.every((v) => inBand(v, band)) ? 'pass' : 'fail';
}

/** A plain estimate against a band (for exact computations without sampling error). */
export function decideValue(value: number, band: Band): Verdict {
  if (!Number.isFinite(value)) return 'inconclusive';
  return inBand(value, band) ? 'pass' : 'fail';
}

/** Combine sub-verdicts of one claim: any fail fails, then any inconclusive, else pass. */
export function allOf(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('error')) return 'error';
  if (verdicts.includes('fail')) return 'fail';
  if (verdicts.includes('inconclusive')) return 'inconclusive';
  return 'pass';
}
