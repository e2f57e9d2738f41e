import test from 'ava';
import { cpuTimeTask, processCpuMs } from '../../src/record/cpu-time.js';

const sleepMs = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const spinCpuMs = (ms: number) => {
  const start = processCpuMs();
  while (processCpuMs() - start < ms);
};

test('a task that waits costs next to no CPU time, however long it takes on the clock', (t) => {
  const wallStart = performance.now();
  const timing = cpuTimeTask(() => sleepMs(40), { iterations: 3, minCpuMs: 0, warmupIterations: 0 });
  const wall = performance.now() - wallStart;
  t.is(timing.samplesMs.length, 3);
  t.true(wall >= 110, `three 40 ms waits took ${wall} ms on the clock`);
  // Wall-clock time would be 40 ms per call; CPU time is the few syscalls around the wait.
  t.true(timing.medianMs < 10, `median CPU time ${timing.medianMs} ms`);
});

test('a task that computes is charged its CPU time', (t) => {
  const timing = cpuTimeTask(() => spinCpuMs(20), { iterations: 3, minCpuMs: 0, warmupIterations: 1 });
  t.is(timing.samplesMs.length, 3);
  t.true(timing.medianMs >= 19 && timing.medianMs < 60, `median CPU time ${timing.medianMs} ms`);
});

test('timing goes on until both the iterations and the CPU budget are met, within maxIterations', (t) => {
  let calls = 0;
  const timing = cpuTimeTask(() => { calls++; spinCpuMs(2); }, { iterations: 2, minCpuMs: 20, warmupIterations: 3 });
  t.true(timing.samplesMs.length >= 9, `${timing.samplesMs.length} samples`);
  t.is(calls, timing.samplesMs.length + 3);
  const capped = cpuTimeTask(() => sleepMs(1), { iterations: 1, minCpuMs: 1e9, warmupIterations: 0, maxIterations: 5 });
  t.is(capped.samplesMs.length, 5);
});

test('bad options are refused with the key, the value and what is allowed', (t) => {
  t.throws(() => cpuTimeTask(() => {}, { iterations: 0, minCpuMs: 0, warmupIterations: 0 }), { message: /iterations got 0; expected a whole number ≥ 1/ });
  t.throws(() => cpuTimeTask(() => {}, { iterations: 1, minCpuMs: -1, warmupIterations: 0 }), { message: /minCpuMs got -1/ });
  t.throws(() => cpuTimeTask(() => {}, { iterations: 1, minCpuMs: 0, warmupIterations: 1.5 }), { message: /warmupIterations got 1.5/ });
});
