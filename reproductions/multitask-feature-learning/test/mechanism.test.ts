/**
 * Mechanism test: the paper's reason multi-task training "learns the ground-truth r directions" is
 * that the T task directions Mv_t span the r-dimensional subspace. With T = 1 the step on W sees
 * one direction only, so learns-ground-truth-directions (energy and rank condition) must not pass;
 * with T = 32 at the same small size it must pass. Runs in-process (d = 64, m = 64, 5 seeds).
 */
import test from 'ava';
import { Recorder } from '#harness';
import reproduction from '../index.js';
import { params, type Params } from '../params.js';

const TINY: Params = params.parse({
  seeds: 5, experiment: 'multitask', dims: [64], rank: 4, tasks: 32, neurons: 64, samples_per_dim: 8,
  head_lr: 1, lr: 1, labels: 'teacher', features: 'learned', downstream_train: 400, downstream_test: 400,
  l2: 0.001, sweep_dims: [8, 16], sweep_widths: [8, 32], sweep_train: 400,
});

async function verdictOf(overrides: Partial<Params>): Promise<{ verdict: string; reason: string }> {
  const record = new Recorder();
  const ctx = { seeds: [0, 1, 2, 3, 4], record, profile: 'smoke', root: process.cwd(), progress: () => {}, log: () => {} };
  await reproduction.run({ ...ctx, params: { ...TINY, ...overrides } });
  const { verdict, reason } = reproduction.claims.find((c) => c.id === 'learns-ground-truth-directions')!.check.decide(record);
  return { verdict, reason };
}

test('learns-ground-truth-directions passes with many tasks and no longer passes with one', async (t) => {
  const intact = await verdictOf({ tasks: 32 });
  t.is(intact.verdict, 'pass', intact.reason);
  const broken = await verdictOf({ tasks: 1 });
  t.log(`T = 1: ${broken.verdict} (${broken.reason})`);
  t.not(broken.verdict, 'pass', broken.reason);
  t.not(broken.verdict, 'error', broken.reason);
});
