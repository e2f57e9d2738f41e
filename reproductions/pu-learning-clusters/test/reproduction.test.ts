import test from 'ava';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInChild } from '#harness/testing';
import type { VerdictsFile } from '#harness/types';

const REPRODUCTIONS = fileURLToPath(new URL('../..', import.meta.url));
const DATASETS = fileURLToPath(new URL('../../../datasets', import.meta.url));

// A tiny profile: 8 seeds, 200 Adam steps (lr 3e-3) of batch 64, 4 Monte-Carlo trials per dimension. Same claims and thresholds.
const TINY = `profile: smoke
papers:
  pu-learning-clusters:
    smoke: &tiny
      { seeds: 8, experiments: [digits, synthetic], test_fraction: 0.3, labelled_positives: 200, labelled_source: positives,
        steps: 200, batch: 64, lr: 0.003, hidden: 64, embed: 8, commitment: 0.25, margin: 2, temperature: 1, assignment: prior,
        synthetic_seeds: 4, transition_seeds: 4, synthetic_mu_norm: 1, synthetic_labelled: 20 }
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided and every control fails', async (t) => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'repro-pu-'));
  symlinkSync(REPRODUCTIONS, path.join(root, 'reproductions'));
  symlinkSync(DATASETS, path.join(root, 'datasets'));
  writeFileSync(path.join(root, 'params.yaml'), TINY);
  const result = await runInChild({ root, id: 'pu-learning-clusters', stderr: 'pipe' });
  t.is(result.exitCode, 0, result.stderr);
  const verdicts = JSON.parse(readFileSync(path.join(root, 'results', 'pu-learning-clusters', 'verdicts.json'), 'utf8')) as VerdictsFile;
  t.deepEqual(verdicts.claims.map((c) => c.id), ['clustering-degrades-with-dimension', 'beats-raw-clustering', 'improves-on-nnpu', 'not-worse-than-nnpu', 'vq-amplifies-separation']);
  for (const c of verdicts.claims) {
    t.log(`${c.id}: ${c.verdict} (control ${c.control?.verdict})`);
    t.not(c.verdict, 'error', `${c.id}: ${c.evidence.reason}`);
    t.true(c.control?.verdict === 'fail' || c.control?.verdict === 'inconclusive', `control of ${c.id}: ${c.control?.verdict} (${c.control?.evidence.reason})`);
  }
  // The accuracy claims' controls (random positives) must fail outright even at this size.
  for (const id of ['beats-raw-clustering', 'not-worse-than-nnpu']) t.is(verdicts.claims.find((c) => c.id === id)?.control?.verdict, 'fail', id);
  t.true(verdicts.claims.every((c) => c.evidence.chart !== undefined));
  t.deepEqual(verdicts.figures.map((f) => f.id).sort(), ['accuracy-per-method', 'accuracy-vs-dimension', 'embedding-projection']);
  t.false(result.stderr.includes('LEAKED'), 'a run leaked tensors');
});
