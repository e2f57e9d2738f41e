/** Params of one profile of serpent-ssm-restoration (params.yaml: papers.serpent-ssm-restoration.<profile>). */
import { z } from 'zod';

export const EXPERIMENTS = ['flops', 'time', 'memory', 'rf', 'params', 'deblur', 'offset'] as const;
export type Experiment = (typeof EXPERIMENTS)[number];

/** Image sides must survive patchify (2x2) then one 2x2 downsampling. */
const side = z.int().min(4).max(1024).refine((s) => s % 4 === 0, { message: 'must be a multiple of 4 (2x2 patches, then one 2x2 downsampling)' });
const sides = z.array(side).min(1);
const powerOfTwo = (n: number) => Number.isInteger(Math.log2(n));

export const params = z
  .strictObject({
    seeds: z.int().min(1).max(50),
    /**
     * Which measurements this run makes. The default run (params.yaml) lists all but `offset`, whose
     * claim and control run on their own (in parallel with the default run when the runner has 2
     * workers); controls narrow the list to the one measurement they need.
     */
    experiments: z.array(z.enum(EXPERIMENTS)).min(1),

    // SerpentLite (a proxy of Serpent) and the attention baseline share one 2-level U-Net skeleton.
    /** Channels at the first level (the second has twice as many). */
    width: z.int().min(2).max(128),
    /** N: state size of the diagonal SSM per channel and scan direction. */
    state: z.int().min(1).max(64),
    /** T: chunk length of the linear-time scan (a power of 2; shortened to divide the sequence). */
    chunk: z.int().min(1).max(1024).refine(powerOfTwo, { message: 'must be a power of 2' }),
    /** chunked: the linear-time blocked scan; full: one causal convolution with the full-length Toeplitz kernel (quadratic). */
    ssm_algorithm: z.enum(['chunked', 'full']),
    /** The token mixer of the method's model: the SSM (SerpentLite), or attention (the baseline put in its place, a control). */
    mixer: z.enum(['ssm', 'attention']),
    /** Slowest and fastest initial decay rates of the SSM modes (log-spaced): 1/rate is the memory length in pixels. */
    rate_min: z.number().positive().max(10),
    rate_max: z.number().positive().max(100),
    /** The parameter-matched CNN: 3x3 convolutions at full resolution; its width is chosen to match SerpentLite's parameter count. */
    cnn_depth: z.int().min(2).max(30),

    // Cost measurements.
    /** Sides at which the analytic FLOP counter is evaluated (both models). */
    flops_sides: sides.min(3),
    /** The side of the FLOP-reduction ratio (the paper's largest gains are at 512x512). */
    flops_ratio_side: side,
    /** Sides of the forward-time benchmark: SerpentLite, and the attention model (quadratic, so smaller). */
    time_sides: sides.min(2),
    time_sides_attention: sides.min(2),
    /** Images per timed forward pass, for SerpentLite and for the attention model (fixed across a model's sides). */
    bench_batch: z.int().min(1).max(256),
    bench_batch_attention: z.int().min(1).max(256),
    /** Timed rounds: each round times every (seed, model, side) once (process CPU time), interleaved; the minimum over rounds is kept. */
    bench_rounds: z.int().min(1).max(1000),
    /** The side of the peak-memory comparison, and the sides of its figure. */
    memory_side: side,
    memory_sides: sides,
    /** Receptive field: side of the probed image, and which model is probed. */
    rf_side: side,
    rf_model: z.enum(['serpent', 'cnn']),

    // Restoration training (deblurring; a global unknown offset).
    /** Side of the training and test crops. */
    crop: side,
    batch: z.int().min(1).max(512),
    /** Adam steps per task (0: untrained, i.e. the identity: a control). Deblurring: the cap; training stops earlier on convergence. */
    deblur_steps: z.int().min(0).max(100_000),
    /**
     * Deblurring's stopping rule: stop when the mean training loss of the last `converge_window` steps
     * improved by less than `converge_tol` (relative) on the mean of the window before.
     */
    converge_window: z.int().min(1).max(10_000),
    converge_tol: z.number().min(0).max(1),
    offset_steps: z.int().min(0).max(100_000),
    learning_rate: z.number().positive().max(1),
    test_images: z.int().min(1).max(10_000),
    blur_sigma: z.number().positive().max(8),
    blur_noise: z.number().min(0).max(1),
    /** Offset task: b ~ U(−offset_max, offset_max) added to a mean-0.5 image, plus noise. 0 removes the offset (a control). */
    offset_max: z.number().min(0).max(1),
    offset_noise: z.number().min(0).max(1),
    /** Also train and test on crops of the real sample images (datasets/out, `dvc repro datasets`). */
    real_images: z.boolean(),
    /** Share of each training batch taken from real crops when real_images is on. */
    real_share: z.number().min(0).max(1),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    if (new Set(p.experiments).size !== p.experiments.length) issue('experiments', `lists an experiment twice: ${p.experiments.join(', ')}`);
    const increasing = (xs: readonly number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]);
    for (const key of ['flops_sides', 'time_sides', 'time_sides_attention', 'memory_sides'] as const) {
      if (!increasing(p[key])) issue(key, `must be strictly increasing, got [${p[key].join(', ')}]`);
    }
    if (p.rate_min >= p.rate_max) issue('rate_min', `must be < rate_max (${p.rate_max}), got ${p.rate_min}`);
    if (p.rf_side > 128) issue('rf_side', `must be ≤ 128 (one gradient per input pixel is stored as a chart), got ${p.rf_side}`);
    if (p.crop > 128) issue('crop', `must be ≤ 128 (the real sample images are 128x128), got ${p.crop}`);
    if (p.blur_sigma * 3 > p.crop) issue('blur_sigma', `3σ = ${3 * p.blur_sigma} must be ≤ crop (${p.crop})`);
    const executed = p.experiments.filter((e) => e !== 'flops' && e !== 'params');
    if (p.ssm_algorithm === 'full' && executed.length > 0) {
      issue('ssm_algorithm', `'full' (one L×L Toeplitz product, quadratic in memory) is only for the analytic experiments flops and params, not ${executed.join(', ')}`);
    }
  });

export type Params = z.infer<typeof params>;
