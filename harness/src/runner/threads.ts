/**
 * Compute threads per run process. TensorFlow sizes its thread pools once, when the library
 * loads, from TF_NUM_INTRAOP_THREADS / TF_NUM_INTEROP_THREADS (default: every core). The runner
 * already uses the cores with one worker process per distinct run; with TensorFlow's defaults on
 * top, two workers on two cores run four busy threads that preempt each other, and small kernels
 * lose more to synchronisation than they gain (measured: jittering-robustness 45 s -> 36 s,
 * serpent-ssm-restoration 69 s -> 56 s with one thread per process). The thread count also
 * decides the order of TensorFlow's parallel float32 reductions, so pinning it, independently of
 * --jobs and of the machine's cores, is what keeps a result the same wherever it runs.
 */
import { UserError } from '../errors.js';

export const THREADS_VARIABLE = 'REPRO_THREADS';
export const DEFAULT_THREADS = 1;
export const MAX_THREADS = 1024;

export class ThreadsError extends UserError {}

/** The threads each run process may use: REPRO_THREADS when set (validated), else 1 (pure). */
export function threadsFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env[THREADS_VARIABLE];
  if (raw === undefined || raw.trim() === '') return DEFAULT_THREADS;
  return parseThreads(raw, `${THREADS_VARIABLE} (environment)`);
}

/** A thread count given as text; `where` names the flag or variable in the error (pure). */
export function parseThreads(raw: string, where: string): number {
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 1 || value > MAX_THREADS) {
    throw new ThreadsError(`${where}: got ${JSON.stringify(raw)}; expected a whole number of threads from 1 to ${MAX_THREADS} (default ${DEFAULT_THREADS})`);
  }
  return value;
}

/**
 * The environment that gives a process `threads` intra-op threads (pure). Inter-op stays at 1:
 * eager ops run one after another, so a second pool only adds threads that wait.
 */
export function threadEnv(threads: number): Record<string, string> {
  return { [THREADS_VARIABLE]: String(threads), TF_NUM_INTRAOP_THREADS: String(threads), TF_NUM_INTEROP_THREADS: '1' };
}
