/** Params of one profile of overparam-mtl-continual (params.yaml: papers.overparam-mtl-continual.<profile>). */
import { z } from 'zod';

/** The separately runnable parts of the experiment; a control run names only the part it perturbs. */
export const PARTS = ['single', 'mtl', 'threshold', 'transfer', 'forgetting-far', 'forgetting-near', 'forgetting-dissimilar', 'deep'] as const;
export type Part = (typeof PARTS)[number];

const correlation = z.number().min(0).max(1);
const size = z.int().min(1).max(1_000_000);

export const params = z
  .strictObject({
    /** Monte-Carlo trials: each trial is one seed (fresh data, noise and features). */
    seeds: z.int().min(2).max(100_000),
    parts: z.array(z.enum(PARTS)).min(1),
    /** T: number of tasks. */
    tasks: z.int().min(2).max(50),
    /** n: training samples per task. */
    n: z.int().min(2).max(2000),
    /** σ: label noise standard deviation. */
    sigma: z.number().min(0).max(100),
    /** ρ = ⟨w_s, w_t⟩ of the similar and of the dissimilar task family (||w_t|| = 1). */
    rho_similar: correlation,
    rho_dissimilar: correlation,
    /** Variance of x along the tasks' span; 1 is the paper's isotropic model (other values: a control that breaks its assumption). */
    signal_variance: z.number().positive().max(1e6),
    /** How the Gram of the coordinates orthogonal to the tasks is drawn: column by column, or at once (Bartlett). Both are exact. */
    sampler: z.enum(['bartlett', 'direct']),
    /** The multi-task model: one minimum-norm fit to the pooled data (the paper's MTL), or one per task (a control). */
    mtl_solver: z.enum(['pooled', 'separate']),
    /** p at which single-task Monte-Carlo is compared with the closed form. */
    single_p: z.array(size).min(1),
    /** p at which multi-task Monte-Carlo is compared with the closed form, for both task families. */
    mtl_p: z.array(size).min(1),
    /** The dense grids around the thresholds: p ∈ [n − h, n + h] and [N − h, N + h], step 1. */
    threshold_halfwidth: z.int().min(5).max(500),
    /** p at which knowledge transfer K = G_single − G_MTL is measured. */
    transfer_p: size,
    /** Replay buffer sizes m (samples kept per earlier task), ascending from 0. */
    buffer_sizes: z.array(z.int().min(0)).min(2),
    forgetting_far_rho: correlation,
    forgetting_far_p: size,
    forgetting_near_rho: correlation,
    /** The near regime's p is the final model's sample count (T − 1)·max(m) + n plus this margin. */
    forgetting_near_margin: z.int().min(2).max(1_000_000),
    forgetting_dissimilar_rho: correlation,
    forgetting_dissimilar_p: size,
    /** Random ReLU features proxy: input dimension, test points per task and the p grid. */
    deep_input_dim: z.int().min(2).max(10_000),
    deep_test_per_task: z.int().min(1).max(100_000),
    deep_p_min: size,
    deep_p_max: size,
    deep_p_step: z.int().min(1).max(1000),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    const k = p.tasks + 1;
    const N = p.tasks * p.n;
    if (new Set(p.parts).size !== p.parts.length) issue('parts', `lists a part twice: ${p.parts.join(', ')}`);
    for (const v of p.single_p) {
      if (Math.abs(v - p.n) <= 2) issue('single_p', `${v} is within 2 of n (${p.n}): the expected error has no finite closed form there (the plan excludes |p − n| ≤ 2)`);
      if (v < k) issue('single_p', `${v} is below T + 1 (${k}): the task vectors live in T + 1 dimensions`);
    }
    for (const v of p.mtl_p) {
      if (v - N - 1 < 20) issue('mtl_p', `${v} is too close to N = T·n = ${N}: the plan needs p − N − 1 ≥ 20 for a stable Monte-Carlo mean`);
    }
    if (p.transfer_p < N + 2) issue('transfer_p', `must be ≥ N + 2 (${N + 2}) for the multi-task closed form, got ${p.transfer_p}`);
    if (p.n - p.threshold_halfwidth < k) issue('threshold_halfwidth', `n − h = ${p.n - p.threshold_halfwidth} is below T + 1 (${k}); use h ≤ ${p.n - k}`);
    const b = p.buffer_sizes;
    if (b[0] !== 0) issue('buffer_sizes', `must start at 0 (no replay, the baseline), got ${b[0]}`);
    for (let i = 1; i < b.length; i++) if (!(b[i] > b[i - 1])) issue('buffer_sizes', `must be strictly ascending, got ${b.join(', ')}`);
    const mMax = b[b.length - 1];
    if (mMax > p.n) issue('buffer_sizes', `a buffer keeps at most the n = ${p.n} samples of a task, got ${mMax}`);
    const NT = (p.tasks - 1) * mMax + p.n;
    if (p.forgetting_far_p < NT + 2) issue('forgetting_far_p', `must be ≥ (T − 1)·max(m) + n + 2 = ${NT + 2} for the closed form, got ${p.forgetting_far_p}`);
    if (p.forgetting_dissimilar_p < NT + 2) issue('forgetting_dissimilar_p', `must be ≥ (T − 1)·max(m) + n + 2 = ${NT + 2} for the closed form, got ${p.forgetting_dissimilar_p}`);
    if (p.deep_input_dim < k) issue('deep_input_dim', `must be ≥ T + 1 (${k}) to hold the task vectors, got ${p.deep_input_dim}`);
    if (p.deep_p_max <= p.deep_p_min) issue('deep_p_max', `must exceed deep_p_min (${p.deep_p_min}), got ${p.deep_p_max}`);
    if (!(p.deep_p_min < 0.9 * N && p.deep_p_max > 1.1 * N)) {
      issue('deep_p_min', `the grid [${p.deep_p_min}, ${p.deep_p_max}] must reach beyond the claim's window [0.9N, 1.1N] = [${0.9 * N}, ${1.1 * N}] on both sides, so the peak can land outside it`);
    }
  });

export type Params = z.infer<typeof params>;

/** Total multi-task sample count N = T·n. */
export function totalSamples(p: Pick<Params, 'tasks' | 'n'>): number {
  return p.tasks * p.n;
}

/** p of the near-threshold replay regime: the final model's sample count plus the margin. */
export function nearForgettingP(p: Pick<Params, 'tasks' | 'n' | 'buffer_sizes' | 'forgetting_near_margin'>): number {
  return (p.tasks - 1) * p.buffer_sizes[p.buffer_sizes.length - 1] + p.n + p.forgetting_near_margin;
}
