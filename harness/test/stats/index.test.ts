import test from 'ava';
import * as stats from '../../src/stats/index.js';

test('the barrel exports the whole public API', (t) => {
  const expected = [
    'mean', 'variance', 'std', 'median', 'quantile', 'olympicMean', 'allFinite',
    'normalCdf', 'normalQuantile', 'studentTCdf', 'studentTQuantile',
    'ols', 'powerLawFit', 'expRateFit', 'windowed',
    'bootstrapCI', 'bootstrapPairedCI', 'meanCI',
    'pearson', 'spearman', 'ranks',
    'pairedTTest',
    'mannWhitneyU', 'oneSidedTTest',
    'isStrictlyMonotone', 'kendallTau',
  ];
  for (const name of expected) t.is(typeof (stats as Record<string, unknown>)[name], 'function', name);
});
