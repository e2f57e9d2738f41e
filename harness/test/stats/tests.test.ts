import test from 'ava';
import { mannWhitneyU, oneSidedTTest } from '../../src/stats/tests.js';
import { close } from './close.js';

// scipy 1.17.1: stats.mannwhitneyu(a, b, alternative='two-sided', method='asymptotic'
// [, use_continuity=False]) and stats.ttest_1samp(s, 5.0, alternative=...).

test('mannWhitneyU matches scipy (no ties)', (t) => {
  const a = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
  const b = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
  const result = mannWhitneyU(a, b);
  t.is(result.u, 58);
  close(t, result.pValue, 0.13291945818531892, 1e-13);
  t.true(result.z > 0);
  close(t, mannWhitneyU(a, b, { continuity: false }).pValue, 0.12189099149676101, 1e-13);
});

test('mannWhitneyU matches scipy with ties (tie-corrected variance)', (t) => {
  const a = [1, 2, 2, 3, 3, 3, 4, 5];
  const b = [3, 3, 4, 4, 5, 5, 6, 7, 7];
  const result = mannWhitneyU(a, b);
  t.is(result.u, 11);
  close(t, result.pValue, 0.01630200829707017, 1e-13);
  t.true(result.z < 0);
  close(t, mannWhitneyU(a, b, { continuity: false }).pValue, 0.014241835436263096, 1e-13);
});

test('mannWhitneyU on small complete separation matches scipy', (t) => {
  const result = mannWhitneyU([5, 6, 7], [1, 2, 3, 4]);
  t.is(result.u, 12);
  close(t, result.pValue, 0.05182992721790968, 1e-13);
  close(t, mannWhitneyU([5, 6, 7], [1, 2, 3, 4], { continuity: false }).pValue, 0.03389485352468927, 1e-13);
});

test('mannWhitneyU is symmetric in its arguments', (t) => {
  const a = [3.1, 2.2, 5.5, 4.0];
  const b = [1.0, 2.2, 0.5, 3.3, 2.9];
  const forward = mannWhitneyU(a, b);
  const backward = mannWhitneyU(b, a);
  t.is(forward.u + backward.u, a.length * b.length);
  close(t, forward.pValue, backward.pValue, 1e-15);
  close(t, forward.z, -backward.z, 1e-15);
});

test('mannWhitneyU with every value tied gives p = 1', (t) => {
  t.deepEqual(mannWhitneyU([2, 2], [2, 2, 2]), { u: 3, z: 0, pValue: 1 });
});

test('mannWhitneyU rejects empty or non-finite samples', (t) => {
  t.throws(() => mannWhitneyU([], [1, 2]), { message: /a values/ });
  t.throws(() => mannWhitneyU([1], [NaN]), { message: /b\[0\] is NaN/ });
});

test('oneSidedTTest matches scipy ttest_1samp', (t) => {
  const s = [5.1, 4.9, 5.6, 5.8, 6.0, 5.3, 5.5];
  const greater = oneSidedTTest(s, 5.0, 'greater');
  close(t, greater.t, 3.1278490197651534, 1e-13);
  t.is(greater.df, 6);
  close(t, greater.pValue, 0.010190149286675916, 1e-13);
  const less = oneSidedTTest(s, 5.0, 'less');
  close(t, less.pValue, 0.9898098507133241, 1e-13);
});

test('oneSidedTTest with zero spread', (t) => {
  t.deepEqual(oneSidedTTest([3, 3, 3], 3, 'greater'), { t: 0, df: 2, pValue: 1 });
  t.deepEqual(oneSidedTTest([4, 4, 4], 3, 'greater'), { t: Infinity, df: 2, pValue: 0 });
  t.deepEqual(oneSidedTTest([4, 4, 4], 3, 'less'), { t: Infinity, df: 2, pValue: 1 });
});

test('oneSidedTTest rejects bad input', (t) => {
  t.throws(() => oneSidedTTest([1], 0, 'greater'), { message: /at least 2/ });
  t.throws(() => oneSidedTTest([1, 2], NaN, 'greater'), { message: /mu0 must be a finite number/ });
  t.throws(() => oneSidedTTest([1, 2], 0, 'two-sided' as 'greater'), { message: /alternative/ });
});
