/** Params of one profile of multitask-feature-learning (params.yaml: papers.multitask-feature-learning.<profile>). */
import { z } from 'zod';

const ascendingDistinct = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);

export const params = z
  .strictObject({
    seeds: z.int().min(1).max(1000),
    /** multitask: the two-step training and the downstream XOR over `dims`; width-sweep: the width m* that features need for the downstream task, over `sweep_dims`. */
    experiment: z.enum(['multitask', 'width-sweep']),
    /** The ambient dimensions d of the main experiment (ascending): the claims compare the largest with the smallest. */
    dims: z.array(z.int().min(2).max(4096)).min(1).max(12),
    /** r: the number of ground-truth directions the labels depend on. */
    rank: z.int().min(2).max(64),
    /** T: the number of upstream tasks (1 is the single-task control). */
    tasks: z.int().min(1).max(1024),
    /** m: hidden neurons of the two-layer ReLU net (= the width of the random-feature baseline). */
    neurons: z.int().min(2).max(8192),
    /** Upstream samples per task and per step are samples_per_dim · d (fresh for each of the two steps). */
    samples_per_dim: z.number().positive().max(1024),
    /** η₁: step size of the one gradient step on the heads (from b = 0). */
    head_lr: z.number().positive().max(1e3),
    /** η₂: step size of the one step on W; its weight decay 1/η₂ cancels W₀, so W₁ = −η₂∇_W L. */
    lr: z.number().positive().max(1e3),
    /** teacher: y_t = sign(⟨Mv_t, x⟩); random: labels independent of x (a sabotaged control). */
    labels: z.enum(['teacher', 'random']),
    /** Which features the downstream classifier is fitted on as "the method": the learned W₁, or the random W₀. */
    features: z.enum(['learned', 'random']),
    downstream_train: z.int().min(10).max(1_000_000),
    downstream_test: z.int().min(10).max(1_000_000),
    /** L2 penalty (per-sample loss scale) of the downstream logistic regression; keeps Newton's steps finite on separable data. */
    l2: z.number().positive().max(10),
    /** Width sweep: dimensions, widths (ascending) and downstream train size. */
    sweep_dims: z.array(z.int().min(2).max(4096)).min(1).max(12),
    sweep_widths: z.array(z.int().min(1).max(4096)).min(1).max(16),
    sweep_train: z.int().min(10).max(1_000_000),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    for (const key of ['dims', 'sweep_dims', 'sweep_widths'] as const) {
      if (!ascendingDistinct(p[key])) issue(key, `must be strictly ascending, got [${p[key].join(', ')}]`);
    }
    const tooSmall = p.dims.filter((d) => d < p.rank);
    if (tooSmall.length) issue('dims', `every d must be ≥ rank (${p.rank}): the r directions live in R^d; got ${tooSmall.join(', ')}`);
    const sweepTooSmall = p.sweep_dims.filter((d) => d < p.rank);
    if (sweepTooSmall.length) issue('sweep_dims', `every d must be ≥ rank (${p.rank}); got ${sweepTooSmall.join(', ')}`);
    const n = Math.round(p.samples_per_dim * p.dims[0]);
    if (n < 2) issue('samples_per_dim', `gives n = ${n} samples per task at d = ${p.dims[0]}; need at least 2`);
  });

export type Params = z.infer<typeof params>;
