/**
 * The numbers that decided a claim: its deciding part's for an all-of (the part `decidedBy`
 * points at), else its own. The report's published view and the README outcome block both show
 * these, so they read the same figure from the same place.
 */
import type { BandData, ClaimResult } from '../types.js';

export interface Deciding {
  statistic: number | null;
  ci: readonly [number, number] | undefined;
  threshold: string;
  band: BandData | undefined;
  /** For an all-of: which part decided, 0-based, and how many parts there are. */
  part: { index: number; of: number } | null;
}

export function decidingNumbers(claim: ClaimResult): Deciding {
  const parts = claim.evidence.parts;
  const k = claim.evidence.decidedBy;
  if (parts && k !== undefined && parts[k]) {
    const p = parts[k];
    return { statistic: p.statistic, ci: p.ci, threshold: p.threshold, band: p.band, part: { index: k, of: parts.length } };
  }
  return {
    statistic: claim.statistic,
    ci: claim.ci ?? claim.evidence.ci,
    threshold: claim.threshold || claim.evidence.threshold,
    band: claim.evidence.band,
    part: null,
  };
}
