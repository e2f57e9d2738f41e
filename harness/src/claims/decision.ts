/**
 * The one decision step every claim kind ends with: an estimate and its interval against a band,
 * turned into a verdict with a plain reason. Kinds compute numbers; this file words and decides.
 */
import type { Verdict } from '../types.js';
import { bandContains, bandEnds, bandText, formatNumber, judgeInterval, judgeValue, type Band } from './band.js';
import type { Decision } from './check.js';

export interface SeedValue { seed: number; value: number }

/** What a kind hands over: its statistic, the interval (or none for an exact value), and evidence. */
export interface EstimateInput {
  band: Band;
  /** What the statistic is, in words: "mean over seeds of the exponent". */
  label: string;
  estimate: number;
  /** The interval and how it was made; null for a value without sampling error. */
  interval: { lo: number; hi: number; method: string } | null;
  n: number;
  seeds: number[];
  threshold: string;
  perSeed?: Decision['perSeed'];
  details?: Decision['details'];
  chart?: Decision['chart'];
  degenerate?: string;
}

/** Decide an estimate against its band and word the outcome. */
export function decideEstimate(input: EstimateInput): Decision {
  const { band, label, estimate, interval } = input;
  const verdict: Verdict = interval ? judgeInterval([interval.lo, interval.hi], band) : judgeValue(estimate, band);
  const where = interval ? `${formatNumber(estimate)}, 95% CI [${formatNumber(interval.lo)}, ${formatNumber(interval.hi)}]` : `${formatNumber(estimate)} (exact)`;
  const reason = verdict === 'pass'
    ? `${label} = ${where}: ${interval ? 'the whole interval is' : 'it is'} ${bandText(band)}`
    : verdict === 'fail'
      ? `${label} = ${where}: ${interval ? 'the whole interval lies' : 'it lies'} outside ${bandText(band)}${touchesStrictEnd(band, estimate) ? ' (the effect is exactly at the edge; the claim needs it strictly beyond)' : ''}`
      : `${label} = ${where}: the interval reaches across the edge of ${bandText(band)}, so n = ${input.n} cannot decide`;
  return {
    verdict,
    method: interval ? interval.method : 'an exact value, without sampling error',
    statistic: estimate,
    ...(interval ? { ci: [interval.lo, interval.hi] as [number, number], alpha: 0.05 } : {}),
    threshold: input.threshold,
    band,
    n: input.n,
    seeds: input.seeds,
    ...(input.perSeed ? { perSeed: input.perSeed } : {}),
    reason,
    ...(input.details ? { details: input.details } : {}),
    ...(input.degenerate ? { degenerate: input.degenerate } : {}),
    ...(input.chart ? { chart: input.chart } : {}),
  };
}

function touchesStrictEnd(band: Band, value: number): boolean {
  const { lo, hi } = bandEnds(band);
  return (lo?.strict === true && value === lo.value) || (hi?.strict === true && value === hi.value);
}

/** A decision that could not be reached from the data, with the reason why. */
export function undecided(verdict: 'inconclusive' | 'fail', o: { threshold: string; band?: Band; method: string; n: number; seeds: number[]; reason: string; perSeed?: Decision['perSeed']; details?: Decision['details']; chart?: Decision['chart']; statistic?: number | null; degenerate?: string }): Decision {
  return {
    verdict,
    method: o.method,
    statistic: o.statistic ?? null,
    threshold: o.threshold,
    ...(o.band ? { band: o.band } : {}),
    n: o.n,
    seeds: o.seeds,
    reason: o.reason,
    ...(o.perSeed ? { perSeed: o.perSeed } : {}),
    ...(o.details ? { details: o.details } : {}),
    ...(o.degenerate ? { degenerate: o.degenerate } : {}),
    ...(o.chart ? { chart: o.chart } : {}),
  };
}

/**
 * Non-finite per-seed values decide before any arithmetic: NaN leaves the claim inconclusive;
 * +∞ fails a band with an upper end (and −∞ one with a lower end), since no mean or interval can
 * then lie inside it; any other ∞ is inconclusive (an unbounded value proves nothing either way).
 * Returns null when every value is finite.
 */
export function nonFiniteOutcome(values: readonly SeedValue[], band: Band, label: string): { verdict: 'fail' | 'inconclusive'; reason: string } | null {
  const nan = values.filter((v) => Number.isNaN(v.value));
  const up = values.filter((v) => v.value === Infinity);
  const down = values.filter((v) => v.value === -Infinity);
  if (nan.length + up.length + down.length === 0) return null;
  const { lo, hi } = bandEnds(band);
  const list = (vs: SeedValue[]) => vs.map((v) => v.seed).join(', ');
  if (nan.length > 0) return { verdict: 'inconclusive', reason: `${label} is undefined (NaN) for ${nan.length} of ${values.length} seeds (${list(nan)})` };
  if (up.length > 0 && hi) return { verdict: 'fail', reason: `${label} is +∞ for ${up.length} of ${values.length} seeds (${list(up)}), above ${bandText(band)}` };
  if (down.length > 0 && lo) return { verdict: 'fail', reason: `${label} is −∞ for ${down.length} of ${values.length} seeds (${list(down)}), below ${bandText(band)}` };
  const inf = [...up, ...down];
  return { verdict: 'inconclusive', reason: `${label} is infinite for ${inf.length} of ${values.length} seeds (${list(inf)}): no finite mean to decide on` };
}

/** Marks data that cannot show a test's power: every seed's value the same. */
export function constantValues(values: readonly number[]): string | undefined {
  if (values.length < 2) return undefined;
  return values.every((v) => Object.is(v, values[0])) ? `every seed gave the same value (${formatNumber(values[0])})` : undefined;
}

/** Marks two arms that are bit-identical on every seed (the comparison cannot differ from zero). */
export function identicalArms(pairs: readonly { a: number; b: number }[]): string | undefined {
  return pairs.length > 0 && pairs.every((p) => Object.is(p.a, p.b)) ? `the two arms are bit-identical on all ${pairs.length} seeds` : undefined;
}

/** For per-seed charts: which seeds lie inside the band. */
export function seedsInBand(values: readonly SeedValue[], band: Band): number {
  return values.filter((v) => Number.isFinite(v.value) && bandContains(band, v.value)).length;
}
