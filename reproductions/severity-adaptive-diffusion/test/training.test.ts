import test from 'ava';
import { getTf } from '#harness/tf';
import { createRng } from '#harness/random';
import { ddimGrid } from '../schedule.js';
import { solve, startLatents } from '../solver.js';
import { trainAutoencoder } from '../training/autoencoder.js';
import { trainDiffusion } from '../training/diffusion.js';
import { disposeAll, toTensors } from '../training/mlp.js';
import { encode, epsilon, severity, timeEmbedding } from '../training/networks.js';
import { severityInit, trainSeverityEncoder } from '../training/severity-encoder.js';
import { specsFor, type TrainingParams } from '../training/specs.js';

const TINY: TrainingParams = {
  test_images: 10, latent_dim: 4, ae_hidden: 8, ae_steps: 6, ae_lr: 0.01, batch: 8, sev_steps: 6, sev_lr: 0.01, lambda_sigma: 1, lambda_img: 1,
  blur_std_min: 0.3, blur_std_span: 1.2, noise_std: 0.05, ddpm_hidden: 8, ddpm_embed: 4, ddpm_steps: 6, ddpm_lr: 0.01, diffusion_steps: 100, beta_start: 1e-4, beta_end: 0.02,
};
const rng = createRng(4);
const images = Array.from({ length: 30 }, () => Float32Array.from({ length: 64 }, () => 2 * rng.next() - 1));
const specs = specsFor(TINY, 0);

const flat = (counts: number[]) => new Set(counts.slice(1)).size === 1;

test.serial('the three training loops leak no tensors, step by step', async (t) => {
  const tf = await getTf();
  const before = tf.memory().numTensors;
  const counts: Record<string, number[]> = { ae: [], sev: [], ddpm: [] };
  const ae = trainAutoencoder(tf, specs.autoencoder, images, { onStep: () => counts.ae.push(tf.memory().numTensors) });
  trainSeverityEncoder(tf, specs.severity, ae.weights, images, { onStep: () => counts.sev.push(tf.memory().numTensors) });
  trainDiffusion(tf, specs.diffusion, ae.weights, images, { onStep: () => counts.ddpm.push(tf.memory().numTensors) });
  for (const [name, c] of Object.entries(counts)) t.true(flat(c), `${name}: tensor count changed across steps: ${c.join(', ')}`);
  t.is(tf.memory().numTensors, before);
  t.true(ae.history.every(Number.isFinite));
});

test.serial('the severity encoder starts as the autoencoder\'s encoder (standardised latents)', async (t) => {
  const tf = await getTf();
  const ae = trainAutoencoder(tf, specs.autoencoder, images);
  const aeT = toTensors(tf, ae.weights);
  const sevT = toTensors(tf, severityInit(specs.severity, ae.weights, 0));
  const x = tf.tensor2d(Float32Array.from(images.slice(0, 5).flatMap((im) => [...im])), [5, 64]);
  const [a, b] = tf.tidy(() => [encode(tf, aeT, x), severity(tf, sevT, x, TINY.latent_dim).zHat]);
  const diff = tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]);
  t.true(diff < 1e-4, `max |ẑ − E(x)| = ${diff}`);
  disposeAll({ a, b, x });
  disposeAll(aeT);
  disposeAll(sevT);
});

test.serial('the solver: one DDIM step to ᾱ = 1 returns ẑ₀ = (z − √(1−ᾱ) ε̂)/√ᾱ; 0 steps return the start; no leaks', async (t) => {
  const tf = await getTf();
  const ae = trainAutoencoder(tf, specs.autoencoder, images);
  const dd = trainDiffusion(tf, specs.diffusion, ae.weights, images);
  const aeT = toTensors(tf, ae.weights);
  const eps = toTensors(tf, dd.weights);
  const grid = ddimGrid(specs.diffusion.schedule, 10);
  const n = 3;
  const z = tf.tensor2d(Float32Array.from({ length: n * 4 }, () => rng.normal()), [n, 4]);
  const y = tf.zeros([n, 64]) as ReturnType<typeof tf.tensor2d>;
  const B = tf.zeros([n, 64, 64]) as ReturnType<typeof tf.tensor3d>;
  const before = tf.memory().numTensors;
  const m = { ae: aeT, eps, embedDim: TINY.ddpm_embed };
  const out = solve(tf, m, grid, { y, B }, { z, steps: [1, 0, 1] }, 0);
  const expected = tf.tidy(() => {
    const emb = tf.tile(tf.tensor2d(timeEmbedding([grid.timesteps[1]], TINY.ddpm_embed), [1, TINY.ddpm_embed]), [n, 1]);
    const a = grid.alphaBars[1];
    return tf.div(tf.sub(z, tf.mul(epsilon(tf, eps, z, emb), Math.sqrt(1 - a))), Math.sqrt(a));
  });
  const [o, e, z0] = [out.arraySync() as number[][], expected.arraySync() as number[][], z.arraySync() as number[][]];
  t.true(o[0].every((v, j) => Math.abs(v - e[0][j]) < 1e-4) && o[2].every((v, j) => Math.abs(v - e[2][j]) < 1e-4));
  t.deepEqual(o[1], z0[1]);
  disposeAll({ out, expected });
  t.is(tf.memory().numTensors, before, 'solve leaks tensors');
  const withDps = solve(tf, m, grid, { y, B }, { z, steps: [10, 5, 1] }, 0.1);
  withDps.dispose();
  t.is(tf.memory().numTensors, before, 'solve with DPS leaks tensors');
  const s = startLatents(tf, z, tf.onesLike(z) as typeof z, [0, 10, 0.25], 1.2);
  const rows = s.arraySync() as number[][];
  t.deepEqual(rows[0], z0[0]);
  t.true(rows[1].every((v) => Math.abs(v - 1) < 1e-6));
  t.true(rows[2].every((v, j) => Math.abs(v - (Math.sqrt(0.7) * z0[2][j] + Math.sqrt(0.3))) < 1e-5));
  disposeAll({ s, z, y, B });
  disposeAll(aeT);
  disposeAll(eps);
});
