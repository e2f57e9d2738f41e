import test from 'ava';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDigitsSplit } from '../data.js';
import { params } from '../params.js';
import { stepsToTarget, train, trainingSetup, tune } from '../train.js';

const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const P = params.parse({
  seeds: 3, tuning_seeds: 1, parts: ['training'], methods: ['sgd', 'mlbfgs'], hidden: 8, batch: 16, steps: 40, eval_every: 10, test_fraction: 0.2, split_seed: 0,
  lr_sgd: [0.1], lr_adam: [0.01, 10], lr_lbfgs: [0.03], lr_mlbfgs: [0.1], sgd_momentum: 0.9, step_momentum: 0.9,
  history: 5, block_history: 5, period: 5, beta: 0.9, damping: true, sigma_low: 0.01, sigma_high: 1.5, tau0: 0.8,
  noise_dim: 4, noise_decades: 1, noise_sigma: 0.1, noise_betas: [0], noise_pairs: 10, noise_burn_in_pairs: 0, noise_correlation: 0, noise_lr: 0.1, bench_ms: 20,
});
const setup = trainingSetup(P, loadDigitsSplit(ROOT, P.test_fraction, P.split_seed));

test('a training run is reproducible from its seed, evaluates every eval_every steps and learns', (t) => {
  const a = train(setup, 'mlbfgs', 0.1, 1, 10);
  const b = train(setup, 'mlbfgs', 0.1, 1, 10);
  t.deepEqual(a.loss, b.loss);
  t.deepEqual(a.evalSteps, [0, 10, 20, 30, 40]);
  t.true(a.finalLoss < a.loss[0], `${a.finalLoss} vs ${a.loss[0]}`);
  t.false(a.diverged);
  t.true(a.testAccuracy > 0.1);
});

test('a blown-up run stops, counts as diverged with final loss +∞, and loses the tuning', (t) => {
  const r = train(setup, 'adam', 10, 1, 10);
  t.true(r.diverged);
  t.is(r.finalLoss, Number.POSITIVE_INFINITY);
  t.true(r.evalSteps.length < 5);
  const tuned = tune(setup, 'adam', P.lr_adam, [2_000_000_000, 2_000_000_001]);
  t.is(tuned.lr, 0.01);
  t.is(tuned.finalLoss[0][1], Number.POSITIVE_INFINITY);
  t.is(tuned.worst[1], Number.POSITIVE_INFINITY);
});

test('tuning takes the worst case over the tuning seeds', (t) => {
  const tuned = tune(setup, 'sgd', [0.1, 0.3], [2_000_000_000, 2_000_000_001]);
  for (const [i] of [0.1, 0.3].entries()) t.is(tuned.worst[i], Math.max(tuned.finalLoss[0][i], tuned.finalLoss[1][i]));
  t.is(tuned.lr, tuned.worst[0] <= tuned.worst[1] ? 0.1 : 0.3);
});

test('steps to target: first evaluation at or below it; ∞ when never reached; NaN (never 0) when the reference diverged', (t) => {
  const r = train(setup, 'sgd', 0.1, 1, 10);
  t.is(stepsToTarget(r, r.finalLoss), r.evalSteps[r.loss.findIndex((l) => l <= r.finalLoss)]);
  t.is(stepsToTarget(r, -1), Number.POSITIVE_INFINITY);
  t.true(Number.isNaN(stepsToTarget(r, Number.POSITIVE_INFINITY)));
  const diverged = train(setup, 'adam', 10, 1, 10);
  t.true(Number.isNaN(stepsToTarget(r, diverged.finalLoss)));
});
