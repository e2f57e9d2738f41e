/**
 * Mechanism test: the multi-task interpolation threshold sits at N = nT because the multi-task
 * model pools all N samples into one minimum-norm fit. Fit every task alone instead (each fit sees
 * only n samples, so nothing interpolates at N) and interpolation-threshold-shifts must not pass;
 * pooled, at the same small size, it passes. In-process, threshold grid only (T = 3, n = 12, 150 trials).
 */
import test from 'ava';
import { Recorder } from '#harness';
import reproduction from '../index.js';
import { params, type Params } from '../params.js';

const SMALL: Params = params.parse({
  seeds: 150, parts: ['threshold'], tasks: 3, n: 12, sigma: 0.3, rho_similar: 0.9, rho_dissimilar: 0, signal_variance: 1,
  sampler: 'bartlett', mtl_solver: 'pooled', single_p: [30], mtl_p: [60], threshold_halfwidth: 6, transfer_p: 60,
  buffer_sizes: [0, 4], forgetting_far_rho: 0.9, forgetting_far_p: 200, forgetting_near_rho: 0.9, forgetting_near_margin: 10,
  forgetting_dissimilar_rho: 0, forgetting_dissimilar_p: 100, deep_input_dim: 10, deep_test_per_task: 20, deep_p_min: 20,
  deep_p_max: 50, deep_p_step: 2,
});

async function verdictOf(overrides: Partial<Params>): Promise<{ verdict: string; reason: string }> {
  const record = new Recorder();
  const seeds = Array.from({ length: SMALL.seeds }, (_, i) => i);
  await reproduction.run({ params: { ...SMALL, ...overrides }, seeds, record, profile: 'smoke', root: process.cwd(), progress: () => {}, log: () => {} });
  const { verdict, reason } = reproduction.claims.find((c) => c.id === 'interpolation-threshold-shifts')!.check.decide(record);
  return { verdict, reason };
}

test('the multi-task threshold sits at N with the pooled fit and no longer does with per-task fits', async (t) => {
  const intact = await verdictOf({ mtl_solver: 'pooled' });
  t.is(intact.verdict, 'pass', intact.reason);
  const broken = await verdictOf({ mtl_solver: 'separate' });
  t.log(`per-task fits: ${broken.verdict} (${broken.reason})`);
  t.not(broken.verdict, 'pass', broken.reason);
  t.not(broken.verdict, 'error', broken.reason);
});
