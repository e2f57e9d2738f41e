/** The statistics library: pure functions that decide whether a claim's numbers pass. */
export { mean, variance, std, median, quantile, olympicMean, allFinite, sum } from './descriptive.js';
export { normalCdf, normalPdf, normalQuantile, studentTCdf, studentTPdf, studentTQuantile } from './distributions.js';
export { erf, erfc, logGamma, logBeta, regularizedIncompleteBeta } from './special.js';
export { ols, type LinearFit } from './ols.js';
export { powerLawFit, expRateFit, windowed, type PowerLawFit, type ExpRateFit } from './fits.js';
export { bootstrapCI, bootstrapPairedCI, meanCI, type Interval, type BootstrapOptions } from './bootstrap.js';
export { pearson, spearman, ranks } from './correlation.js';
export { pairedTTest, type PairedResult } from './paired.js';
export { mannWhitneyU, oneSidedTTest, type MannWhitneyOptions } from './tests.js';
export { isStrictlyMonotone, kendallTau } from './trend.js';
export {
  tInterval,
  welchInterval,
  fiellerRatioInterval,
  medianInterval,
  medianMinimumN,
  clopperPearson,
  binomialCdf,
  fisherZ,
  correlationInterval,
  correlationOverSeeds,
  type Bounds,
} from './intervals.js';
