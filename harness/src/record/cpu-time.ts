/**
 * CPU time of a synchronous task: what this process spent on it (user + system, over all of its
 * threads, from `process.cpuUsage()`), in milliseconds. Unlike wall-clock time it does not grow when
 * other processes compete for the cores, so a claim decided on it gives the same verdict on a
 * quiet machine and on a busy one (caches and frequency still move it a little, not the
 * scheduler). With one compute thread per process (REPRO_THREADS=1, the default) it is the time
 * the computation itself took; with more threads it also counts their synchronisation.
 */
import { median } from '../stats/index.js';
import { UserError } from '../errors.js';

export interface CpuTimingOptions {
  /** Minimum timed calls. */
  iterations: number;
  /** Keep timing until the timed calls have used at least this much CPU time, in ms (0: none). */
  minCpuMs: number;
  /** Untimed calls first (JIT, allocator, thread pools). */
  warmupIterations: number;
  /** Stop after this many timed calls even if minCpuMs is not reached (default 100000). */
  maxIterations?: number;
}

export interface CpuTiming {
  /** CPU time of each timed call, ms. */
  samplesMs: number[];
  medianMs: number;
}

/** This process's CPU time so far (user + system, all threads), ms. */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export class CpuTimingError extends UserError {}

export function cpuTimeTask(fn: () => void, opts: CpuTimingOptions): CpuTiming {
  const maxIterations = opts.maxIterations ?? 100_000;
  for (const [key, value, min] of [['iterations', opts.iterations, 1], ['warmupIterations', opts.warmupIterations, 0], ['maxIterations', maxIterations, 1]] as const) {
    if (!Number.isInteger(value) || value < min) throw new CpuTimingError(`cpuTimeTask: ${key} got ${value}; expected a whole number ≥ ${min}`);
  }
  if (!(opts.minCpuMs >= 0) || !Number.isFinite(opts.minCpuMs)) throw new CpuTimingError(`cpuTimeTask: minCpuMs got ${opts.minCpuMs}; expected a finite number ≥ 0`);
  for (let i = 0; i < opts.warmupIterations; i++) fn();
  const samplesMs: number[] = [];
  let total = 0;
  while ((samplesMs.length < opts.iterations || total < opts.minCpuMs) && samplesMs.length < maxIterations) {
    const start = processCpuMs();
    fn();
    const ms = processCpuMs() - start;
    samplesMs.push(ms);
    total += ms;
  }
  return { samplesMs, medianMs: median(samplesMs) };
}
