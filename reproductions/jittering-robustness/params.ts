/** Params of one profile of jittering-robustness (params.yaml: papers.jittering-robustness.<profile>). */
import { z } from 'zod';

/** The ζ values the claims read (the plan's ζ ∈ {0.1, 0.3}); the ζ lists must contain them. */
export const CLAIM_ZETAS = [0.1, 0.3] as const;
/** The ζ of the standard-vs-jittering and adversarial-vs-jittering comparisons. */
export const COMPARISON_ZETA = 0.3;

const zeta = z.number().min(0).max(0.9);
const unique = <T>(xs: readonly T[]) => new Set(xs).size === xs.length;

export const params = z
  .strictObject({
    seeds: z.int().min(2).max(100),
    /** Which of the paper's settings this run measures (claims' controls pick subsets to stay cheap). */
    experiments: z.array(z.enum(['denoising', 'deconvolution', 'nonlinear'])).min(1),
    /** Per-coordinate noise std σ of the subspace models (ν = σ² per unit signal variance). */
    noise_std: z.number().positive().max(2),
    /** Multiplies the closed-form jitter std σ_w (1: the theory's jitter; 0: jittering switched off, i.e. standard training). */
    jitter_scale: z.number().min(0).max(10),

    // Linear denoising on a random d-dimensional subspace of R^n, full n x n W.
    n: z.int().min(4).max(1024),
    d: z.int().min(1).max(1024),
    /** ζ values the jittered models are trained for (must contain 0.1 and 0.3). */
    zetas: z.array(zeta).min(2),
    /** ζ values of adversarial training (must contain 0.3). */
    adversarial_zetas: z.array(zeta).min(1),
    steps: z.int().min(10).max(100_000),
    adversarial_steps: z.int().min(10).max(100_000),
    batch: z.int().min(2).max(4096),
    lr: z.number().positive().max(1),
    lr_final: z.number().positive().max(1),
    pgd_iters: z.int().min(1).max(100),
    /** PGD step = pgd_step · ε / pgd_iters (the original code's 2.5). */
    pgd_step: z.number().positive().max(10),
    test_samples: z.int().min(50).max(100_000),
    /** Std τ of the slight noise on the training ground truth (report-only measurement). */
    target_noise: z.array(z.number().min(0).max(1)).min(2),
    /** ζ at which the slightly-noisy-targets measurement is attacked. */
    target_noise_zeta: zeta,

    // Deconvolution with a diagonal operator and diagonal estimators.
    dc_n: z.int().min(4).max(4096),
    dc_d: z.int().min(1).max(4096),
    /** linear-decay: A = diag(1/n, ..., n/n) as in the original; identity: plain denoising. */
    dc_operator: z.enum(['linear-decay', 'identity']),
    dc_zeta: zeta,
    dc_steps: z.int().min(10).max(100_000),
    dc_batch: z.int().min(2).max(4096),
    dc_lr: z.number().positive().max(1),
    /** Jitter variances searched: dc_grid points evenly on [0, dc_grid_max]. */
    dc_grid: z.int().min(3).max(1000),
    dc_grid_max: z.number().positive().max(100),
    dc_test_samples: z.int().min(50).max(100_000),

    // Nonlinear denoiser on real image patches.
    nl_seeds: z.int().min(2).max(100),
    nl_noise_std: z.number().positive().max(2),
    nl_patch: z.int().min(4).max(32),
    nl_channels: z.int().min(1).max(128),
    nl_steps: z.int().min(1).max(100_000),
    nl_batch: z.int().min(1).max(4096),
    nl_lr: z.number().positive().max(1),
    /** ζ the jitter level is set for (linear-theory formula with the patches' signal energy). */
    nl_jitter_zeta: zeta,
    /** ζ of the PGD attack in the evaluation (0: no attack). */
    nl_attack_zeta: zeta,
    nl_test_patches: z.int().min(8).max(100_000),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    if (!unique(p.experiments)) issue('experiments', `lists an experiment twice: ${p.experiments.join(', ')}`);
    if (p.d >= p.n) issue('d', `must be < n (${p.n}), got ${p.d}: the signal subspace must leave noise-only directions`);
    if (p.dc_d > p.dc_n) issue('dc_d', `must be ≤ dc_n (${p.dc_n}), got ${p.dc_d}`);
    for (const z0 of CLAIM_ZETAS) if (!p.zetas.includes(z0)) issue('zetas', `must contain ${z0} (the claims read ζ = ${CLAIM_ZETAS.join(' and ')}), got [${p.zetas.join(', ')}]`);
    if (!p.adversarial_zetas.includes(COMPARISON_ZETA)) issue('adversarial_zetas', `must contain ${COMPARISON_ZETA} (the adversarial-vs-jittering claim reads it), got [${p.adversarial_zetas.join(', ')}]`);
    if (!unique(p.zetas) || !unique(p.adversarial_zetas)) issue('zetas', 'ζ lists must not repeat a value');
    if (p.lr_final > p.lr) issue('lr_final', `must be ≤ lr (${p.lr}), got ${p.lr_final}`);
    if (p.nl_seeds > p.seeds) issue('nl_seeds', `must be ≤ seeds (${p.seeds}), got ${p.nl_seeds}`);
    if (!p.target_noise.includes(0)) issue('target_noise', 'must contain 0 (clean ground truth, the baseline of the curve)');
  });

export type Params = z.infer<typeof params>;
