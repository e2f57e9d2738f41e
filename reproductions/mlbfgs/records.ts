/** Names of what the experiment records and the claims read, in one place. */
import type { Method } from './methods.js';

/** The baselines whose last-step loss serves as a target L*. */
export type Target = 'sgd' | 'adam' | 'mlbfgs';

export const names = {
  /** Full training loss against step, one curve per evaluation seed. */
  trainLoss: (m: Method) => `train-loss/${m}`,
  finalLoss: (m: Method) => `final-loss/${m}`,
  testAccuracy: (m: Method) => `test-accuracy/${m}`,
  tunedLr: (m: Method) => `tuned-lr/${m}`,
  /** Final training loss against learning rate on each tuning seed (NaN: diverged). */
  tuningLoss: (m: Method) => `tuning-final-loss/${m}`,
  /** Steps until the full training loss first reaches the target's last-step loss (∞: never). */
  stepsTo: (target: Target, m: Method) => `steps-to-${target}-target/${m}`,
  /** Steps to SGD's target × the benchmarked time per step, in seconds. */
  secondsTo: (target: Target, m: Method) => `seconds-to-${target}-target/${m}`,
  /** 1 when mL-BFGS ends below vanilla stochastic L-BFGS, else 0 (per seed). */
  mlbfgsBelowLbfgs: 'mlbfgs-final-loss-below-lbfgs',
  /** Median milliseconds per training step (batch, forward, backward, update). */
  stepMs: (m: Method) => `step-ms/${m}`,
  overheadMeasured: 'mlbfgs-step-overhead-measured',
  overheadModel: 'mlbfgs-step-overhead-model',
  /** Per-coordinate variance of y − A·s against β (one curve per seed), and its closed form. */
  curvatureNoise: 'curvature-noise-variance',
  curvatureNoiseTheory: 'curvature-noise-variance-theory',
} as const;
