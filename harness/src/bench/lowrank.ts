/**
 * lowrank-gradient-flow's simulate() on the smoke sizes, timed in-process with tinybench, and the
 * exact same instance as JSON for the PyTorch reference (scripts/bench/lowrank_reference.py).
 */
import { makeInstance, simulate, SMOKE_SPEC } from '../../../reproductions/lowrank-gradient-flow/dynamics.js';
import type { LowrankInstance } from './references.js';
import { timeTask, type TimingOptions } from './timing.js';

/** The brief's setup (= params.yaml's smoke block): n = 20, r = 6, s = 3, Λ₁ = diag(3, 2, 1), Euler. */
export const LOWRANK_SETUP = { seed: 0, initScale: 0.1, eta: 0.01, steps: 20_000, recordEvery: 50 } as const;

export interface LowrankTiming {
  samplesMs: number[];
  medianMs: number;
  /** simulate()'s recorded error series (step 0, every recordEvery steps, the last step). */
  errors: number[];
}

export function lowrankCase() {
  const { problem, X0 } = makeInstance(SMOKE_SPEC, LOWRANK_SETUP.seed, LOWRANK_SETUP.initScale);
  const options = { eta: LOWRANK_SETUP.eta, steps: LOWRANK_SETUP.steps, recordEvery: LOWRANK_SETUP.recordEvery, integrator: 'euler' as const };
  const instance: LowrankInstance = {
    n: SMOKE_SPEC.n,
    r: SMOKE_SPEC.r,
    M: Array.from(problem.M.data),
    target: Array.from(problem.target.data),
    X0: Array.from(X0.data),
    eta: options.eta,
    steps: options.steps,
    record_every: options.recordEvery,
  };
  return { problem, X0, options, instance };
}

export async function timeLowrank(opts: TimingOptions): Promise<LowrankTiming> {
  const { problem, X0, options } = lowrankCase();
  let errors: number[] = [];
  const t = await timeTask('lowrank simulate', () => {
    errors = simulate(problem, X0, options).error;
  }, opts);
  return { ...t, errors };
}
