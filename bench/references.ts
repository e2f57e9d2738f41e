/** The Python references (bench/references/*.py in the venv), each one child process returning JSON. */
import { PY_SCRIPTS } from './paths.js';
import { runPythonJson, withoutOpenblasOverrides } from './python.js';

export interface NumpyMatmul {
  size: number;
  seconds: number[];
  median_seconds: number;
  gflops: number;
  check_ok: boolean;
  numpy: string;
  blas: { source: string; pools?: Record<string, unknown>[]; text?: string };
  env: Record<string, string | null>;
}

/** numpy's a @ b, run without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE (in that child only). */
export function numpyMatmul(size: number, repeats: number, warmup = 3): Promise<NumpyMatmul> {
  return runPythonJson<NumpyMatmul>({
    script: PY_SCRIPTS.matmul,
    args: ['--size', String(size), '--repeats', String(repeats), '--warmup', String(warmup)],
    env: withoutOpenblasOverrides(process.env),
  });
}

export interface TorchOverhead {
  op: string;
  us_per_op: number[];
  median_us: number;
  python_loop_us: number;
  check_ok: boolean;
  torch: string;
  /** Intra-op threads of the timed loop (1 unless asked otherwise). */
  threads: number;
  /** The same loop with torch's default thread count, for the record. */
  default_threads: { threads: number; median_us: number };
}

export function torchOverhead(ops: number, repeats: number): Promise<TorchOverhead> {
  return runPythonJson<TorchOverhead>({
    script: PY_SCRIPTS.overhead,
    args: ['--ops', String(ops), '--repeats', String(repeats)],
  });
}

export interface LowrankInstance {
  n: number;
  r: number;
  /** n x n, row-major. */
  M: number[];
  /** n x n, row-major. */
  target: number[];
  /** n x r, row-major. */
  X0: number[];
  eta: number;
  steps: number;
  record_every: number;
}

export interface TorchLowrank {
  seconds: number[];
  median_seconds: number;
  errors: number[];
  final_error: number;
  torch: string;
  threads: number;
}

/** The PyTorch reference on exactly `instance` (sent on stdin). */
export function torchLowrank(instance: LowrankInstance, repeats: number): Promise<TorchLowrank> {
  return runPythonJson<TorchLowrank>({
    script: PY_SCRIPTS.lowrank,
    args: ['--input', '-', '--repeats', String(repeats), '--warmup', '1'],
    input: JSON.stringify(instance),
  });
}
