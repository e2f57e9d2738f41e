/**
 * One plain sentence for every claim that did not pass: what was measured, against what, and the
 * likely reason, composed from the claim's evidence (its deciding statistic, interval, band,
 * censored seeds and degeneracy), never typed by hand.
 */
import type { Verdict } from '../types.js';
import type { Censoring } from './censored.js';
import { fmtInterval } from './format.js';
import { formatNumber } from '../claims/band.js';

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
  if (hi !== undefined && a > hi) return `${what} lies above the upper end ${formatNumber(hi)}`;
  if (lo !== undefined && b < lo) return `${what} lies below the lower end ${formatNumber(lo)}`;
  if (h.ci && lo !== undefined && a < lo && b >= lo) return `the interval straddles the lower end ${formatNumber(lo)}, so these seeds cannot tell the two sides apart`;
  if (h.ci && hi !== undefined && b > hi && a <= hi) return `the interval straddles the upper end ${formatNumber(hi)}, so these seeds cannot tell the two sides apart`;
  return null;
}

/**
 * The arms A and B of a ratio named in its threshold, e.g. "median of steps to L* (SGD) / steps to
 * L* (mL-BFGS) > 1" -> ["SGD", "mL-BFGS"] (the name in parentheses when there is one).
 */
function armNames(threshold: string): [string, string] | null {
  const m = /^(?:median |mean )?(?:of )?(.+?) \/ (.+?) (?:>|≥|<|≤|in\b|=)/.exec(threshold);
  if (!m) return null;
  const name = (side: string) => /\(([^()]+)\)\s*$/.exec(side)?.[1] ?? side;
  return [name(m[1]), name(m[2])];
}

/**
 * Counts in the details that name what went wrong on some seeds, e.g. the median-ratio kind's
 * "seeds where B never reached the target (ratio 0)": 6 -> "on 6 of 6 seeds B never reached the target (ratio 0)".
 */
function seedCounts(details: Record<string, unknown> | null, total: number | null, threshold: string): string[] {
  if (!details) return [];
  const arms = armNames(threshold);
  const out: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    const m = /^seeds where (.*)$/i.exec(key);
    if (!m || typeof value !== 'number' || value <= 0 || !/never|not |diverg|fail|nan|∞/i.test(m[1])) continue;
    const what = arms ? m[1].replace(/^A\b/, arms[0]).replace(/^B\b/, arms[1]) : m[1];
    out.push(`on ${value}${total ? ` of ${total}` : ''} seed${value === 1 && !total ? '' : 's'} ${what}`);
  }
  return out;
}

/** The sentence for a fail, inconclusive or error verdict; null for a pass. */
export function explain(o: {
  verdict: Verdict;
  headline: Headline;
  reason: string;
  censored: Censoring | null;
  degenerate: string | null;
  details?: Record<string, unknown> | null;
  n?: number | null;
}): string | null {
  if (o.verdict === 'pass') return null;
  const h = o.headline;
  const reason = o.reason.trim().replace(/\.$/, '');
  // decide.ts's reasons already say "the run failed: ..." (or why the check could not be computed).
  if (o.verdict === 'error') return /^the (run failed|check could not be computed)\b/i.test(reason) ? `The claim could not be decided: ${reason}.` : `The claim could not be decided because the run failed${reason ? `: ${reason}` : ''}.`;
  const opening = o.verdict === 'fail' ? 'Fails' : 'Inconclusive';
  const measured = finite(h.statistic) || (h.statistic !== null && !Number.isNaN(h.statistic))
    ? `${h.label} was ${formatNumber(h.statistic)}${h.ci ? ` (${h.ciLevel ?? ''}${h.ciLevel ? ' ' : ''}CI ${fmtInterval(h.ci)})` : ''}`
    : `${h.label} could not be computed`;
  const against = h.threshold ? ` against the threshold "${h.threshold}"` : '';
  const likely: string[] = [];
  const c = o.censored;
  const counted = seedCounts(o.details ?? null, c?.total ?? o.n ?? null, h.threshold);
  likely.push(...counted);
  if (c && c.infinite.length > 0 && counted.length === 0) likely.push(`${c.infinite.length} of ${c.total} seeds never reached the target (∞)`);
  if (c && c.undefinedSeeds.length > 0 && counted.length === 0) likely.push(`${c.undefinedSeeds.length} of ${c.total} seeds gave no finite value (∞ or NaN)`);
  if (o.degenerate) likely.push(`the data are degenerate (${o.degenerate})`);
  const where = position(h);
  if (where) likely.push(where);
  if (likely.length === 0 && reason) likely.push(reason);
  return `${opening}: ${measured}${against}${likely.length ? `; likely reason: ${likely.join('; ')}` : ''}.`;
}
