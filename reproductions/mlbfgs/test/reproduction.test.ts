import test from 'ava';
import path from 'node:path';
import { assertDecidedWithFailingControls, runTiny } from '#harness/testing';
import { params } from '../params.js';

// A tiny profile: a 16-wide MLP for 60 steps, four verdict seeds (the count claim needs 4) and one tuning seed, one learning rate per
// method, a 20-dimensional quadratic with 60 pairs. Same claims and thresholds.
const TINY_BLOCK = {
  seeds: 4, tuning_seeds: 1, parts: ['noise', 'training', 'bench'], methods: ['sgd', 'adam', 'lbfgs', 'mlbfgs', 'mlbfgs-block'],
  hidden: 16, batch: 32, steps: 60, eval_every: 10, test_fraction: 0.2, split_seed: 0,
  lr_sgd: [0.1], lr_adam: [0.01], lr_lbfgs: [0.03], lr_mlbfgs: [0.1], sgd_momentum: 0.9, step_momentum: 0.9,
  history: 5, block_history: 5, period: 5, beta: 0.9, damping: true, sigma_low: 0.01, sigma_high: 1.5, tau0: 0.8,
  noise_dim: 20, noise_decades: 3, noise_sigma: 0.1, noise_betas: [0, 0.9], noise_pairs: 60, noise_burn_in_pairs: 5,
  noise_correlation: 0, noise_lr: 0.1, bench_ms: 20,
};
const TINY = `profile: smoke
papers:
  mlbfgs:
    smoke: &tiny ${JSON.stringify(TINY_BLOCK)}
    paper: *tiny
`;

test('at a tiny size, through the runner, every claim is decided and every control fails', async (t) => {
  const verdicts = await runTiny(t, { id: 'mlbfgs', params: TINY, backend: 'cpu' });
  t.is(verdicts.claims.length, 6);
  assertDecidedWithFailingControls(t, verdicts);
  // Timed claims and figures keep only their verdicts in verdicts.json (their times and charts go to timing.json).
  t.deepEqual(verdicts.claims.filter((c) => c.timed).map((c) => c.id), ['wallclock-speedup']);
  t.true(verdicts.claims.filter((c) => !c.timed).every((c) => c.evidence.chart !== undefined));
  t.deepEqual(verdicts.figures.map((f) => f.id).sort(), ['curvature-noise', 'loss-vs-step', 'tuning']);
});

test('params: bad values are rejected with messages that say what is allowed', (t) => {
  t.true(params.safeParse(TINY_BLOCK).success);
  const errors = (over: Record<string, unknown>) => {
    const r = params.safeParse({ ...TINY_BLOCK, ...over });
    return r.success ? '' : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  };
  t.regex(errors({ seeds: 1 }), /seeds/);
  t.regex(errors({ tuning_seeds: 0 }), /tuning_seeds/);
  t.regex(errors({ step_momentum: 1 }), /step_momentum/);
  t.regex(errors({ eval_every: 100 }), /eval_every: must be ≤ steps \(60\)/);
  t.regex(errors({ parts: ['bench'] }), /bench needs training/);
  t.regex(errors({ methods: ['adam', 'mlbfgs'] }), /must include sgd and mlbfgs when benchmarking/);
  t.regex(errors({ sigma_low: 0.5, sigma_high: 1.5, tau0: 0 }), /tau0/);
  t.regex(errors({ lr_sgd: [0.1, 0.1] }), /lr_sgd: lists a learning rate twice/);
  t.regex(errors({ beta: 1 }), /beta/);
  t.regex(errors({ extra: 1 }), /extra|Unrecognized/i);
});
