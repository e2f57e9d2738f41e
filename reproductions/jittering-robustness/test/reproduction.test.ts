import test from 'ava';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInChild } from '#harness/testing';
import type { VerdictsFile } from '#harness/types';

const REPRODUCTIONS = fileURLToPath(new URL('../..', import.meta.url));
const REPO = path.dirname(REPRODUCTIONS.replace(/\/$/, ''));
const PYTHON = path.join(REPO, '.venv', 'bin', 'python');

// A tiny profile: small subspaces and grids, a 4-channel conv net on 8x8 patches. Same claims and thresholds.
const TINY = `profile: smoke
papers:
  jittering-robustness:
    smoke: &tiny
      { seeds: 3, experiments: [denoising, deconvolution, nonlinear], noise_std: 0.2, jitter_scale: 1,
        n: 24, d: 8, zetas: [0.1, 0.3], adversarial_zetas: [0.3], steps: 600, adversarial_steps: 300, batch: 64,
        lr: 0.01, lr_final: 0.0001, pgd_iters: 5, pgd_step: 2.5, test_samples: 300, target_noise: [0, 0.1],
        target_noise_zeta: 0.1, dc_n: 30, dc_d: 24, dc_operator: linear-decay, dc_zeta: 0.1, dc_steps: 400,
        dc_batch: 32, dc_lr: 0.01, dc_grid: 11, dc_grid_max: 1.0, dc_test_samples: 300, nl_seeds: 3,
        nl_noise_std: 0.25, nl_patch: 8, nl_channels: 4, nl_steps: 150, nl_batch: 32, nl_lr: 0.02,
        nl_jitter_zeta: 0.1, nl_attack_zeta: 0.1, nl_test_patches: 256 }
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided and every control comes out as expected', async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repro-jittering-'));
  symlinkSync(REPRODUCTIONS, path.join(root, 'reproductions'));
  writeFileSync(path.join(root, 'params.yaml'), TINY);
  // The nonlinear proxy reads the real images of the `datasets` stage from <root>/datasets/out.
  t.true(existsSync(PYTHON), `${PYTHON} is missing: run \`make setup\``);
  execFileSync(PYTHON, [path.join(REPO, 'datasets', 'extract.py'), '--out', path.join(root, 'datasets', 'out')], { stdio: 'pipe' });
  const result = await runInChild({ root, id: 'jittering-robustness', stderr: 'pipe' });
  t.is(result.exitCode, 0, result.stderr);
  const verdicts = JSON.parse(readFileSync(path.join(root, 'results', 'jittering-robustness', 'verdicts.json'), 'utf8')) as VerdictsFile;
  t.is(verdicts.claims.length, 7);
  for (const c of verdicts.claims) {
    t.not(c.verdict, 'error', `${c.id}: ${c.evidence.reason}`);
    t.true(c.control?.expected, `control of ${c.id} came out ${c.control?.verdict}: ${c.control?.evidence.reason}`);
  }
  t.is(verdicts.claims.find((c) => c.id === 'slightly-noisy-targets')?.verdict, 'inconclusive');
  t.deepEqual(verdicts.figures.map((f) => f.id).sort(), ['alpha-hat-vs-alpha-star', 'attacked-denoising', 'deconvolution-jitter-grid', 'noisy-ground-truth', 'worst-case-risk-vs-zeta']);
});
