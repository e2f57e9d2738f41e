import test from 'ava';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInChild } from '#harness/testing';
import type { VerdictsFile } from '#harness/types';

const REPRODUCTIONS = fileURLToPath(new URL('../..', import.meta.url));

// A tiny profile: d ∈ {16, 32}, m = 32, T = 16, 400 downstream samples, 3 seeds. Same claims and thresholds.
const TINY = `profile: smoke
papers:
  multitask-feature-learning:
    smoke: &tiny
      { seeds: 3, experiment: multitask, dims: [16, 32], rank: 4, tasks: 16, neurons: 32, samples_per_dim: 8,
        head_lr: 1, lr: 1, labels: teacher, features: learned, downstream_train: 400, downstream_test: 400,
        l2: 0.001, sweep_dims: [8, 16], sweep_widths: [8, 32], sweep_train: 400 }
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided and every control gets its expected verdict', async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repro-multitask-'));
  symlinkSync(REPRODUCTIONS, path.join(root, 'reproductions'));
  writeFileSync(path.join(root, 'params.yaml'), TINY);
  const result = await runInChild({ root, id: 'multitask-feature-learning', stderr: 'pipe' });
  t.is(result.exitCode, 0, result.stderr);
  const verdicts = JSON.parse(readFileSync(path.join(root, 'results', 'multitask-feature-learning', 'verdicts.json'), 'utf8')) as VerdictsFile;
  t.is(verdicts.claims.length, 5);
  for (const c of verdicts.claims) {
    t.not(c.verdict, 'error', `${c.id}: ${c.evidence.reason}`);
    t.true(c.control?.expected, `control of ${c.id}: ${c.control?.verdict} (${c.control?.evidence.reason})`);
  }
  // Every test-bearing claim's control must fail; only the report-only row expects inconclusive.
  t.deepEqual(verdicts.claims.filter((c) => c.kind !== 'report-only').map((c) => c.control?.verdict), [
    'fail', 'fail', 'fail', 'fail',
  ]);
  t.true(verdicts.claims.every((c) => c.evidence.chart !== undefined));
  t.deepEqual(verdicts.figures.map((f) => f.id), ['subspace-energy-vs-d', 'downstream-accuracy-vs-d']);
});
