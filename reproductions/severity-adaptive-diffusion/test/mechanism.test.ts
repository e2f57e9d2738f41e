/**
 * The mechanism test: the paper's method rests on the severity encoder's σ̂² telling, image by
 * image, how degraded the measurement is (it sets each image's start step). A blank encoder
 * (severity_encoder: blank, every σ̂² one constant, ẑ kept) removes exactly that signal: the
 * headline severity claims must then not pass, and must be decided (a constant σ̂² is data, not
 * an error). With the encoder intact, at the same tiny size, they must not fail.
 */
import test from 'ava';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTf } from '#harness/tf';
import { Recorder } from '#harness';
import { runOne } from '#harness/testing';
import { claims } from '../claims.js';
import reproduction from '../index.js';
import { params, type Params } from '../params.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

// The tiny size of reproduction.test.ts, with the claims' recorded data decided in this process.
const TINY: Params = params.parse({
  seeds: 1, test_images: 40, latent_dim: 8, ae_hidden: 32, ae_steps: 300, ae_lr: 0.005, batch: 64, sev_steps: 300, sev_lr: 0.003,
  lambda_sigma: 1, lambda_img: 1, blur_std_min: 0.3, blur_std_span: 1.2, noise_std: 0.05, ddpm_hidden: 32, ddpm_embed: 8,
  ddpm_steps: 200, ddpm_lr: 0.003, diffusion_steps: 1000, beta_start: 0.0001, beta_end: 0.02, ddim_steps: 20, dps_step: 0.02,
  noise_correction: 1.2, start: 'adaptive', start_from: 'estimate', severity_order: 'predicted', severity_signal: 1, severity_encoder: 'trained',
  curve_starts: [1, 2], grid_images: 3,
});
const HEADLINE = ['severity-correlates', 'severity-orders-levels', 'adaptive-fewer-steps'];

async function verdicts(overrides: Partial<Params>) {
  await getTf(); // the runner's worker sets up the backend first; so must this in-process run
  const task = { params: { ...TINY, ...overrides }, seeds: [0], profile: 'smoke', root: ROOT, tag: '[mechanism]' };
  const result = await runOne(reproduction, task, () => {});
  if (!result.record) throw new Error(`run failed: ${result.error}`);
  const record = Recorder.fromJSON(result.record);
  return new Map(claims.filter((c) => HEADLINE.includes(c.id)).map((c) => [c.id, c.check.decide(record)]));
}

test.serial('a blank severity encoder makes the headline severity claims not pass; intact, they do not fail', async (t) => {
  // Models trained here go to a fresh cache (the run reads weights/ first, where no tiny model is).
  process.env.REPRO_MODEL_CACHE = mkdtempSync(path.join(os.tmpdir(), 'repro-severity-mechanism-'));
  const intact = await verdicts({});
  const blank = await verdicts({ severity_encoder: 'blank' });
  for (const id of HEADLINE) {
    const [a, b] = [intact.get(id)!, blank.get(id)!];
    t.not(a.verdict, 'fail', `intact ${id}: ${a.reason}`);
    t.true(b.verdict === 'fail' || b.verdict === 'inconclusive', `blank ${id}: ${b.verdict} (${b.reason})`);
  }
  // A constant σ̂² is no association at all: ρ = 0 and chance-level ordering, decided as fails.
  t.is(blank.get('severity-correlates')!.verdict, 'fail', blank.get('severity-correlates')!.reason);
  t.is(blank.get('severity-correlates')!.statistic, 0);
  t.is(blank.get('severity-orders-levels')!.statistic, 0.5);
  t.is(blank.get('adaptive-fewer-steps')!.verdict, 'fail', blank.get('adaptive-fewer-steps')!.reason);
});
