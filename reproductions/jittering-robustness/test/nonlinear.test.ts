import test from 'ava';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { GaussianStream } from '../gaussian.js';
import { attackDenoiser, initialWeights, trainDenoiser, type DenoiserWeights } from '../nonlinear.js';
import { patchSource, samplePatches, signalEnergy, type GrayImage } from '../patches.js';
import { linearWorstCase } from '../worst-case.js';

/** Synthetic 24x24 "images": smooth gradients plus a few squares. */
function images(): GrayImage[] {
  return [0, 1, 2].map((k) => {
    const pixels = new Float32Array(24 * 24);
    for (let r = 0; r < 24; r++) for (let c = 0; c < 24; c++) pixels[r * 24 + c] = 0.2 + 0.5 * ((r + k * c) % 24) / 24 + (r > 8 && r < 14 && c > 4 + k && c < 12 ? 0.3 : 0);
    return { name: `synthetic-${k}`, width: 24, height: 24, pixels };
  });
}

test('patches: training patches never touch the held-out rows, test patches only use them', (t) => {
  const ims = images().map((im, k) => ({ ...im, pixels: im.pixels.map((_, i) => (Math.floor(i / 24) >= 16 ? 10 + k : k)) }));
  const src = patchSource(ims, 6, 8);
  const train = samplePatches(src, 'train', 200, createRng(1));
  const held = samplePatches(src, 'test', 200, createRng(2));
  t.true(train.every((v) => v < 10));
  t.true(held.every((v) => v >= 10));
  t.throws(() => patchSource(ims, 10, 8), { message: /cannot hold 10x10 patches/ });
  t.true(signalEnergy(patchSource(images(), 6, 8), createRng(3), 100) > 0);
});

/**
 * A network that is exactly affine on the inputs used here: positive first- and second-layer
 * weights with a large first bias keep every ReLU active, so f(y) = Ay + c.
 */
function affineWeights(channels: number): DenoiserWeights {
  const rng = createRng(7);
  const u = (size: number, lo: number, hi: number) => Float32Array.from({ length: size }, () => lo + (hi - lo) * rng.next());
  return {
    channels,
    values: [u(9 * channels, 0, 0.05), new Float32Array(channels).fill(10), u(9 * channels * channels, 0, 0.05), new Float32Array(channels), u(9 * channels, -0.3, 0.3)],
  };
}

test.serial('PGD on the conv net reaches the exact worst case where the net is linear', async (t) => {
  const tf = await getTf();
  const size = 6;
  const n = size * size;
  const weights = affineWeights(2);
  // Columns of A from unit impulses: f(e_i) − f(0).
  const basis = new Float32Array((n + 1) * n);
  for (let i = 0; i < n; i++) basis[(i + 1) * n + i] = 1;
  const probe = await attackDenoiser(tf, weights, basis, basis, [n + 1, size, size], 0, 1, 2.5);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let r = 0; r < n; r++) A[r * n + i] = probe.outputs[(i + 1) * n + r] - probe.outputs[r];
  const offset = Float64Array.from({ length: n }, (_, r) => probe.outputs[r]);
  const src = patchSource(images(), size, 8);
  const count = 4;
  const x = samplePatches(src, 'test', count, createRng(4));
  const y = x.map((v, i) => v + 0.25 * new GaussianStream(5 + i).fill(new Float32Array(1))[0]);
  const eps = 1.2;
  const pgd = await attackDenoiser(tf, weights, x, y, [count, size, size], eps, 100, 2.5);
  // Exact: a = Ay + c − x, i.e. the linear problem with target x − c.
  const exact = linearWorstCase({ rows: n, cols: n, data: A }, { count, n, y: Float64Array.from(y), x: Float64Array.from(x, (v, i) => v - offset[i % n]) }, eps);
  for (let s = 0; s < count; s++) {
    const attained = pgd.perSample[s] * n;
    t.true(attained <= exact.perSample[s] * (1 + 1e-3), `sample ${s}: PGD ${attained} above the exact maximum ${exact.perSample[s]}`);
    t.true(attained >= exact.perSample[s] * 0.99, `sample ${s}: PGD ${attained} far below the exact maximum ${exact.perSample[s]}`);
    let norm = 0;
    for (let i = 0; i < n; i++) norm += (pgd.inputs[s * n + i] - y[s * n + i]) ** 2;
    t.true(Math.sqrt(norm) <= eps * (1 + 1e-5), `perturbation norm ${Math.sqrt(norm)} > ε`);
  }
});

test.serial('conv training and the PGD attack leak no tensors; training lowers the clean error', async (t) => {
  const tf = await getTf();
  const src = patchSource(images(), 8, 8);
  const before = tf.memory().numTensors;
  const counts: number[] = [];
  const start = initialWeights(4, 1);
  const trained = await trainDenoiser(tf, src, start, { steps: 60, batch: 16, lr: 0.01, inputNoiseStd: 0.25, onStep: () => counts.push(tf.memory().numTensors) }, 2);
  t.is(new Set(counts).size, 1, `tensor count changed across steps: ${[...new Set(counts)].join(', ')}`);
  const x = samplePatches(src, 'test', 32, createRng(3));
  const z = new GaussianStream(4).fill(new Float32Array(x.length), 0.25);
  const y = x.map((v, i) => v + z[i]);
  const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
  const clean = await attackDenoiser(tf, trained, x, y, [32, 8, 8], 0, 5, 2.5);
  const untrained = await attackDenoiser(tf, start, x, y, [32, 8, 8], 0, 5, 2.5);
  const attacked = await attackDenoiser(tf, trained, x, y, [32, 8, 8], 1, 5, 2.5);
  t.is(tf.memory().numTensors, before);
  t.true(mean(clean.perSample) < mean(untrained.perSample), `trained ${mean(clean.perSample)} vs untrained ${mean(untrained.perSample)}`);
  t.true(mean(attacked.perSample) > mean(clean.perSample));
});
