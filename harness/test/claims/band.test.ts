import test from 'ava';
import { bandText, decideEverySeed, decideInterval, decideValue } from '../../src/claims/band.js';

test('an interval inside the band passes, outside fails, straddling is inconclusive', (t) => {
  t.is(decideInterval([0.46, 0.5], { lo: 0.45, hi: 0.55 }), 'pass');
  t.is(decideInterval([0.6, 0.7], { lo: 0.45, hi: 0.55 }), 'fail');
  t.is(decideInterval([0.3, 0.4], { lo: 0.45, hi: 0.55 }), 'fail');
  t.is(decideInterval([0.5, 0.6], { lo: 0.45, hi: 0.55 }), 'inconclusive');
  t.is(decideInterval([Number.NaN, 1], { lo: 0 }), 'inconclusive');
});

test('every seed must be inside; non-finite values are inconclusive', (t) => {
  t.is(decideEverySeed([1, 2], { lo: 0 }), 'pass');
  t.is(decideEverySeed([1, -2], { lo: 0 }), 'fail');
  t.is(decideEverySeed([1, Number.POSITIVE_INFINITY], { lo: 0 }), 'inconclusive');
  t.is(decideEverySeed([], { lo: 0 }), 'inconclusive');
  t.is(decideValue(Number.NaN, { lo: 0 }), 'inconclusive');
});

test('bands read as text', (t) => {
  t.is(bandText({ lo: -1.1, hi: -0.9 }), 'in [-1.1, -0.9]');
  t.is(bandText({ hi: 1e-5 }), '≤ 1.00e-5');
  t.is(bandText({ lo: 0.5 }), '≥ 0.5');
});
