/**
 * Per-step cost: the CPU time of one full training step (batch, forward, backward, update) of
 * each method at its tuned learning rate, after a warm-up long enough to fill mL-BFGS's
 * history. CPU time (the process's own, single-threaded float64 code) is what the step costs;
 * unlike wall-clock time, load from other processes on the machine does not add to it, so the
 * wall-clock claim's verdict does not depend on how busy the machine is. Rounds alternate between
 * methods so that what load still moves (caches, clock frequency) falls on all of them alike; the
 * per-method figure is the minimum over the rounds of each round's median: load only ever adds to
 * a step's cost (cache evictions, a lower clock), so the least-disturbed round is the closest to
 * the step's own cost (the wall-clock median swung the overhead from 0.35 to 8.9 with load).
 *
 * The model of mL-BFGS's overhead over SGD, (4m + 2)/(6B): the two-loop recursion costs about
 * 4m vector passes and the momentum buffers 2, against about 6B for a forward and backward pass
 * over a batch of B (per parameter).
 */
import { cpuTimeTask } from '#harness/timing';
import type { Method } from './methods.js';
import type { Params } from './params.js';
import { stepper, type TrainingSetup } from './train.js';

export function modelledOverhead(history: number, batch: number): number {
  return (4 * history + 2) / (6 * batch);
}

export const BENCH_ROUNDS = 5;

export async function benchSteps(p: Params, setup: TrainingSetup, tuned: Partial<Record<Method, number>>, seed: number): Promise<Partial<Record<Method, number>>> {
  const warmup = (p.history + 2) * p.period;
  const steppers = p.methods.map((m) => {
    const s = stepper(setup, m, tuned[m]!, seed);
    for (let i = 0; i < warmup; i++) s.step();
    return { m, s };
  });
  const rounds = new Map<Method, number[]>();
  for (let round = 0; round < BENCH_ROUNDS; round++) {
    for (const { m, s } of steppers) {
      const timing = cpuTimeTask(() => { s.step(); }, { minCpuMs: p.bench_ms / BENCH_ROUNDS, iterations: 20, warmupIterations: 5 });
      rounds.set(m, [...(rounds.get(m) ?? []), timing.medianMs]);
    }
  }
  return Object.fromEntries([...rounds].map(([m, xs]) => [m, Math.min(...xs)]));
}
