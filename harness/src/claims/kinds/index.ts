/** The registry of claim kinds: one small file each, composed from `band`, `check` and `summarize`. */
export { allOf } from './all-of.js';
export { correlation } from './correlation.js';
export { count } from './count.js';
export { expRate } from './exp-rate.js';
export { medianRatio } from './median-ratio.js';
export { trend } from './monotone.js';
export { noTrend } from './no-trend.js';
export { paired } from './paired.js';
export { powerLaw } from './power-law.js';
export { ratio } from './ratio.js';
export { reportOnly } from './report-only.js';
export { theoryMatch } from './theory-match.js';
export { value } from './value.js';

/** Names as they appear in verdicts.json `kind`, for docs and `repro list --kinds`. */
export const CLAIM_KINDS = [
  'power-law', 'exponential-rate', 'value-in-band', 'count-of-seeds', 'ratio', 'paired-difference',
  'correlation', 'monotone-trend', 'no-trend', 'report-only', 'all-of', 'theory-match', 'median-ratio',
] as const;
