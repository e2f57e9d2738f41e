/** How much of each measurement a run does: the full bench or --quick. */
import type { TimingOptions } from './timing.js';

export interface BenchPlan {
  /** The tfjs and Python sides of each comparison alternate this many times (load drifts on a shared machine). */
  rounds: number;
  matmulSize: number;
  matmul: TimingOptions;
  numpyRepeats: number;
  wasm: TimingOptions;
  /** null: skip the pure-JS cpu backend (about 4 s per 1024 matmul). */
  cpu: TimingOptions | null;
  /**
   * The webgpu backend in a child process (REPRO_BACKEND=webgpu: a software adapter counts, at
   * about 0.5 GFLOP/s on lavapipe, 4 s per 1024 matmul); null: skip it.
   */
  webgpu: TimingOptions | null;
  overheadBatch: number;
  overhead: TimingOptions;
  torchOps: number;
  torchOverheadRepeats: number;
  lowrank: TimingOptions;
  torchLowrankRepeats: number;
  pipeline: boolean;
}

export const FULL_PLAN: BenchPlan = {
  rounds: 3,
  matmulSize: 1024,
  matmul: { time: 1500, iterations: 10, warmupIterations: 3 },
  numpyRepeats: 20,
  wasm: { time: 2000, iterations: 5, warmupIterations: 1 },
  cpu: { time: 0, iterations: 2, warmupIterations: 1 },
  webgpu: { time: 0, iterations: 3, warmupIterations: 1 },
  overheadBatch: 1000,
  overhead: { time: 1000, iterations: 10, warmupIterations: 2 },
  torchOps: 20_000,
  torchOverheadRepeats: 7,
  lowrank: { time: 2000, iterations: 5, warmupIterations: 1 },
  torchLowrankRepeats: 3,
  pipeline: true,
};

/** --quick: fewer rounds and iterations, no pure-JS cpu backend, no pipeline timing. */
export const QUICK_PLAN: BenchPlan = {
  ...FULL_PLAN,
  rounds: 1,
  matmul: { time: 800, iterations: 8, warmupIterations: 2 },
  numpyRepeats: 10,
  wasm: { time: 0, iterations: 3, warmupIterations: 1 },
  cpu: null,
  webgpu: { time: 0, iterations: 2, warmupIterations: 1 },
  overhead: { time: 500, iterations: 5, warmupIterations: 1 },
  torchOverheadRepeats: 5,
  lowrank: { time: 0, iterations: 3, warmupIterations: 1 },
  torchLowrankRepeats: 2,
  pipeline: false,
};
