import test from 'ava';
import { argsort, calibrationBins, orderingAccuracy, reversedRanks } from '../severity-metrics.js';

test('ordering accuracy: 1 in order, 0 reversed, 44/45 with one adjacent swap, a tie counts ½', (t) => {
  const inOrder = Array.from({ length: 10 }, (_, i) => i);
  t.is(orderingAccuracy(inOrder), 1);
  t.is(orderingAccuracy([...inOrder].reverse()), 0);
  const swapped = [...inOrder];
  [swapped[3], swapped[4]] = [swapped[4], swapped[3]];
  t.is(orderingAccuracy(swapped), 44 / 45);
  // A constant encoder is at chance, not perfect (ties count ½).
  t.is(orderingAccuracy(new Array(10).fill(2)), 0.5);
});

test('calibration bins: equal counts by prediction, ratio of means', (t) => {
  const predicted = [0.4, 0.1, 0.3, 0.2, 0.6, 0.5];
  const errors = predicted.map((p) => 2 * p);
  const bins = calibrationBins(predicted, errors, 3);
  t.deepEqual(bins.map((b) => Number(b.predicted.toFixed(6))), [0.15, 0.35, 0.55]);
  t.true(bins.every((b) => Math.abs(b.ratio - 2) < 1e-12));
  t.throws(() => calibrationBins([1], [1, 2], 1));
});

test('reversed ranks hand out the same values in the opposite order', (t) => {
  const v = [0.3, 0.1, 0.9, 0.5];
  const r = reversedRanks(v);
  t.deepEqual([...r].sort(), [...v].sort());
  t.deepEqual(r, [0.5, 0.9, 0.1, 0.3]);
  t.deepEqual(argsort(v), [1, 0, 3, 2]);
});
