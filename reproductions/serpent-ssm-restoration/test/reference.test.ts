import test from 'ava';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { forward } from '../architecture.js';
import { createModels } from '../model.js';
import { image, ReferenceOps } from '../reference-ops.js';
import { blockedBidirectional, closedFormKernel, directBidirectional } from '../ssm-reference.js';
import { bidirectionalScan, chunkBlock, lowerToeplitz } from '../ssm-tf.js';
import { TINY_SPECS } from './specs.js';

const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

function direction(seed: number, N: number) {
  const rng = createRng(seed);
  return {
    logRate: Array.from({ length: N }, () => Math.log(1e-2) + 4 * rng.next()),
    w: Array.from({ length: N }, () => rng.normal()),
  };
}

test('the blocked scan equals the definition: causal plus anti-causal convolution with the closed-form kernels', (t) => {
  const rng = createRng(1);
  const B = 2;
  const L = 48;
  const u = Float64Array.from({ length: B * L }, () => rng.normal());
  const [fwd, bwd] = [direction(2, 5), direction(3, 5)];
  const want = directBidirectional(u, B, L, fwd, bwd);
  for (const chunk of [1, 2, 4, 16, 64]) {
    const got = blockedBidirectional(u, B, L, fwd, bwd, { chunk, algorithm: 'chunked' }, { macs: 0 });
    t.true(maxAbs(got, want) < 1e-10, `chunk ${chunk}: ${maxAbs(got, want)}`);
  }
  t.true(maxAbs(blockedBidirectional(u, B, L, fwd, bwd, { chunk: 4, algorithm: 'full' }, { macs: 0 }), want) < 1e-10);
});

test('lowerToeplitz() builds M[i][j] = k[i−j] below the diagonal and 0 above', async (t) => {
  const tf = await getTf();
  const M = tf.tidy(() => lowerToeplitz(tf, tf.tensor2d([[1, 2, 3, 4], [5, 6, 7, 8]])));
  t.deepEqual(await M.array(), [
    [[1, 0, 0, 0], [2, 1, 0, 0], [3, 2, 1, 0], [4, 3, 2, 1]],
    [[5, 0, 0, 0], [6, 5, 0, 0], [7, 6, 5, 0], [8, 7, 6, 5]],
  ]);
  M.dispose();
});

test('chunkBlock() holds Kf_{i−j} below the diagonal, Kb_{j−i} above, their sum on it', async (t) => {
  const tf = await getTf();
  const dirs = [direction(4, 3), direction(5, 3)];
  const logA = dirs.map((d) => d.logRate.map((r) => -Math.exp(r)));
  const wt = dirs.map((d, k) => d.w.map((v, n) => v * (1 - Math.exp(logA[k][n]))));
  const M = tf.tidy(() => chunkBlock(tf, tf.tensor3d([logA], [1, 2, 3]), tf.tensor3d([wt], [1, 2, 3]), 5));
  const got = (await M.array())[0];
  M.dispose();
  const [Kf, Kb] = dirs.map((d) => closedFormKernel(d, 5));
  for (let i = 0; i < 5; i++) {
    for (let j = 0; j < 5; j++) {
      const want = (i >= j ? Kf[i - j] : 0) + (j >= i ? Kb[j - i] : 0);
      t.true(Math.abs(got[i][j] - want) < 1e-6, `M[${i}][${j}]`);
    }
  }
});

test('the tfjs scan matches the definition', async (t) => {
  const tf = await getTf();
  const rng = createRng(5);
  const [B, L, N] = [3, 64, 4];
  const lanes = [[direction(6, N), direction(7, N)], [direction(8, N), direction(9, N)]];
  const u = Float64Array.from({ length: lanes.length * B * L }, () => rng.normal());
  const params = (key: 'logRate' | 'w') => tf.tensor3d(lanes.flatMap((pair) => pair.flatMap((d) => d[key])), [lanes.length, 2, N]);
  for (const chunk of [4, 64]) {
    const y = tf.tidy(() => bidirectionalScan(tf, tf.tensor3d(Float32Array.from(u), [lanes.length, B, L]), params('logRate'), params('w'), { chunk, algorithm: 'chunked' }));
    const got = y.dataSync();
    y.dispose();
    lanes.forEach(([fwd, bwd], i) => {
      const want = directBidirectional(u.subarray(i * B * L, (i + 1) * B * L), B, L, fwd, bwd);
      t.true(maxAbs(got.subarray(i * B * L, (i + 1) * B * L), want) < 1e-4, `chunk ${chunk}, lane ${i}`);
    });
  }
});

for (const { label, spec } of TINY_SPECS) {
  test(`${label}: the tfjs forward pass (two seeds side by side) equals the float64 reference of each`, async (t) => {
    const tf = await getTf();
    const before = tf.memory().numTensors;
    const models = createModels(tf, spec, [11, 12], { zeroOutput: false });
    const rng = createRng(13);
    const [S, B, side] = [2, 2, 8];
    const pixels = Float64Array.from({ length: S * B * side * side }, () => rng.next());
    const x = tf.tensor5d(Float32Array.from(pixels), [S, B, side, side, 1]);
    const y = models.apply(x);
    const got = y.dataSync();
    for (let s = 0; s < S; s++) {
      const part = pixels.subarray(s * B * side * side, (s + 1) * B * side * side);
      const ref = forward(new ReferenceOps(models.weightsOf(s)), spec, image(B, side, side, 1, part));
      const mine = got.subarray(s * B * side * side, (s + 1) * B * side * side);
      t.true(maxAbs(mine, ref.data) < 1e-4, `seed ${s}: max |tfjs − float64| = ${maxAbs(mine, ref.data)}`);
    }
    [x, y].forEach((v) => v.dispose());
    models.dispose();
    t.is(tf.memory().numTensors, before);
  });
}
