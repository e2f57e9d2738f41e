import test from 'ava';
import { createRng } from '#harness/random';
import { blurImage, blurMatrix, blurMatrix1d, blurStd, degrade, gaussianTaps, reflectIndex } from '../blur.js';

test('reflect padding mirrors without repeating the edge (numpy "reflect")', (t) => {
  t.deepEqual([-3, -2, -1, 0, 7, 8, 9, 10].map((i) => reflectIndex(i, 8)), [3, 2, 1, 0, 7, 6, 5, 4]);
});

test('Gaussian taps are normalised, symmetric and of radius ceil(3σ)', (t) => {
  const taps = gaussianTaps(1.5);
  t.is(taps.length, 2 * 5 + 1);
  t.true(Math.abs(taps.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  t.true(Math.abs(taps[0] - taps[10]) < 1e-15);
  t.true(Math.abs(taps[4] / taps[5] - Math.exp(-1 / (2 * 1.5 ** 2))) < 1e-12);
});

test('the blur keeps constant images constant (rows of K and B sum to 1)', (t) => {
  for (const sigma of [0.3, 0.9, 1.5]) {
    const K = blurMatrix1d(sigma);
    for (let i = 0; i < 8; i++) t.true(Math.abs(K.subarray(i * 8, i * 8 + 8).reduce((a, b) => a + b, 0) - 1) < 1e-12);
    const flat = blurImage(new Float64Array(64).fill(0.7), sigma);
    t.true(flat.every((v) => Math.abs(v - 0.7) < 1e-12));
  }
});

test('the 64x64 operator B = K ⊗ K equals the separable blur', (t) => {
  const rng = createRng(1);
  const x = Float64Array.from({ length: 64 }, () => rng.normal());
  const B = blurMatrix(1.1);
  const direct = Array.from({ length: 64 }, (_, i) => B.subarray(i * 64, i * 64 + 64).reduce((s, b, j) => s + b * x[j], 0));
  const separable = blurImage(x, 1.1);
  t.true(direct.every((v, i) => Math.abs(v - separable[i]) < 1e-12));
});

test('std(t) = 0.3 + 1.2t and degrade adds noise of the given std', (t) => {
  const spec = { stdMin: 0.3, stdSpan: 1.2, noise: 0.05 };
  t.is(blurStd(spec, 0), 0.3);
  t.true(Math.abs(blurStd(spec, 1) - 1.5) < 1e-15);
  const x = new Float64Array(64).fill(0.2);
  const rng = createRng(2);
  let sq = 0;
  for (let r = 0; r < 200; r++) for (const v of degrade(x, rng.next(), spec, rng)) sq += (v - 0.2) ** 2;
  t.true(Math.abs(Math.sqrt(sq / (200 * 64)) - 0.05) < 0.003);
});
