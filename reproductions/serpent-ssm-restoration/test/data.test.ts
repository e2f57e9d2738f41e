import test from 'ava';
import { createRng } from '#harness/random';
import { blurRadius, blurValid, centreCrop, degrade, psnr, sourceSide, type Degradation } from '../degrade.js';
import { IMAGE_KINDS, proceduralImage, randomCrop } from '../images.js';

const D: Degradation = { task: 'deblur', blurSigma: 1.5, blurNoise: 0, offsetMax: 0.25, offsetNoise: 0 };

test('procedural images are seeded, in [0, 1] and not constant', (t) => {
  for (const kind of IMAGE_KINDS) {
    const a = proceduralImage(createRng(7), 32, kind);
    t.deepEqual(a, proceduralImage(createRng(7), 32, kind), kind);
    t.true(a.every((v) => v >= 0 && v <= 1), kind);
    t.true(Math.max(...a) - Math.min(...a) > 0.01, `${kind} has contrast`);
  }
});

test('the blur keeps constants, has unit mass and is the outer product of normalized Gaussian taps', (t) => {
  const r = blurRadius(1.5);
  t.is(r, 5);
  const side = 4;
  const big = side + 2 * r;
  const flat = blurValid(new Float64Array(big * big).fill(0.3), big, 1.5);
  t.true(flat.every((v) => Math.abs(v - 0.3) < 1e-12));
  // An impulse at the source centre lands as the kernel: k(dy) k(dx), normalized, peak at the output centre.
  const impulse = new Float64Array(big * big);
  impulse[(r + 2) * big + r + 2] = 1;
  const out = blurValid(impulse, big, 1.5);
  const g = (d: number) => Math.exp(-(d * d) / (2 * 1.5 * 1.5));
  let norm = 0;
  for (let d = -r; d <= r; d++) norm += g(d);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) t.true(Math.abs(out[y * side + x] - (g(y - 2) * g(x - 2)) / (norm * norm)) < 1e-12);
});

test('deblur pairs: the clean image is the centre of the source; offset pairs: mean 0.5 plus an offset within ±m', (t) => {
  const rng = createRng(3);
  const source = proceduralImage(rng, sourceSide(D, 16));
  const pair = degrade(rng, D, source, 16);
  t.deepEqual(pair.clean, centreCrop(source, sourceSide(D, 16), 16));
  const offset = degrade(createRng(4), { ...D, task: 'offset' }, proceduralImage(createRng(5), 16), 16);
  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
  t.true(Math.abs(mean(offset.clean) - 0.5) < 1e-12);
  const b = mean(offset.degraded) - 0.5;
  t.true(Math.abs(b) <= 0.25 && offset.degraded.every((v, i) => Math.abs(v - offset.clean[i] - b) < 1e-12));
});

test('psnr: 20 dB for an error of 0.1 everywhere, infinite for none', (t) => {
  const clean = new Float64Array(64).fill(0.5);
  t.true(Math.abs(psnr(clean.map((v) => v + 0.1), clean) - 20) < 1e-9);
  t.is(psnr(clean, clean), Infinity);
});

test('random crops are crops of the image up to a flip or a transpose', (t) => {
  const width = 9;
  const height = 7;
  const pixels = Array.from({ length: width * height }, (_, i) => i);
  const crop = randomCrop(createRng(11), pixels, width, height, 4);
  t.is(new Set(crop).size, 16);
  const rows = [0, 1, 2, 3].map((y) => Array.from(crop.slice(y * 4, y * 4 + 4)));
  // Along one axis neighbours differ by ±1 (same row of the source), along the other by ±width.
  const steps = new Set([Math.abs(rows[0][1] - rows[0][0]), Math.abs(rows[1][0] - rows[0][0])]);
  t.deepEqual([...steps].sort((a, b) => a - b), [1, width]);
});
