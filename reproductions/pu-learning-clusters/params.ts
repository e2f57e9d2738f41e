/** Params of one profile of pu-learning-clusters (params.yaml: papers.pu-learning-clusters.<profile>). */
import { z } from 'zod';

export const EXPERIMENTS = ['digits', 'synthetic'] as const;

export const params = z
  .strictObject({
    /** Seeds of the digits (D1) experiment: split, labelled draw, initialisations, minibatches. */
    seeds: z.int().min(2).max(1000),
    /** Which experiments this run does: D1 (the digits, every method) and D2 (the synthetic Gaussian pair). */
    experiments: z.array(z.enum(EXPERIMENTS)).min(1),
    /** D1: fraction of the 1797 digits held out as the test set. */
    test_fraction: z.number().min(0.1).max(0.5),
    /** D1: how many of the training positives (even digits) are labelled. */
    labelled_positives: z.int().min(10).max(500),
    /**
     * D1: what every method (proxy, no-VQ ablation, nnPU, the distance detector and the 2-means cluster vote) is given as
     * P: the labelled positives, or (the control) as many rows drawn at random from all of U, which carry no positive signal.
     */
    labelled_source: z.enum(['positives', 'random']),
    /** Training of every network (proxy, no-VQ ablation, nnPU): Adam steps, minibatch rows per set, learning rate. */
    steps: z.int().min(1).max(100_000),
    batch: z.int().min(8).max(1024),
    lr: z.number().positive().max(1),
    hidden: z.int().min(4).max(2048),
    /** Embedding size of the proxy's encoder (nnPU's MLP has one output). */
    embed: z.int().min(2).max(256),
    /** β of the VQ commitment term. */
    commitment: z.number().min(0).max(10),
    /** The codewords are pushed at least this far apart. */
    margin: z.number().positive().max(100),
    /** τ of the soft assignment in the prior term. */
    temperature: z.number().positive().max(100),
    /** How unlabelled embeddings are quantised: `prior` (balanced by the known π) or `nearest` (plain VQ). */
    assignment: z.enum(['prior', 'nearest']),
    /** D2: Monte-Carlo trials (one seed each) per dimension, except d = 250. */
    synthetic_seeds: z.int().min(2).max(1000),
    /** D2: trials at d = 250 (d/n = 0.5, next to the BBP transition, where the spread is widest); ≤ 1000 so that seed bases 1000 apart never share a trial. */
    transition_seeds: z.int().min(2).max(1000),
    /** D2: ||μ||; x = yμ + g. */
    synthetic_mu_norm: z.number().positive().max(10),
    /** D2: labelled positives used only to orient the principal component's sign. */
    synthetic_labelled: z.int().min(1).max(1000),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    if (new Set(p.experiments).size !== p.experiments.length) issue('experiments', `lists an experiment twice (${p.experiments.join(', ')}); give each of ${EXPERIMENTS.join(', ')} at most once`);
    // About half the digits are even: the training part must hold enough positives to label.
    const trainingPositives = Math.floor(0.45 * 1797 * (1 - p.test_fraction));
    if (p.labelled_positives > trainingPositives) issue('labelled_positives', `must be ≤ ${trainingPositives} with test_fraction = ${p.test_fraction} (about 45% of the training digits are even), got ${p.labelled_positives}`);
  });

export type Params = z.infer<typeof params>;
