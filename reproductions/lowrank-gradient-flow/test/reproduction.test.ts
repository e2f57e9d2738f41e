import test from 'ava';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInChild } from '../../../harness/src/runner/spawn.js';
import type { VerdictsFile } from '../../../harness/src/types.js';

const REPRODUCTIONS = fileURLToPath(new URL('../..', import.meta.url));

// A tiny profile: n = 8, coarse steps (η = 0.05, t ≤ 200), 2 seeds. Same claims and thresholds.
const TINY = `profile: smoke
papers:
  lowrank-gradient-flow:
    smoke: &tiny
      { seeds: 2, n: 8, true_rank: 3, lambda1: [3, 2, 1], lambda2: 0, fitted_rank: 5, init_scale: 0.1,
        eta: 0.05, steps: 4000, record_every: 20, integrator: euler, basis: eigen, closed_form_from: 20,
        schur_block: schur, init: random, saddle_direction: 0, perturbation: 0, perturb_at: 100, escape_threshold: 0.1 }
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided and every control fails', async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repro-lowrank-'));
  symlinkSync(REPRODUCTIONS, path.join(root, 'reproductions'));
  writeFileSync(path.join(root, 'params.yaml'), TINY);
  const result = await runInChild({ root, id: 'lowrank-gradient-flow', env: { REPRO_BACKEND: 'cpu' }, stderr: 'pipe' });
  t.is(result.exitCode, 0, result.stderr);
  const verdicts = JSON.parse(readFileSync(path.join(root, 'results', 'lowrank-gradient-flow', 'verdicts.json'), 'utf8')) as VerdictsFile;
  t.is(verdicts.claims.length, 9);
  for (const c of verdicts.claims) {
    t.not(c.verdict, 'error', `${c.id}: ${c.evidence.reason}`);
    t.is(c.control?.verdict, 'fail', `control of ${c.id}: ${c.control?.evidence.reason}`);
  }
  t.true(verdicts.claims.every((c) => c.evidence.chart !== undefined));
});
