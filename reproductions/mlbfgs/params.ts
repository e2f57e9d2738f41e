/** Params of one profile of mlbfgs (params.yaml: papers.mlbfgs.<profile>). */
import { z } from 'zod';

/** The separately runnable parts of the experiment; a control run names only the parts it needs. */
export const PARTS = ['noise', 'training', 'bench'] as const;
export type Part = (typeof PARTS)[number];
const METHOD_NAMES = ['sgd', 'adam', 'lbfgs', 'mlbfgs', 'mlbfgs-block'] as const;

const lrGrid = z.array(z.number().positive().max(10)).min(1).max(12);

export const params = z
  .strictObject({
    /** Verdict seeds: every one evaluates (the learning rates are tuned on `tuning_seeds` tuning seeds, never on these). */
    seeds: z.int().min(2).max(100),
    /** How many tuning seeds (tuningSeeds(n), from 2e9) pick each method's learning rate: the lowest worst-case final loss over them. */
    tuning_seeds: z.int().min(1).max(20),
    parts: z.array(z.enum(PARTS)).min(1),
    methods: z.array(z.enum(METHOD_NAMES)).min(1),

    // The MLP on the 8x8 digits.
    hidden: z.int().min(1).max(1024),
    batch: z.int().min(1).max(1024),
    steps: z.int().min(10).max(100_000),
    /** Full training-set loss every this many steps (the resolution of steps-to-target). */
    eval_every: z.int().min(1),
    test_fraction: z.number().gt(0).lt(1),
    split_seed: z.int().min(0),

    // Learning-rate grids, tuned on the tuning seeds.
    lr_sgd: lrGrid,
    lr_adam: lrGrid,
    lr_lbfgs: lrGrid,
    lr_mlbfgs: lrGrid,
    sgd_momentum: z.number().min(0).lt(1),

    // mL-BFGS.
    /** m: curvature pairs kept (0: no curvature, the step is the raw gradient). */
    history: z.int().min(0).max(200),
    /** m of the block-wise variant (per block). */
    block_history: z.int().min(0).max(200),
    /** T: steps between curvature pairs. */
    period: z.int().min(1).max(1000),
    beta: z.number().min(0).lt(1),
    damping: z.boolean(),
    /** μ: heavy-ball momentum on the quasi-Newton direction H·g of every quasi-Newton method (0: θ ← θ − η·H·g). */
    step_momentum: z.number().min(0).lt(1),
    sigma_low: z.number().gt(0).lt(1),
    sigma_high: z.number().gt(1),
    tau0: z.number().gt(0).max(1),

    // The curvature-noise study on a quadratic.
    noise_dim: z.int().min(1).max(100_000),
    /** A = diag(logspace(0, −noise_decades)). */
    noise_decades: z.number().min(0).max(12),
    noise_sigma: z.number().positive(),
    noise_betas: z.array(z.number().min(0).lt(1)).min(1),
    noise_pairs: z.int().min(10),
    noise_burn_in_pairs: z.int().min(0),
    /** AR(1) correlation of the gradient noise across steps (0: i.i.d., the closed form's case). */
    noise_correlation: z.number().min(0).lt(1),
    /** Step size of the SGD path on the quadratic (A's top eigenvalue is 1). */
    noise_lr: z.number().gt(0).lt(2),

    /** CPU time per method and round of the per-step benchmark, milliseconds (at least 20 steps each). */
    bench_ms: z.int().min(20).max(60_000),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    const dup = <T>(xs: readonly T[]) => new Set(xs).size !== xs.length;
    if (dup(p.parts)) issue('parts', `lists a part twice: ${p.parts.join(', ')}`);
    if (dup(p.methods)) issue('methods', `lists a method twice: ${p.methods.join(', ')}`);
    if (p.eval_every > p.steps) issue('eval_every', `must be ≤ steps (${p.steps}), got ${p.eval_every}`);
    if (p.parts.includes('bench') && !(p.methods.includes('sgd') && p.methods.includes('mlbfgs'))) issue('methods', 'must include sgd and mlbfgs when benchmarking: the overhead is mL-BFGS\'s step over SGD\'s');
    if (p.parts.includes('bench') && !p.parts.includes('training')) issue('parts', 'bench needs training: the wall-clock time to target is steps to target × measured time per step');
    if (p.sigma_low >= p.sigma_high) issue('sigma_low', `must be < sigma_high (${p.sigma_high}), got ${p.sigma_low}`);
    for (const key of ['lr_sgd', 'lr_adam', 'lr_lbfgs', 'lr_mlbfgs'] as const) if (dup(p[key])) issue(key, `lists a learning rate twice: ${p[key].join(', ')}`);
    if (dup(p.noise_betas)) issue('noise_betas', `lists a β twice: ${p.noise_betas.join(', ')}`);
  });

export type Params = z.infer<typeof params>;
