import test from 'ava';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInChild } from '#harness/testing';
import type { VerdictsFile } from '#harness/types';

const REPRODUCTIONS = fileURLToPath(new URL('../..', import.meta.url));

// A tiny profile: width 6, 16x16 crops, a few training steps, procedural images only. Same claims
// and thresholds; the point is that every claim is decided and every control fails (or, for a
// near miss or a timing, does not pass).
const TINY = `profile: smoke
papers:
  serpent-ssm-restoration:
    smoke: &tiny
      { seeds: 2, experiments: [flops, time, memory, rf, params], width: 6, state: 4, chunk: 8,
        ssm_algorithm: chunked, mixer: ssm, rate_min: 0.001, rate_max: 1, cnn_depth: 4,
        flops_sides: [32, 64, 128, 192, 256, 512], flops_ratio_side: 512,
        time_sides: [16, 32, 48, 64, 96], time_sides_attention: [16, 24, 32, 40, 48], bench_batch: 1, bench_batch_attention: 1, bench_rounds: 1,
        memory_side: 64, memory_sides: [16, 32], rf_side: 32, rf_model: serpent,
        crop: 16, batch: 2, deblur_steps: 3, converge_window: 50, converge_tol: 0.02, offset_steps: 3, learning_rate: 0.01, test_images: 4,
        blur_sigma: 1.5, blur_noise: 0.01, offset_max: 0.25, offset_noise: 0.05, real_images: false, real_share: 0 }
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided and every control fails', async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repro-serpent-'));
  symlinkSync(REPRODUCTIONS, path.join(root, 'reproductions'));
  writeFileSync(path.join(root, 'params.yaml'), TINY);
  // One process for all variants: each worker process would load tfjs again.
  const result = await runInChild({ root, id: 'serpent-ssm-restoration', stderr: 'pipe', jobs: 1 });
  t.is(result.exitCode, 0, result.stderr);
  const verdicts = JSON.parse(readFileSync(path.join(root, 'results', 'serpent-ssm-restoration', 'verdicts.json'), 'utf8')) as VerdictsFile;
  t.is(verdicts.claims.length, 7);
  // The time claim measures CPU time: at this tiny size its control can come out inconclusive
  // instead of fail, so a test only requires it to be decided, never a timing.
  const timed = new Set(['time-scales-linearly']);
  // The receptive-field control is a near miss (short-memory SerpentLite, shares ~0.7-0.9): with 2
  // seeds its t interval may reach over 0.99, so it must not pass, but may stay inconclusive.
  const nearMiss = new Set(['global-receptive-field']);
  for (const c of verdicts.claims) {
    t.not(c.verdict, 'error', `${c.id}: ${c.evidence.reason}`);
    if (timed.has(c.id)) t.not(c.control?.verdict, 'error', `control of ${c.id}: ${c.control?.evidence.reason}`);
    else if (nearMiss.has(c.id)) {
      t.true(c.control?.verdict === 'fail' || c.control?.verdict === 'inconclusive', `control of ${c.id}: ${c.control?.evidence.reason}`);
    }
    else t.is(c.control?.verdict, 'fail', `control of ${c.id}: ${c.control?.evidence.reason}`);
  }
  // A timed claim keeps its chart (numbers) in timing.json, beside verdicts.json.
  t.true(verdicts.claims.every((c) => timed.has(c.id) || c.evidence.chart !== undefined));
  // The default run's figures: cost curves, receptive-field maps (deblurring runs in its claim's own run).
  const figures = verdicts.figures.map((f) => f.id);
  for (const id of ['cost-flops', 'cost-memory', 'rf-serpent', 'rf-cnn']) t.true(figures.includes(id), `figure ${id} in ${figures.join(', ')}`);
  // The CPU-time figure and the time claim's numbers are timed: they live in timing.json.
  const timing = JSON.parse(readFileSync(path.join(root, 'results', 'serpent-ssm-restoration', 'timing.json'), 'utf8')) as { figures: { id: string }[] };
  t.true(timing.figures.some((f) => f.id === 'cost-time'), 'figure cost-time in timing.json');
});
