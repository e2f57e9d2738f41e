/**
 * Mechanism test: jitter-beats-standard says jittering (Gaussian noise added to the training
 * inputs) makes the linear denoiser more robust. Break that mechanism, keep everything else:
 * without the jitter noise (jitter_scale 0) the claim must no longer pass; with it, at the same
 * tiny size, it must pass. Runs in-process on the denoising setting only (n = 24, d = 8).
 */
import test from 'ava';
import { Recorder } from '#harness';
import reproduction from '../index.js';
import { params, type Params } from '../params.js';

const TINY: Params = params.parse({
  seeds: 3, experiments: ['denoising'], noise_std: 0.2, jitter_scale: 1,
  n: 24, d: 8, zetas: [0.1, 0.3], adversarial_zetas: [0.3], steps: 600, adversarial_steps: 30, batch: 64,
  lr: 0.01, lr_final: 0.0001, pgd_iters: 2, pgd_step: 2.5, test_samples: 300, target_noise: [0, 0.1],
  target_noise_zeta: 0.1, dc_n: 30, dc_d: 24, dc_operator: 'linear-decay', dc_zeta: 0.1, dc_steps: 400,
  dc_batch: 32, dc_lr: 0.01, dc_grid: 11, dc_grid_max: 1.0, dc_test_samples: 300, nl_seeds: 3,
  nl_noise_std: 0.25, nl_patch: 8, nl_channels: 4, nl_steps: 150, nl_batch: 32, nl_lr: 0.02,
  nl_jitter_zeta: 0.1, nl_attack_zeta: 0.1, nl_test_patches: 256,
});

async function verdictOf(overrides: Partial<Params>): Promise<{ verdict: string; statistic: number | null }> {
  const record = new Recorder();
  const p = { ...TINY, ...overrides };
  const seeds = [0, 1, 2];
  await reproduction.run({ params: p, seeds, record, profile: 'smoke', root: process.cwd(), progress: () => {}, log: () => {} });
  const claim = reproduction.claims.find((c) => c.id === 'jitter-beats-standard')!;
  const { verdict, statistic } = claim.check.decide(record);
  return { verdict, statistic };
}

test('jitter-beats-standard passes with the jitter noise and no longer passes without it', async (t) => {
  const intact = await verdictOf({ jitter_scale: 1 });
  t.is(intact.verdict, 'pass', `with jittering: ${JSON.stringify(intact)}`);
  const broken = await verdictOf({ jitter_scale: 0 });
  t.not(broken.verdict, 'pass', `without the jitter noise: ${JSON.stringify(broken)}`);
  t.true(broken.statistic !== null && Math.abs(broken.statistic - 1) < 0.01, `without jitter both arms are standard training: ratio ${broken.statistic}`);
});
