import test from 'ava';
import { isStrictlyMonotone, kendallTau } from '../../src/stats/trend.js';
import { close } from './close.js';

test('isStrictlyMonotone', (t) => {
  t.true(isStrictlyMonotone([1, 2, 5, 9], 'increasing'));
  t.false(isStrictlyMonotone([1, 2, 2, 9], 'increasing'));
  t.false(isStrictlyMonotone([1, 3, 2], 'increasing'));
  t.true(isStrictlyMonotone([9, 4, -1], 'decreasing'));
  t.false(isStrictlyMonotone([9, 9], 'decreasing'));
  t.true(isStrictlyMonotone([0, 1e-300], 'increasing'));
});

test('isStrictlyMonotone rejects input with no steps or bad values', (t) => {
  t.throws(() => isStrictlyMonotone([], 'increasing'), { message: /at least 2/ });
  t.throws(() => isStrictlyMonotone([1], 'increasing'), { message: /at least 2/ });
  t.throws(() => isStrictlyMonotone([1, NaN, 3], 'increasing'), { message: /NaN/ });
  t.throws(() => isStrictlyMonotone([1, 2], 'up' as 'increasing'), { message: /direction/ });
});

test('kendallTau (tau-b) matches scipy with and without ties', (t) => {
  // scipy 1.17.1: stats.kendalltau(x, y)[0] (tau-b).
  close(t, kendallTau([1, 2, 2, 3, 4, 4, 4, 5, 6, 7], [2, 1, 3, 3, 5, 4, 6, 6, 8, 7]), 0.8335696394016967, 1e-14);
  close(
    t,
    kendallTau([0.3, 1.2, -0.7, 2.2, 0.9, 1.5, -1.1, 0.4], [1.0, 0.2, -0.5, 3.1, 0.4, 2.0, -2.0, 0.1]),
    0.7142857142857142,
    1e-14,
  );
  t.is(kendallTau([1, 2, 3], [10, 20, 30]), 1);
  t.is(kendallTau([1, 2, 3], [3, 2, 1]), -1);
});

test('kendallTau rejects constant, short or mismatched input', (t) => {
  t.throws(() => kendallTau([1, 1, 1], [1, 2, 3]), { message: /x is constant/ });
  t.throws(() => kendallTau([1, 2, 3], [5, 5, 5]), { message: /y is constant/ });
  t.throws(() => kendallTau([1], [1]), { message: /at least 2/ });
  t.throws(() => kendallTau([1, 2], [1]), { message: /same length/ });
  t.throws(() => kendallTau([1, Infinity], [1, 2]), { message: /Infinity/ });
});
