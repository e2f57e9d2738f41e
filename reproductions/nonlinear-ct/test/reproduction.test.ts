import test from 'ava';
import { assertDecidedWithFailingControls, runTiny } from '#harness/testing';

// A tiny profile: rate at n = 20, a 3-ratio grid at n ∈ {50, 60, 70}, sparse n = 60, a 16×16 phantom.
// Same claims and thresholds; the verdicts may differ from the smoke profile's, the controls may not.
// At 16×16 the metal comparison needs 10⁵ photons for its controls to be clear-cut: with 10⁴ the
// post-log noise of the few rays through the metal makes the metal-1.0 ratio vary 0.9–2.7 by seed.
const TINY = `profile: smoke
papers:
  nonlinear-ct:
    smoke: &tiny
      { seeds: 4, experiments: [rate, threshold, metal], signal_norm: 1, indicator: closed, solver: nonlinear,
        rate_n: 20, rate_m_ratio: 8, rate_step: 0.5, rate_iterations: 2000, record_every: 10,
        threshold_ns: [50, 60, 70], threshold_ratios: [1, 4, 8], threshold_iterations: 1500,
        success_tolerance: 1.0e-3, success_rate: 0.5, check_every: 10,
        sparse_n: 60, sparse_k: 2, sparse_m: 40, sparse_step: 1, sparse_iterations: 2000,
        sparse_tolerance: 1.0e-6, constraint: l1,
        ct_size: 16, ct_angles: 30, ct_detectors: 16, photons: 100000, tissue_attenuation: 0.1,
        metal_attenuation: 3, metal_radius: 2, metal_margin: 2,
        ct_seeds: 4, ct_iterations: 600, ct_stop_postlog: 20, ct_stop_nonlinear: 220 }
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided and every control fails', async (t) => {
  const verdicts = await runTiny(t, { id: 'nonlinear-ct', params: TINY });
  t.is(verdicts.claims.length, 7);
  assertDecidedWithFailingControls(t, verdicts, verdicts.claims.map((c) => c.id));
  t.true(verdicts.claims.every((c) => c.evidence.chart !== undefined));
  t.deepEqual(verdicts.figures.map((f) => f.id).sort(), ['metal-ratio-vs-iteration', 'metal-reconstructions', 'metal-rmse-vs-iteration', 'phase-transition']);
});
