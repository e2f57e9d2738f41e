/** One synchronous task timed with tinybench; returns its latency samples in milliseconds. */
import { Bench } from 'tinybench';

export interface TimingOptions {
  /** Time budget in ms (tinybench keeps going until both this and `iterations` are met). */
  time: number;
  /** Minimum timed calls. */
  iterations: number;
  /** Untimed calls first (JIT, allocator, thread pools). */
  warmupIterations: number;
}

export interface Timing {
  samplesMs: number[];
  medianMs: number;
}

export async function timeTask(name: string, fn: () => void, opts: TimingOptions): Promise<Timing> {
  const bench = new Bench({
    name,
    time: opts.time,
    iterations: opts.iterations,
    warmup: opts.warmupIterations > 0,
    warmupIterations: opts.warmupIterations,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  bench.add(name, fn);
  await bench.run();
  const task = bench.getTask(name);
  const result = task?.result;
  if (!result || result.state !== 'completed') {
    throw new Error(`tinybench task ${name} did not complete (state: ${result?.state ?? 'missing'})`);
  }
  const samples = result.latency.samples ? [...result.latency.samples] : [];
  return { samplesMs: samples, medianMs: result.latency.p50 };
}
