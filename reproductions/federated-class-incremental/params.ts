/** Params of one profile of federated-class-incremental (params.yaml: papers.federated-class-incremental.<profile>). */
import { z } from 'zod';

/** The four methods of the plan; a run trains only those listed (controls skip what they do not read). */
export const METHODS = ['fedavg', 'mfcl', 'mfcl-untrained', 'oracle'] as const;
export type Method = (typeof METHODS)[number];

export const params = z
  .strictObject({
    /** Independent replicate federations, batched in one tensor (data, map, split, init and noise differ per seed). */
    seeds: z.int().min(2).max(64),
    methods: z.array(z.enum(METHODS)).min(1),

    // The synthetic proxy: Gaussian class clusters pushed through a fixed seeded random 2-layer map.
    classes: z.int().min(2).max(100),
    tasks: z.int().min(2).max(50),
    input_dim: z.int().min(2).max(512),
    /** Width of the hidden layer of the fixed random map that bends the clusters. */
    map_hidden: z.int().min(2).max(1024),
    /** Standard deviation of the class means (the within-class noise has standard deviation 1). */
    cluster_spread: z.number().positive().max(100),
    train_per_class: z.int().min(10).max(100_000),
    test_per_class: z.int().min(10).max(100_000),

    // The classifier: input → hidden → BatchNorm → ReLU → classes.
    hidden: z.int().min(2).max(4096),

    // The federation.
    clients: z.int().min(1).max(1000),
    clients_per_round: z.int().min(1),
    rounds_per_task: z.int().min(1).max(1000),
    /** Dirichlet concentration of each class's split over clients (1 in the paper). */
    dirichlet_alpha: z.number().positive().max(1000),
    /** Every client gets at least this many samples of each task (the split is redrawn until it does). */
    min_client_samples: z.int().min(1),
    /** SGD steps per client per round, each on `batch_size` rows drawn from the client's own data. */
    local_steps: z.int().min(1).max(1000),
    batch_size: z.int().min(1).max(4096),
    lr: z.number().positive().max(10),

    // MFCL's client objective: CE on new-class logits + ft_weight·CE of the head over real + synthetic
    // rows (frozen features) + kd_weight·MSE of old-class logits against the previous global model.
    synthetic_batch: z.int().min(0).max(4096),
    ft_weight: z.number().min(0).max(100),
    kd_weight: z.number().min(0).max(100),

    // The server's data-free generator, trained by model inversion after each task.
    noise_dim: z.int().min(1).max(1024),
    generator_hidden: z.int().min(2).max(4096),
    /** Adam steps of the inversion; 0 leaves the generator at its random initialization. */
    inversion_steps: z.int().min(0).max(100_000),
    inversion_batch: z.int().min(2).max(4096),
    inversion_lr: z.number().positive().max(1),
    /** Temperature of the pseudo-label cross-entropy (the original divides the logits by 1e3). */
    ce_temperature: z.number().positive().max(1e4),
    /** Weight of the batch-mean entropy term 1 − H(mean softmax)/log K (balanced classes). */
    entropy_weight: z.number().min(0).max(1000),
    /** Weight of the BatchNorm-statistics matching term (50 in the paper). */
    bn_weight: z.number().min(0).max(10_000),
    /** Generated samples whose argmax labels make the class histogram and its entropy. */
    histogram_samples: z.int().min(10).max(100_000),

    // Controls.
    /**
     * all: oracle clients keep every old sample; none: they keep nothing (the oracle becomes FedAvg);
     * a number: they keep that many rows of each old class they held (a sliver: the near-miss control).
     */
    oracle_old_data: z.union([z.enum(['all', 'none']), z.int().min(0).max(100_000)]),
    /** Samples per old class each MFCL client keeps (0 in the paper; > 0 is the replay-buffer control). */
    replay_buffer: z.int().min(0).max(100_000),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message, input: p });
    if (p.classes % p.tasks !== 0) issue('tasks', `must divide classes (${p.classes}) so that every task has as many classes, got ${p.tasks}`);
    if (p.clients_per_round > p.clients) issue('clients_per_round', `must be ≤ clients (${p.clients}), got ${p.clients_per_round}`);
    if (new Set(p.methods).size !== p.methods.length) issue('methods', `lists a method twice: ${p.methods.join(', ')}`);
    const perTask = (p.classes / p.tasks) * p.train_per_class;
    if (p.min_client_samples * p.clients > perTask / 2) {
      issue('min_client_samples', `${p.min_client_samples} per client × ${p.clients} clients must be at most half of a task's ${perTask} training samples, or the split can hardly be drawn`);
    }
  });

export type Params = z.infer<typeof params>;
