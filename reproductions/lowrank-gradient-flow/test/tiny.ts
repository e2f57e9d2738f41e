/** Runs the experiment in-process at a tiny size and decides one claim on its record (for the unit and mechanism tests). */
import { Recorder } from '#harness';
import reproduction from '../index.js';
import { params, type Params } from '../params.js';

/** n = 8, η = 0.05, t ≤ 200, 2 seeds: the tiny profile of reproduction.test.ts. */
export const TINY: Params = params.parse({
  seeds: 2, n: 8, true_rank: 3, lambda1: [3, 2, 1], lambda2: 0, fitted_rank: 5, init_scale: 0.1,
  eta: 0.05, steps: 4000, record_every: 20, integrator: 'euler', basis: 'eigen', closed_form_from: 20,
  schur_block: 'schur', init: 'random', saddle_direction: 0, perturbation: 0, perturb_at: 100, escape_threshold: 0.1,
});

export async function recordOf(overrides: Partial<Params>): Promise<Recorder> {
  const p = params.parse({ ...TINY, ...overrides });
  const record = new Recorder();
  const seeds = Array.from({ length: p.seeds }, (_, i) => i);
  await reproduction.run({ params: p, seeds, record, profile: 'smoke', root: process.cwd(), progress: () => {}, log: () => {} });
  return record;
}

export async function verdictOf(claimId: string, overrides: Partial<Params>): Promise<{ verdict: string; statistic: number | null; reason: string }> {
  const claim = reproduction.claims.find((c) => c.id === claimId);
  if (!claim) throw new Error(`no claim ${claimId}`);
  const { verdict, statistic, reason } = claim.check.decide(await recordOf({ ...(claim.params ?? {}), ...overrides }));
  return { verdict, statistic, reason };
}
