import test from 'ava';
import { ols } from '../../src/stats/ols.js';
import { close } from './close.js';

// Anscombe's quartet, data set I (Anscombe 1973): textbook slope 0.500, intercept 3.00, r^2 0.67.
// Exact reference values from scipy 1.17.1: stats.linregress(x, y) for slope, intercept, rvalue**2,
// stderr, intercept_stderr; slope CI = slope ± stats.t.ppf(0.975, 9) * stderr.
const x = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const y = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

test('ols reproduces Anscombe I with its 95% slope interval', (t) => {
  const fit = ols(x, y);
  t.is(fit.n, 11);
  close(t, fit.slope, 0.5000909090909091, 1e-13, 'slope');
  close(t, fit.intercept, 3.0000909090909103, 1e-13, 'intercept');
  close(t, fit.r2, 0.666542459508775, 1e-13, 'r2');
  close(t, fit.slopeSE, 0.11790550059563408, 1e-13, 'slopeSE');
  close(t, fit.interceptSE, 1.1247467908086437, 1e-13, 'interceptSE');
  close(t, fit.slopeCI[0], 0.2333701363851875, 1e-12, 'slopeCI lo');
  close(t, fit.slopeCI[1], 0.7668116817966308, 1e-12, 'slopeCI hi');
  close(t, fit.residualSD, 1.236603322726321, 1e-13, 'residualSD');
});

test('ols alpha controls the interval width (90%)', (t) => {
  const fit = ols(x, y, 0.1);
  // scipy: slope ± stats.t.ppf(0.95, 9) * stderr
  close(t, fit.slopeCI[0], 0.2839568111177446, 1e-12);
  close(t, fit.slopeCI[1], 0.7162250070640737, 1e-12);
});

test('ols recovers an exact line with zero-width interval', (t) => {
  const xs = [1, 2, 3, 4, 5];
  const fit = ols(xs, xs.map((v) => 2 - 0.5 * v));
  close(t, fit.slope, -0.5, 1e-15);
  close(t, fit.intercept, 2, 1e-15);
  close(t, fit.r2, 1, 1e-15);
  close(t, fit.slopeSE, 0, 1e-15);
  close(t, fit.slopeCI[0], -0.5, 1e-14);
  close(t, fit.slopeCI[1], -0.5, 1e-14);
});

test('ols is unaffected by a large offset in x and y', (t) => {
  const shifted = ols(
    x.map((v) => v + 1e8),
    y.map((v) => v + 1e6),
  );
  close(t, shifted.slope, 0.5000909090909091, 1e-8);
  close(t, shifted.r2, 0.666542459508775, 1e-8);
});

test('ols on constant y has slope 0 and r2 0', (t) => {
  const fit = ols([1, 2, 3, 4], [5, 5, 5, 5]);
  t.is(fit.slope, 0);
  t.is(fit.intercept, 5);
  t.is(fit.r2, 0);
  t.deepEqual(fit.slopeCI, [0, 0]);
});

test('ols rejects too few points, constant x, mismatched or non-finite input', (t) => {
  t.throws(() => ols([1, 2], [3, 4]), { message: /at least 3 points.*got 2/ });
  t.throws(() => ols([2, 2, 2], [1, 2, 3]), { message: /x is constant/ });
  t.throws(() => ols([0.1, 0.1, 0.1], [1, 2, 3]), { message: /x is constant/ });
  t.throws(() => ols([1, 2, 3], [1, 2]), { message: /same length, got 3 and 2/ });
  t.throws(() => ols([1, 2, 3], [1, NaN, 3]), { message: /y\[1\] is NaN/ });
  t.throws(() => ols([1, 2, Infinity], [1, 2, 3]), { message: /x\[2\] is Infinity/ });
  t.throws(() => ols([1, 2, 3], [1, 2, 3], 0), { message: /alpha must be strictly between 0 and 1/ });
});
