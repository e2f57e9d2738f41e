/** Params of one profile of nonlinear-ct (params.yaml: papers.nonlinear-ct.<profile>). */
import { z } from 'zod';

export const EXPERIMENTS = ['rate', 'threshold', 'sparse', 'metal'] as const;
export type Experiment = (typeof EXPERIMENTS)[number];
/**
 * The experiments of the default run (params.yaml should list exactly these, in this order):
 * controls that return to the default regime name this list so that the runner, which keys runs
 * by their effective params, reuses the default run instead of repeating it.
 */
export const DEFAULT_RUN: Experiment[] = ['rate', 'threshold', 'metal'];

/**
 * Early stops of the metal runs, each printed by tune.ts on tuningSeeds(10) (least mean tissue RMSE
 * per method) at the smoke size; not retuned for the paper profile.
 */
export const METAL_STOPS = {
  /**
   * Metal 3.0/px, I₀ = 1e4, with the smoke curve's horizon: the default run's (params.yaml's smoke
   * block must hold the same, a test checks it; the paper block's longer curve makes the control
   * that restores these a run of its own there).
   */
  starved: { ct_iterations: 2000, ct_stop_postlog: 15, ct_stop_nonlinear: 220 },
  /** Metal 1.0/px, I₀ = 1e4 (no-photon-starvation-no-gap); no curve (ct_iterations 0): only the stops. */
  lowMetal: { ct_iterations: 0, ct_stop_postlog: 20, ct_stop_nonlinear: 245 },
  /**
   * Metal 3.0/px, I₀ = 1e8 (fewer-metal-artifacts' control), no curve: post-log was still
   * improving at tune.ts's 8000-step horizon (and at 16000), so its stop is that horizon (a later
   * stop would only lower the ratio).
   */
  ample: { ct_iterations: 0, ct_stop_postlog: 8000, ct_stop_nonlinear: 225 },
} as const;

export const params = z
  .strictObject({
    seeds: z.int().min(1).max(1000),
    /** Which experiments this run does; claims' controls narrow it to the one they need. */
    experiments: z.array(z.enum(EXPERIMENTS)).min(1),
    /** ||x*|| of the planted signal (the rate degrades as it grows; the plan keeps it ≈ 1). */
    signal_norm: z.number().positive().max(10),
    /** '≥' is the method's subgradient at the ReLU's kink; '>' a sabotage (GD from 0 cannot move). */
    indicator: z.enum(['closed', 'strict']),
    /**
     * The threshold search's solver: 'nonlinear' (the paper's gradient descent through e^{−⟨a, x⟩₊});
     * 'post-log' the linear least squares on −log y (the near-minimal claim's near-miss control).
     */
    solver: z.enum(['nonlinear', 'post-log']),

    // Geometric rate: gradient descent at m = rate_m_ratio·n, float64.
    rate_n: z.int().min(2).max(2000),
    rate_m_ratio: z.number().min(0.1).max(50),
    rate_step: z.number().positive().max(10),
    rate_iterations: z.int().min(10).max(1_000_000),
    record_every: z.int().min(1),

    // Success threshold m*(n): success grid over n × m/n, float32 (tfjs), all seeds batched.
    threshold_ns: z.array(z.int().min(2).max(4000)).min(2),
    threshold_ratios: z.array(z.number().min(0.1).max(50)).min(2),
    threshold_iterations: z.int().min(10).max(1_000_000),
    /** Success: relative error below this within the iteration budget. */
    success_tolerance: z.number().positive().max(1),
    /** m* is the smallest grid m whose success rate over seeds is at least this. */
    success_rate: z.number().gt(0).max(1),
    check_every: z.int().min(1),

    // Under-determined: k-sparse x* in dimension sparse_n from sparse_m < sparse_n measurements.
    sparse_n: z.int().min(2).max(10_000),
    sparse_k: z.int().min(1),
    sparse_m: z.int().min(1),
    sparse_step: z.number().positive().max(10),
    sparse_iterations: z.int().min(10).max(1_000_000),
    sparse_tolerance: z.number().positive().max(1),
    /** l1: project onto the ℓ1 ball of radius ||x*||₁ after every step; none: plain GD. */
    constraint: z.enum(['l1', 'none']),

    // Metal artifacts: 2D parallel-beam CT of a phantom with a metal disc.
    ct_size: z.int().min(8).max(96),
    ct_angles: z.int().min(1).max(720),
    ct_detectors: z.int().min(1).max(512),
    photons: z.number().positive(),
    tissue_attenuation: z.number().positive(),
    metal_attenuation: z.number().positive(),
    metal_radius: z.number().positive(),
    /** Pixels within this distance of metal are left out of the tissue RMSE. */
    metal_margin: z.number().min(0),
    /** Seeds of the metal experiment: base, base + 1, ... (more than `seeds`: the ratio varies by seed). */
    ct_seeds: z.int().min(1).max(1000),
    /**
     * Horizon of the ratio-against-iteration curve (the default run's figure): both methods are
     * traced to here, and on to their own stop if it is later. 0: no curve, only the stops.
     */
    ct_iterations: z.int().min(0).max(1_000_000),
    /**
     * Early stopping per method: the iteration at which each reconstruction is read for the claims,
     * chosen by tune.ts on tuning seeds (the one with the least mean tissue RMSE); no regularizer
     * other than the stop, for either method.
     */
    ct_stop_postlog: z.int().min(1).max(1_000_000),
    ct_stop_nonlinear: z.int().min(1).max(1_000_000),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    if (new Set(p.experiments).size !== p.experiments.length) issue('experiments', `lists an experiment twice: ${p.experiments.join(', ')}`);
    const increasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
    if (!increasing(p.threshold_ns)) issue('threshold_ns', `must be strictly increasing, got [${p.threshold_ns.join(', ')}]`);
    if (!increasing(p.threshold_ratios)) issue('threshold_ratios', `must be strictly increasing, got [${p.threshold_ratios.join(', ')}]`);
    if (p.record_every > p.rate_iterations) issue('record_every', `must be ≤ rate_iterations (${p.rate_iterations}), got ${p.record_every}`);
    if (p.check_every > p.threshold_iterations) issue('check_every', `must be ≤ threshold_iterations (${p.threshold_iterations}), got ${p.check_every}`);
    if (p.sparse_k > p.sparse_n) issue('sparse_k', `must be ≤ sparse_n (${p.sparse_n}), got ${p.sparse_k}`);
    if (p.sparse_m >= p.sparse_n) issue('sparse_m', `must be < sparse_n (${p.sparse_n}) for the under-determined claim, got ${p.sparse_m}`);
    if (p.metal_radius > p.ct_size / 8) issue('metal_radius', `must be ≤ ct_size/8 = ${p.ct_size / 8} pixels, got ${p.metal_radius}`);
  });

export type Params = z.infer<typeof params>;
