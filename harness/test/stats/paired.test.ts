import test from 'ava';
import { pairedTTest } from '../../src/stats/paired.js';
import { close } from './close.js';

// scipy 1.17.1: stats.ttest_rel(a, b) and stats.t.interval(0.95, 7, loc=mean(d), scale=stats.sem(d)).
const a = [12.1, 11.8, 13.0, 12.6, 12.9, 11.5, 12.2, 13.3];
const b = [11.6, 11.9, 12.1, 12.0, 12.5, 11.4, 11.8, 12.6];

test('pairedTTest matches scipy ttest_rel and its t interval', (t) => {
  const result = pairedTTest(a, b);
  close(t, result.estimate, 0.4375, 1e-14);
  close(t, result.lo, 0.16960965919319226, 1e-13);
  close(t, result.hi, 0.7053903408068077, 1e-13);
  close(t, result.pValue, 0.006197520580834312, 1e-13);
  t.is(result.n, 8);
  t.is(result.positive, 7);
  t.is(result.negative, 1);
  t.is(result.differences.length, 8);
  close(t, result.differences[1], -0.1, 1e-14);
  t.regex(result.method, /paired t/);
});

test('pairedTTest honours alpha', (t) => {
  const result = pairedTTest(a, b, 0.1);
  close(t, result.lo, 0.22286153984677454, 1e-13);
  close(t, result.hi, 0.6521384601532254, 1e-13);
  t.is(result.alpha, 0.1);
});

test('pairedTTest is antisymmetric', (t) => {
  const forward = pairedTTest(a, b);
  const backward = pairedTTest(b, a);
  close(t, backward.estimate, -forward.estimate, 1e-15);
  close(t, backward.pValue, forward.pValue, 1e-15);
  t.is(backward.positive, forward.negative);
});

test('pairedTTest handles zero-spread differences', (t) => {
  const same = pairedTTest([1, 2, 3], [1, 2, 3]);
  t.is(same.pValue, 1);
  t.is(same.positive + same.negative, 0);
  const shifted = pairedTTest([2, 3, 4], [1, 2, 3]);
  t.is(shifted.pValue, 0);
  t.is(shifted.lo, 1);
  t.is(shifted.hi, 1);
});

test('pairedTTest rejects bad input', (t) => {
  t.throws(() => pairedTTest([1, 2, 3], [1, 2]), { message: /a and b must have the same length, got 3 and 2/ });
  t.throws(() => pairedTTest([1], [2]), { message: /at least 2/ });
  t.throws(() => pairedTTest([1, NaN], [2, 3]), { message: /a\[1\] is NaN/ });
  t.throws(() => pairedTTest([1.7e308, 1], [-1.7e308, 1]), { message: /overflows/ });
});
