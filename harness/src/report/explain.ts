/**
 * One plain sentence for every claim that did not pass: what was measured, against what, and the
 * likely reason, composed from the claim's evidence (its deciding statistic, interval, band,
 * censored seeds and degeneracy), never typed by hand.
 */
import type { Verdict } from '../types.js';
import type { Censoring } from './censored.js';
import { fmtInterval, fmtNum } from './format.js';

export interface Headline {
  /** What the number is, e.g. "the statistic" or "part 2 of 3 (slope)". */
  label: string;
  statistic: number | null;
  ci: [number, number] | null;
  ciLevel: string | null;
  threshold: string;
  band: { lo?: number; hi?: number } | undefined;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Where the interval (or the value) lies against the band, in words; null when it cannot be said. */
function position(h: Headline): string | null {
  const { lo, hi } = h.band ?? {};
  if (lo === undefined && hi === undefined) return null;
  const [a, b] = h.ci ?? (h.statistic !== null ? [h.statistic, h.statistic] : [NaN, NaN]);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  const what = h.ci ? 'the whole interval' : 'the value';
  if (hi !== undefined && a > hi) return `${what} lies above the upper end ${fmtNum(hi)}`;
  if (lo !== undefined && b < lo) return `${what} lies below the lower end ${fmtNum(lo)}`;
  if (h.ci && lo !== undefined && a < lo && b >= lo) return `the interval straddles the lower end ${fmtNum(lo)}, so these seeds cannot tell the two sides apart`;
  if (h.ci && hi !== undefined && b > hi && a <= hi) return `the interval straddles the upper end ${fmtNum(hi)}, so these seeds cannot tell the two sides apart`;
  return null;
}

/** The sentence for a fail, inconclusive or error verdict; null for a pass. */
export function explain(o: { verdict: Verdict; headline: Headline; reason: string; censored: Censoring | null; degenerate: string | null }): string | null {
  if (o.verdict === 'pass') return null;
  const h = o.headline;
  const reason = o.reason.trim().replace(/\.$/, '');
  if (o.verdict === 'error') return `The claim could not be decided because the run failed${reason ? `: ${reason}` : ''}.`;
  const opening = o.verdict === 'fail' ? 'Fails' : 'Inconclusive';
  const measured = finite(h.statistic) || (h.statistic !== null && !Number.isNaN(h.statistic))
    ? `${h.label} was ${fmtNum(h.statistic)}${h.ci ? ` (${h.ciLevel ?? ''}${h.ciLevel ? ' ' : ''}CI ${fmtInterval(h.ci)})` : ''}`
    : `${h.label} could not be computed`;
  const against = h.threshold ? ` against the threshold "${h.threshold}"` : '';
  const likely: string[] = [];
  const c = o.censored;
  if (c && c.infinite.length > 0) likely.push(`${c.infinite.length} of ${c.total} seeds never reached the target (∞)`);
  if (c && c.undefinedSeeds.length > 0) likely.push(`${c.undefinedSeeds.length} of ${c.total} seeds gave no value (NaN)`);
  if (o.degenerate) likely.push(`the data are degenerate (${o.degenerate})`);
  const where = position(h);
  if (where) likely.push(where);
  if (likely.length === 0 && reason) likely.push(reason);
  return `${opening}: ${measured}${against}${likely.length ? `; likely reason: ${likely.join('; ')}` : ''}.`;
}
