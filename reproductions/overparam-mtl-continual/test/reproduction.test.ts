import test from 'ava';
import path from 'node:path';
import { assertDecidedWithFailingControls, runTiny } from '#harness/testing';
import { schemaErrors } from '#harness/testing/charts';

// A tiny profile: T = 4 tasks of n = 10 (N = 40), 60 trials. Same claims and thresholds.
const TINY = `profile: smoke
papers:
  overparam-mtl-continual:
    smoke: &tiny
      { seeds: 60, parts: [single, mtl, threshold, transfer, forgetting-far, forgetting-near, forgetting-dissimilar, deep],
        tasks: 4, n: 10, sigma: 0.3, rho_similar: 0.9, rho_dissimilar: 0, signal_variance: 1, sampler: bartlett,
        mtl_solver: pooled, single_p: [20, 40, 100], mtl_p: [70, 200], threshold_halfwidth: 5, transfer_p: 200,
        buffer_sizes: [0, 5, 10], forgetting_far_rho: 0.9, forgetting_far_p: 1000, forgetting_near_rho: 0.9,
        forgetting_near_margin: 30, forgetting_dissimilar_rho: 0, forgetting_dissimilar_p: 200,
        deep_input_dim: 10, deep_test_per_task: 20, deep_p_min: 30, deep_p_max: 50, deep_p_step: 2 }
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided, every control fails, every chart is valid Vega-Lite', async (t) => {
  const verdicts = await runTiny(t, { id: 'overparam-mtl-continual', params: TINY, backend: 'cpu', jobs: 1 });
  t.is(verdicts.claims.length, 8);
  assertDecidedWithFailingControls(t, verdicts, verdicts.claims.map((c) => c.id));
  for (const c of verdicts.claims) {
    for (const chart of [c.evidence.chart, ...(c.evidence.moreCharts ?? [])]) {
      t.truthy(chart, c.id);
      t.is(schemaErrors(chart!), null, c.id);
    }
  }
  t.deepEqual(verdicts.figures.map((f) => f.id), ['error-vs-p', 'threshold-medians', 'transfer-vs-p', 'forgetting-vs-buffer', 'deep-proxy']);
  for (const f of verdicts.figures) t.is(schemaErrors(f.chart), null, f.id);
});

test('bad params are rejected with the key and the reason', async (t) => {
  const { params } = await import('../params.js');
  const good = (await import('yaml')).parse(TINY).papers['overparam-mtl-continual'].smoke;
  const bad = (patch: Record<string, unknown>) => {
    const r = params.safeParse({ ...good, ...patch });
    return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
  };
  t.is(bad({}), '');
  t.regex(bad({ single_p: [11] }), /single_p: 11 is within 2 of n/);
  t.regex(bad({ mtl_p: [50] }), /mtl_p: 50 is too close to N = T·n = 40/);
  t.regex(bad({ buffer_sizes: [5, 10] }), /buffer_sizes: must start at 0/);
  t.regex(bad({ buffer_sizes: [0, 20] }), /at most the n = 10 samples/);
  t.regex(bad({ forgetting_far_p: 41 }), /forgetting_far_p: must be ≥ .* = 42/);
  t.regex(bad({ deep_p_min: 38 }), /must reach beyond the claim's window/);
  t.regex(bad({ parts: ['single', 'single'] }), /lists a part twice/);
  t.regex(bad({ threshold_halfwidth: 6 }), /n − h = 4 is below T \+ 1 \(5\)/);
});
