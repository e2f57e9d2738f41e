/**
 * The registry of claim kinds: one small file each, composed from `band`, `check` and `summarize`.
 * A kind has one name: its file is `<kind>.ts`, it exports the kind in camelCase, and its checks
 * write `<kind>` as verdicts.json's `kind` (test/claims/registry.test.ts holds the three together).
 */
import { allOf } from './all-of.js';
import { correlation } from './correlation.js';
import { countOfSeeds } from './count-of-seeds.js';
import { exponentialRate } from './exponential-rate.js';
import { medianRatio } from './median-ratio.js';
import { monotoneTrend } from './monotone-trend.js';
import { noTrend } from './no-trend.js';
import { pairedDifference } from './paired-difference.js';
import { powerLaw } from './power-law.js';
import { ratio } from './ratio.js';
import { reportOnly } from './report-only.js';
import { theoryMatch } from './theory-match.js';
import { valueInBand } from './value-in-band.js';

export { allOf, correlation, countOfSeeds, exponentialRate, medianRatio, monotoneTrend, noTrend, pairedDifference, powerLaw, ratio, reportOnly, theoryMatch, valueInBand };

/** Each kind by the name verdicts.json gives it (`all-of` is written `all-of(<its parts' kinds>)`). */
export const CLAIM_KIND_REGISTRY = {
  'power-law': powerLaw,
  'exponential-rate': exponentialRate,
  'value-in-band': valueInBand,
  'count-of-seeds': countOfSeeds,
  ratio,
  'paired-difference': pairedDifference,
  correlation,
  'monotone-trend': monotoneTrend,
  'no-trend': noTrend,
  'report-only': reportOnly,
  'all-of': allOf,
  'theory-match': theoryMatch,
  'median-ratio': medianRatio,
} as const;

export type ClaimKind = keyof typeof CLAIM_KIND_REGISTRY;

/** Names as they appear in verdicts.json `kind`, for docs and `repro list --kinds`. */
export const CLAIM_KINDS = Object.keys(CLAIM_KIND_REGISTRY) as ClaimKind[];
