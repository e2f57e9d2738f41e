import test from 'ava';
import { createRng } from '#harness/random';
import { distanceDetector } from '../distance-detector.js';
import { accuracy, fisherRatio } from '../scores.js';
import { nearestCentre, positiveCluster, twoMeans } from '../two-means.js';

/** n rows in d dimensions: class 1 around +offset·e₁, class 0 around −offset·e₁. */
function blobs(n: number, d: number, offset: number, seed: number) {
  const rng = createRng(seed);
  const y = Uint8Array.from({ length: n }, (_, i) => (i % 2 === 0 ? 1 : 0));
  const X = Float64Array.from({ length: n * d }, () => 0.3 * rng.normal());
  for (let i = 0; i < n; i++) X[i * d] += y[i] ? offset : -offset;
  return { X, y };
}

test('2-means from the PCA start separates two clear blobs exactly and is deterministic', (t) => {
  const { X, y } = blobs(200, 5, 2, 1);
  const a = twoMeans(X, 200, 5);
  const b = twoMeans(X, 200, 5);
  t.deepEqual(a.assignment, b.assignment);
  // Orient with class-1 rows (the even-numbered ones): the clustering is then exact.
  const ones = Float64Array.from({ length: 50 * 5 }, (_, k) => X[(2 * Math.floor(k / 5)) * 5 + (k % 5)]);
  const p1 = positiveCluster(a.centres, ones, 50, 5);
  t.is(accuracy(Uint8Array.from(a.assignment, (k) => (k === p1 ? 1 : 0)), y), 1);
  t.true(a.iterations < 10);
  t.is(nearestCentre([0, 0, 10, 10], [9, 9], 0, 2), 1);
});

test('fisherRatio: a hand-computed value, scale invariance and a degenerate class', (t) => {
  // Class 1 at (2, 0) ± (0, 1), class 0 at (0, 0) ± (0, 1): between 4, within 1.
  const Z = [2, 1, 2, -1, 0, 1, 0, -1];
  const y = [1, 1, 0, 0];
  t.is(fisherRatio(Z, y, 2), 4);
  t.is(fisherRatio(Z.map((v) => 7 * v), y, 2), 4);
  t.true(Number.isNaN(fisherRatio(Z, [1, 1, 1, 1], 2)));
  t.throws(() => fisherRatio(Z, y, 3), { message: /8 values for 4 rows of 3/ });
});

test('accuracy counts matches and refuses mismatched lengths', (t) => {
  t.is(accuracy([1, 0, 1, 1], [1, 0, 0, 1]), 0.75);
  t.throws(() => accuracy([1], [1, 0]), { message: /1 predictions for 2 labels/ });
});

test('distance detector: labels the π nearest fraction of U positive; known prior, clear blobs → exact', (t) => {
  const { X, y } = blobs(400, 3, 3, 2);
  const positives = Float64Array.from({ length: 30 * 3 }, (_, k) => X[(2 * Math.floor(k / 3)) * 3 + (k % 3)]);
  const detector = distanceDetector(positives, X, 3, 0.5);
  const pred = detector.predict(X);
  t.is(pred.reduce((s, v) => s + v, 0), 200);
  t.is(accuracy(pred, y), 1);
  t.throws(() => distanceDetector(positives, X, 3, 1), { message: /\(0, 1\)/ });
});
