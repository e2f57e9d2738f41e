import test from 'ava';
import { expRateFit, powerLawFit, windowed } from '../../src/stats/fits.js';
import { close } from './close.js';

test('powerLawFit recovers y = 3 x^-1 exactly', (t) => {
  const x = Array.from({ length: 20 }, (_, i) => i + 1);
  const fit = powerLawFit(
    x,
    x.map((v) => 3 / v),
  );
  // Exact up to the rounding of Math.log (a few ulps).
  close(t, fit.exponent, -1, 1e-14, 'exponent');
  t.is(fit.exponent, fit.slope);
  close(t, fit.prefactor, 3, 1e-14, 'prefactor');
  close(t, fit.r2, 1, 1e-14, 'r2');
  t.true(fit.slopeCI[0] <= fit.slope && fit.slope <= fit.slopeCI[1]);
  t.true(fit.slopeCI[1] - fit.slopeCI[0] < 1e-12);
  t.is(fit.n, 20);
  t.is(fit.excluded, 0);
});

test('powerLawFit on noisy data matches scipy linregress of logs', (t) => {
  // scipy 1.17.1: linregress(np.log(x), np.log(y)); CI with stats.t.ppf(0.975, 4).
  const fit = powerLawFit([1, 2, 4, 8, 16, 32], [10.0, 7.3, 4.9, 3.6, 2.4, 1.8]);
  close(t, fit.exponent, -0.5036864845374727, 1e-13);
  close(t, fit.prefactor, 10.075796370615658, 1e-12);
  close(t, fit.slopeCI[0], -0.5324933907690332, 1e-12);
  close(t, fit.slopeCI[1], -0.4748795783059121, 1e-12);
  close(t, fit.r2, 0.9983055921467072, 1e-13);
});

test('powerLawFit drops non-positive points and says how many', (t) => {
  const fit = powerLawFit([0, -1, 1, 2, 4, 8], [5, 5, 2, 1, 0.5, 0]);
  t.is(fit.n, 3);
  t.is(fit.excluded, 3);
  close(t, fit.exponent, -1, 1e-14);
  close(t, fit.prefactor, 2, 1e-14);
  t.throws(() => powerLawFit([0, 1, 2, 3], [1, 1, 0, -1]), { message: /at least 3 points with x > 0 and y > 0.*got 1 of 4/ });
});

test('expRateFit recovers a doubling rate exactly', (t) => {
  const x = [0, 1, 2, 3, 4, 5];
  const fit = expRateFit(
    x,
    x.map((v) => 0.7 * 2 ** v),
  );
  close(t, fit.rate, Math.LN2, 1e-14);
  close(t, fit.factor, 2, 1e-14);
  close(t, Math.exp(fit.intercept), 0.7, 1e-14);
  t.is(fit.rate, fit.slope);
});

test('expRateFit matches scipy linregress of log y on x', (t) => {
  // scipy 1.17.1: linregress(x, np.log(y)).
  const fit = expRateFit([0, 1, 2, 3, 4, 5, 6], [1.0, 1.9, 4.2, 7.8, 16.5, 31.0, 65.0]);
  close(t, fit.rate, 0.6955608679260581, 1e-13);
  close(t, fit.intercept, -0.009140175143234508, 1e-13);
  close(t, fit.factor, 2.0048332053090463, 1e-13);
  close(t, fit.slopeSE, 0.007396600064369507, 1e-13);
  close(t, fit.r2, 0.9994349088426294, 1e-13);
});

test('expRateFit drops non-positive y and rejects too few points', (t) => {
  const fit = expRateFit([0, 1, 2, 3], [1, 0, 4, 8]);
  t.is(fit.excluded, 1);
  close(t, fit.factor, 2, 1e-14);
  t.throws(() => expRateFit([0, 1, 2], [1, 0, 4]), { message: /at least 3 points with y > 0/ });
});

test('fits reject non-finite and mismatched input', (t) => {
  t.throws(() => powerLawFit([1, 2, 3], [1, 2]), { message: /same length/ });
  t.throws(() => powerLawFit([1, 2, NaN], [1, 2, 3]), { message: /x\[2\] is NaN/ });
  t.throws(() => expRateFit([1, 2, 3], [1, Infinity, 3]), { message: /y\[1\] is Infinity/ });
});

test('windowed keeps matching pairs in order', (t) => {
  const kept = windowed([1, 2, 3, 4, 5], [10, 20, 30, 40, 50], (x, y) => x >= 2 && y <= 40);
  t.deepEqual(kept, { x: [2, 3, 4], y: [20, 30, 40] });
  t.deepEqual(windowed([1, NaN], [1, 2], (x) => Number.isFinite(x)), { x: [1], y: [1] });
  t.throws(() => windowed([1, 2], [1], () => true), { message: /same length/ });
});
