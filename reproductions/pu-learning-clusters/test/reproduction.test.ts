import test from 'ava';
import { assertDecidedWithFailingControls, runTinyWithStderr } from '#harness/testing';

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
  const { verdicts, stderr } = await runTinyWithStderr(t, { id: 'pu-learning-clusters', params: TINY });
  t.deepEqual(verdicts.claims.map((c) => c.id), ['clustering-degrades-with-dimension', 'beats-raw-clustering', 'improves-on-nnpu', 'not-worse-than-nnpu', 'vq-amplifies-separation']);
  for (const c of verdicts.claims) t.log(`${c.id}: ${c.verdict} (control ${c.control?.verdict})`);
  // The accuracy claims' controls (random positives) must fail outright even at this size.
  assertDecidedWithFailingControls(t, verdicts, ['beats-raw-clustering', 'not-worse-than-nnpu']);
  t.true(verdicts.claims.every((c) => c.evidence.chart !== undefined));
  t.deepEqual(verdicts.figures.map((f) => f.id).sort(), ['accuracy-per-method', 'accuracy-vs-dimension', 'embedding-projection']);
  t.false(stderr.includes('LEAKED'), 'a run leaked tensors');
});
