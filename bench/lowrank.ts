/**
 * lowrank-gradient-flow's simulate() on the smoke sizes, timed in-process with tinybench, and the
 * exact same instance as JSON for the PyTorch reference (bench/references/lowrank_reference.py).
 */
import path from 'node:path';
import { rawSection, readParamsFile, validateSection } from '../harness/src/params/load.js';
import { makeInstance, simulate, type ProblemSpec } from '../reproductions/lowrank-gradient-flow/dynamics.js';
import { params as lowrankParams, type Params } from '../reproductions/lowrank-gradient-flow/params.js';
import { ROOT } from './paths.js';
import type { LowrankInstance } from './references.js';
import { timeTask, type TimingOptions } from './timing.js';

const PAPER = 'lowrank-gradient-flow';
/** The instance's seed (the problem's basis and X0); one instance, timed many times. */
const SEED = 0;

/**
 * The paper's smoke block of params.yaml, validated by the paper's own schema, so that the bench
 * times what `repro run` runs on the smoke profile (n = 20, r = 6, s = 3, Λ₁ = diag(3, 2, 1)).
 */
export function lowrankSmokeParams(file = path.join(ROOT, 'params.yaml')): Params {
  const raw = rawSection(readParamsFile(file), PAPER, [], 'smoke');
  const p = validateSection(lowrankParams, raw, file, `papers.${PAPER}.smoke`);
  // The PyTorch reference (bench/references/lowrank_reference.py) implements the Euler step only.
  if (p.integrator !== 'euler') throw new Error(`${file}: papers.${PAPER}.smoke.integrator is ${p.integrator}; the bench compares Euler steps`);
  return p;
}

export interface LowrankTiming {
  samplesMs: number[];
  medianMs: number;
  /** simulate()'s recorded error series (step 0, every recordEvery steps, the last step). */
  errors: number[];
}

export function lowrankCase(p: Params = lowrankSmokeParams()) {
  const spec: ProblemSpec = { n: p.n, s: p.true_rank, r: p.fitted_rank, lambda1: p.lambda1, lambda2: p.lambda2 };
  const { problem, X0 } = makeInstance(spec, SEED, p.init_scale);
  const options = { eta: p.eta, steps: p.steps, recordEvery: p.record_every, integrator: 'euler' as const };
  const instance: LowrankInstance = {
    n: spec.n,
    r: spec.r,
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
