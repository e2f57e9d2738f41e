import test from 'ava';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { specsFor, type TrainingParams } from '../training/specs.js';
import { modelKey, PLUMBING_SOURCES, pruneModels, readModel, TRAINING_SOURCES, tryLock, writeModel } from '../training/store.js';

const FOLDER = fileURLToPath(new URL('..', import.meta.url));
const P: TrainingParams = {
  test_images: 200, latent_dim: 16, ae_hidden: 128, ae_steps: 1500, ae_lr: 0.003, batch: 128, sev_steps: 1500, sev_lr: 0.001, lambda_sigma: 1, lambda_img: 1,
  blur_std_min: 0.3, blur_std_span: 1.2, noise_std: 0.05, ddpm_hidden: 256, ddpm_embed: 32, ddpm_steps: 2000, ddpm_lr: 0.002, diffusion_steps: 1000, beta_start: 1e-4, beta_end: 0.02,
};

test('every training source is either hashed into the model keys or declared plumbing', (t) => {
  const files = readdirSync(path.join(FOLDER, 'training')).filter((f) => f.endsWith('.ts')).map((f) => `training/${f}`);
  t.deepEqual([...files].sort(), [...TRAINING_SOURCES, ...PLUMBING_SOURCES].filter((f) => f.startsWith('training/')).sort());
});

test('keys: λ_σ retrains only the severity encoder; the seed retrains everything', (t) => {
  const a = specsFor(P, 0);
  const b = specsFor({ ...P, lambda_sigma: 0 }, 0);
  const c = specsFor(P, 1);
  t.is(modelKey(a.autoencoder), modelKey(b.autoencoder));
  t.is(modelKey(a.diffusion), modelKey(b.diffusion));
  t.not(modelKey(a.severity), modelKey(b.severity));
  t.not(modelKey(a.autoencoder), modelKey(c.autoencoder));
  t.not(modelKey(a.diffusion), modelKey(specsFor({ ...P, ae_steps: 10 }, 0).diffusion), 'a new autoencoder means a new prior');
});

test('weights round-trip exactly; prune keeps only the named files; the lock is exclusive', (t) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sad-store-'));
  const spec = specsFor(P, 0).autoencoder;
  const weights = { 'enc1.w': { shape: [2, 3], data: Float32Array.from([1.5, -2, 3e-8, 0, 7, Math.PI]) } };
  const file = writeModel(dir, { spec, key: modelKey(spec), weights, history: [1, 0.5], seconds: 2 });
  const back = readModel(dir, spec);
  t.deepEqual(back?.weights['enc1.w'].shape, [2, 3]);
  t.deepEqual(Array.from(back!.weights['enc1.w'].data), Array.from(weights['enc1.w'].data));
  t.is(readModel(dir, specsFor(P, 5).autoencoder), null);
  const unlock = tryLock(file);
  t.truthy(unlock);
  t.is(tryLock(file), null);
  unlock!();
  const again = tryLock(file);
  t.truthy(again);
  again!();
  t.deepEqual(pruneModels(dir, new Set([file])), []);
  t.deepEqual(pruneModels(dir, new Set()), [path.basename(file)]);
  t.false(existsSync(file));
});

test('the same model is the same bytes however long its training took (the stage output hashes alike everywhere)', (t) => {
  const [a, b] = [mkdtempSync(path.join(os.tmpdir(), 'sad-store-')), mkdtempSync(path.join(os.tmpdir(), 'sad-store-'))];
  const spec = specsFor(P, 0).autoencoder;
  const weights = { 'enc1.w': { shape: [1, 2], data: Float32Array.from([0.25, -1]) } };
  const fa = writeModel(a, { spec, key: modelKey(spec), weights, history: [1], seconds: 2 });
  const fb = writeModel(b, { spec, key: modelKey(spec), weights, history: [1], seconds: 41.7 });
  t.true(readFileSync(fa).equals(readFileSync(fb)));
  t.false(readFileSync(fa, 'utf8').includes('seconds'));
});
