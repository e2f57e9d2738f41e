/**
 * The mechanism behind the iteration-wise speed-up: the curvature pairs. With them removed
 * (m = 0, so H = I) mL-BFGS's step is exactly SGD with the same heavy-ball momentum, and at the
 * same tiny scale, on the same seeds and grids, `iteration-speedup-vs-sgd` must not pass: every
 * per-seed ratio is 1, below the 1.2 a noticeable speed-up needs. The converse (the claim passes
 * with the pairs intact) is not feasible here: with them this tiny run ends with mL-BFGS short of
 * SGD's final loss (median ratio 0), and even the smoke run's median is 1.15 (README). Runs in
 * process (no runner, no controls): the claim is decided on the record the experiment leaves.
 */
import test from 'ava';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Recorder, verdictSeeds } from '#harness';
import { claims } from '../claims.js';
import { run } from '../experiment.js';
import { params, type Params } from '../params.js';

const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));

// 6 verdict seeds (the fewest with a 95% order-statistic interval of a median), one tuning seed, a 32-wide MLP for 150 steps.
const TINY = params.parse({
  seeds: 6, tuning_seeds: 1, parts: ['training'], methods: ['sgd', 'mlbfgs'],
  hidden: 32, batch: 32, steps: 150, eval_every: 10, test_fraction: 0.2, split_seed: 0,
  lr_sgd: [0.03, 0.1, 0.3], lr_adam: [0.01], lr_lbfgs: [0.03], lr_mlbfgs: [0.01, 0.03, 0.1], sgd_momentum: 0.9, step_momentum: 0.9,
  history: 10, block_history: 10, period: 10, beta: 0.9, damping: true, sigma_low: 0.01, sigma_high: 1.5, tau0: 0.8,
  noise_dim: 4, noise_decades: 1, noise_sigma: 0.1, noise_betas: [0], noise_pairs: 10, noise_burn_in_pairs: 0, noise_correlation: 0, noise_lr: 0.1,
  bench_ms: 20,
});

async function decide(p: Params, id: string) {
  const record = new Recorder();
  await run({ params: p, seeds: verdictSeeds(p.seeds), record, profile: 'tiny', root: ROOT, progress: () => {}, log: () => {} });
  const claim = claims.find((c) => c.id === id)!;
  return claim.check.decide(record);
}

test('without curvature pairs (m = 0, H = I: SGD with momentum) the iteration speed-up over SGD does not pass', async (t) => {
  const broken = await decide({ ...TINY, history: 0 }, 'iteration-speedup-vs-sgd');
  t.not(broken.verdict, 'pass', broken.reason);
  t.is(broken.statistic, 1, `with H = I mL-BFGS takes SGD's own steps: ${broken.reason}`);
});
