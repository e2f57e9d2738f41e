/**
 * A tiny profile: d ∈ {16, 32}, m = 32, T = 16, 400 downstream samples, 3 seeds. Same claims and thresholds.
 * Also the harness's webgpu test's workload (harness/test/backend/webgpu.test.ts).
 */
export const TINY = `profile: smoke
papers:
  multitask-feature-learning:
    smoke: &tiny
      { seeds: 3, experiment: multitask, dims: [16, 32], rank: 4, tasks: 16, neurons: 32, samples_per_dim: 8,
        head_lr: 1, lr: 1, labels: teacher, features: learned, downstream_train: 400, downstream_test: 400,
        l2: 0.001, sweep_dims: [8, 16], sweep_widths: [8, 32], sweep_train: 400 }
    paper: *tiny
`;
