import test from 'ava';
import { accuracyPerTask, averageForgetting, histogram, normalizedEntropy } from '../metrics.js';

test('average forgetting: the drop from each old task\'s best accuracy before the end to its final accuracy', (t) => {
  // Task 0: best 90 (after task 1), final 30 → 60; task 1: best 80, final 50 → 30; mean 45.
  const acc = [[80], [90, 80], [30, 50, 70]];
  t.is(averageForgetting(acc), 45);
  // A task that is better at the end than at its best before has negative forgetting; unchanged is 0.
  t.is(averageForgetting([[50], [60, 70]]), -10);
  t.is(averageForgetting([[50], [50, 70]]), 0);
  t.true(Number.isNaN(averageForgetting([[50]])));
});

test('normalised label entropy: 1 when balanced, 0 for one class, H/log K in between', (t) => {
  t.is(normalizedEntropy([0, 1, 2, 3], 4), 1);
  t.is(normalizedEntropy([2, 2, 2], 4), 0);
  // Two of four classes, half each: log 2 / log 4 = 1/2.
  t.true(Math.abs(normalizedEntropy([0, 1, 0, 1], 4) - 0.5) < 1e-12);
  // p = (3/4, 1/4) over 2 classes: H = −(3/4 ln 3/4 + 1/4 ln 1/4) / ln 2 ≈ 0.811278.
  t.true(Math.abs(normalizedEntropy([0, 0, 0, 1], 2) - 0.8112781244591328) < 1e-12);
  t.deepEqual(histogram([0, 2, 2, 1, 2], 4), [1, 1, 3, 0]);
});

test('accuracy per task groups the labels by task and ignores tasks after upTo', (t) => {
  const labels = [0, 1, 2, 3, 4];
  const pred = [0, 0, 2, 3, 0];
  t.deepEqual(accuracyPerTask(pred, labels, 2, 1), [50, 100]);
  t.deepEqual(accuracyPerTask(pred, labels, 2, 2), [50, 100, 0]);
});
