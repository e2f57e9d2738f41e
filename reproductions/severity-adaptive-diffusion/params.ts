/** Params of one profile of severity-adaptive-diffusion (params.yaml: papers.severity-adaptive-diffusion.<profile>). */
import { z } from 'zod';
import { CALIBRATION_BINS } from './severity-metrics.js';

const rate = z.number().positive().max(1);

export const params = z
  .strictObject({
    seeds: z.int().min(1).max(20),
    /** Held-out test images per seed (the rest of the 1797 digits train the models). */
    test_images: z.int().min(8).max(1000),

    // The models (training/): a change to any of these retrains what depends on it.
    latent_dim: z.int().min(2).max(64),
    ae_hidden: z.int().min(8).max(2048),
    ae_steps: z.int().min(1).max(200_000),
    ae_lr: rate,
    batch: z.int().min(2).max(4096),
    sev_steps: z.int().min(1).max(200_000),
    sev_lr: rate,
    /** λ_σ of the severity loss (0: the variance head is never trained, the plan's control). */
    lambda_sigma: z.number().min(0).max(100),
    /** λ_img of the severity loss. */
    lambda_img: z.number().min(0).max(100),
    /** Blur std(t) = blur_std_min + blur_std_span·t pixels for severity t ∈ [0, 1]. */
    blur_std_min: z.number().positive().max(3),
    blur_std_span: z.number().min(0).max(3),
    /** Std of the white noise added after the blur (images in [−1, 1]). */
    noise_std: z.number().min(0).max(1),
    ddpm_hidden: z.int().min(8).max(4096),
    /** Width of the sinusoidal time embedding (even). */
    ddpm_embed: z.int().min(2).max(512),
    ddpm_steps: z.int().min(1).max(500_000),
    ddpm_lr: rate,
    /** T, the number of diffusion steps of the DDPM. */
    diffusion_steps: z.int().min(10).max(10_000),
    beta_start: z.number().positive().max(0.5),
    beta_end: z.number().positive().max(0.999),

    // The solver (solver.ts): changes here never retrain.
    /** N, the DDIM grid of the full-length baseline (must divide diffusion_steps). */
    ddim_steps: z.int().min(2).max(10_000),
    /** ζ of the DPS step ζ∇||y − B D(ẑ₀)||. */
    dps_step: z.number().min(0).max(100),
    /** c: start noise variance c·σ̂² (the paper's 1.2). */
    noise_correction: z.number().positive().max(10),
    /** adaptive: start at t̂(σ̂²); full: every image runs all N steps from pure noise (the baseline; a control). */
    start: z.enum(['adaptive', 'full']),
    /** estimate: start from the severity encoder's ẑ; noise: from pure noise at the same t̂ (a sabotage, a control). */
    start_from: z.enum(['estimate', 'noise']),
    /** predicted: each image uses its σ̂²; reversed: the σ̂² are handed out in reversed rank order (a control; same step counts). */
    severity_order: z.enum(['predicted', 'reversed']),
    /**
     * Share of the true severity the severity encoder sees: it reads the image degraded at level
     * s·t + (1 − s)·u, u ~ U[0, 1] per image (the solver keeps the true y). 1: the method; below 1:
     * a weakened severity signal (a near-miss control). Never retrains.
     */
    severity_signal: z.number().min(0).max(1),
    /** trained: the encoder's σ̂²; blank: σ̂² replaced by one constant (its geometric mean), the mechanism test's break. */
    severity_encoder: z.enum(['trained', 'blank']),
    /** Fixed start indices (DDIM steps) for the quality-vs-steps figure. */
    curve_starts: z.array(z.int().min(1)).min(1).max(30),
    /** Test images shown in the reconstruction grid. */
    grid_images: z.int().min(1).max(16),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    if (p.diffusion_steps % p.ddim_steps !== 0) issue('ddim_steps', `must divide diffusion_steps (${p.diffusion_steps}), got ${p.ddim_steps}`);
    if (p.ddim_steps > p.diffusion_steps) issue('ddim_steps', `must be ≤ diffusion_steps (${p.diffusion_steps}), got ${p.ddim_steps}`);
    if (p.beta_end <= p.beta_start) issue('beta_end', `must exceed beta_start (${p.beta_start}), got ${p.beta_end}`);
    if (p.ddpm_embed % 2 !== 0) issue('ddpm_embed', `must be even (sin and cos pairs), got ${p.ddpm_embed}`);
    if (p.test_images > 1797 - 100) issue('test_images', `must leave at least 100 of the 1797 digits for training, got ${p.test_images}`);
    if (p.test_images < 5 * CALIBRATION_BINS) issue('test_images', `needs at least 5 test images per calibration bin (${CALIBRATION_BINS} bins), got ${p.test_images}`);
    if (p.grid_images > p.test_images) issue('grid_images', `must be ≤ test_images (${p.test_images}), got ${p.grid_images}`);
    const over = p.curve_starts.filter((k) => k > p.ddim_steps);
    if (over.length) issue('curve_starts', `entries must be ≤ ddim_steps (${p.ddim_steps}); got ${over.join(', ')}`);
  });

export type Params = z.infer<typeof params>;
