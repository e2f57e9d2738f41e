import test from 'ava';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { csrMultiply, csrSquaredNorm, metalPhantom, parallelBeamMatrix, tissueMask } from '#datasets/ct';
import { reconstructBatch } from '../ct-batch.js';
import { maskedRmse, nonlinearReconstruction, postLogReconstruction, postLogSinogram } from '../ct-reconstruct.js';

const GEOMETRY = { size: 16, angles: 24, detectors: 16 };

function scan() {
  const A = parallelBeamMatrix(GEOMETRY);
  // A weak "metal" (0.2/px): no ray is starved, the noise-free data are consistent for both models.
  const phantom = metalPhantom({ size: 16, tissue: 0.05, metalAttenuation: 0.2, metalRadius: 2 }, createRng(1));
  const counts = Float64Array.from(csrMultiply(A, phantom.image), (p) => 1e4 * Math.exp(-p));
  return { A, phantom, counts, lipschitz: csrSquaredNorm(A) * 1.01 };
}

test('the post-log sinogram clamps zero counts to one photon', (t) => {
  const p = postLogSinogram([0, 1, 100], 100);
  t.true(Math.abs(p[0] - Math.log(100)) < 1e-12 && p[0] === p[1]);
  t.true(Math.abs(p[2]) < 1e-12);
});

test('on consistent noise-free data both reconstructions approach the phantom', (t) => {
  const { A, phantom, counts, lipschitz } = scan();
  const mask = tissueMask(phantom, 0);
  const start = maskedRmse(new Float64Array(256), phantom.image, mask);
  const o = { iterations: 1500, lipschitz };
  t.true(maskedRmse(postLogReconstruction(A, counts, 1e4, o), phantom.image, mask) < 0.2 * start);
  t.true(maskedRmse(nonlinearReconstruction(A, counts, 1e4, o), phantom.image, mask) < 0.3 * start);
});

test('the tfjs batch reproduces the float64 iteration for both methods and leaks no tensors', async (t) => {
  const tf = await getTf();
  const { A, counts, lipschitz } = scan();
  const o = { iterations: 200, lipschitz };
  const reference = [postLogReconstruction(A, counts, 1e4, o), nonlinearReconstruction(A, counts, 1e4, o)];
  const before = tf.memory().numTensors;
  let records = 0;
  const batch = reconstructBatch(tf, A, [{ method: 'post-log', counts }, { method: 'nonlinear', counts }], { photons: 1e4, ...o, recordEvery: 50, onRecord: () => records++ });
  t.is(tf.memory().numTensors, before);
  t.is(records, 4);
  batch.forEach((x, b) => {
    const scale = Math.max(...reference[b]);
    const worst = Math.max(...x.map((v, j) => Math.abs(v - reference[b][j])));
    t.true(worst < 1e-3 * scale, `job ${b}: max difference ${worst} (float32 against float64)`);
  });
});

test('a post-log-only batch (the Gram-matrix path) reproduces the float64 iteration and leaks no tensors', async (t) => {
  const tf = await getTf();
  const { A, counts, lipschitz } = scan();
  const o = { iterations: 200, lipschitz };
  const reference = postLogReconstruction(A, counts, 1e4, o);
  const before = tf.memory().numTensors;
  const [x] = reconstructBatch(tf, A, [{ method: 'post-log', counts }], { photons: 1e4, ...o });
  t.is(tf.memory().numTensors, before);
  const worst = Math.max(...x.map((v, j) => Math.abs(v - reference[j])));
  t.true(worst < 1e-3 * Math.max(...reference), `max difference ${worst} (float32 against float64)`);
});
