/**
 * The three in-process comparisons, each as interleaved rounds: in each round the tfjs/TS side
 * and the Python side are both timed, alternating which goes first, so that a change of load on
 * the shared machine hits both. A side's figure is the median over all its samples of all rounds;
 * the per-round ratios are kept to show the spread.
 */
import type { tf as TF } from '../harness/src/backend/tf.js';
import { matmulInChild } from './backends.js';
import { lowrankCase, timeLowrank } from './lowrank.js';
import { timeMatmul } from './matmul.js';
import { timeOpOverhead } from './overhead.js';
import type { BenchPlan } from './plan.js';
import { progress } from './progress.js';
import { numpyMatmul, torchLowrank, torchOverhead, type NumpyMatmul, type TorchLowrank, type TorchOverhead } from './references.js';
import type { BenchResult } from './result.js';
import { matmulGflops, maxRelativeDiff, median, ratio } from './stats.js';

/** Runs both sides `rounds` times, alternating which goes first; a failing side is recorded, the other kept. */
async function interleave<A, B>(rounds: number, a: () => Promise<A>, b: () => Promise<B>, errors: string[], names: [string, string]) {
  const as: A[] = [];
  const bs: B[] = [];
  const failed = new Set<string>();
  for (let k = 0; k < rounds; k++) {
    const order: [() => Promise<unknown>, unknown[], string][] = [[a, as, names[0]], [b, bs, names[1]]];
    if (k % 2 === 1) order.reverse();
    for (const [fn, out, name] of order) {
      if (failed.has(name)) continue;
      try {
        out.push(await fn());
      } catch (err) {
        failed.add(name);
        errors.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
        progress(`${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  return { as, bs };
}

function roundRatios(xs: number[], ys: number[]): number[] {
  return xs.slice(0, Math.min(xs.length, ys.length)).map((x, i) => ratio(x, ys[i]) as number);
}

export async function matmulSection(tf: typeof TF, plan: BenchPlan, errors: string[]): Promise<BenchResult['matmul']> {
  const n = plan.matmulSize;
  progress(`matmul ${n}x${n} fp32: ${tf.getBackend()} in-process vs numpy, ${plan.rounds} round(s)`);
  const { as: tfjs, bs: numpy } = await interleave(plan.rounds,
    () => timeMatmul(tf, n, plan.matmul),
    () => numpyMatmul(n, plan.numpyRepeats),
    errors, ['matmul tfjs', 'matmul numpy']);
  const tfjsGflops = tfjs.length ? matmulGflops(n, median(tfjs.flatMap((t) => t.samplesMs)) / 1000) : null;
  const numpyGflops = numpy.length ? matmulGflops(n, median(numpy.flatMap((t) => t.seconds))) : null;
  const other = async (backend: 'wasm' | 'cpu' | 'webgpu', opts: BenchPlan['cpu']) => {
    if (opts === null) return null;
    progress(`matmul ${n}x${n} fp32 on ${backend} (child process)`);
    try {
      return await matmulInChild(backend, n, opts);
    } catch (err) {
      errors.push(`matmul ${backend}: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    }
  };
  const wasm = await other('wasm', plan.wasm);
  const cpu = await other('cpu', plan.cpu);
  const webgpu = await other('webgpu', plan.webgpu);
  return {
    size: n,
    tfjs_gflops: tfjsGflops,
    numpy_gflops: numpyGflops,
    ratio_vs_numpy: ratio(tfjsGflops, numpyGflops),
    wasm_gflops: wasm?.gflops ?? null,
    cpu_gflops: cpu?.gflops ?? null,
    webgpu_gflops: webgpu?.gflops ?? null,
    // The in-process backend is native where it loads: webgpu's speed relative to it.
    webgpu_ratio_vs_tfjs: ratio(webgpu?.gflops ?? null, tfjsGflops),
    webgpu_adapter: webgpu?.versions?.['webgpu adapter'] ?? null,
    ...(webgpu ? { webgpu_check_ok: webgpu.checkOk } : {}),
    round_ratios: roundRatios(tfjs.map((t) => t.gflops), numpy.map((t) => t.gflops)),
    // From the fastest sample of each side (the least disturbed by other load).
    ratio_of_best: ratio(
      tfjs.length ? matmulGflops(n, Math.min(...tfjs.flatMap((t) => t.samplesMs)) / 1000) : null,
      numpy.length ? matmulGflops(n, Math.min(...numpy.flatMap((t) => t.seconds))) : null,
    ),
    tfjs_samples_ms: tfjs.flatMap((t) => t.samplesMs),
    tfjs_check_ok: tfjs.every((t) => t.checkOk),
    numpy_samples_ms: numpy.flatMap((t) => t.seconds.map((s) => s * 1000)),
    numpy_check_ok: numpy.every((t) => t.check_ok),
    numpy_version: numpy[0]?.numpy ?? null,
    numpy_blas: numpy[0]?.blas ?? null,
    numpy_env: numpy[0]?.env ?? null,
    wasm_samples_ms: wasm?.samplesMs ?? null,
    cpu_samples_ms: cpu?.samplesMs ?? null,
    cpu_skipped: plan.cpu === null ? 'skipped (--quick)' : undefined,
  };
}

export async function overheadSection(tf: typeof TF, plan: BenchPlan, errors: string[]): Promise<BenchResult['per_op_overhead_us']> {
  progress(`per-op overhead (add of two float32[4]): ${tf.getBackend()} vs PyTorch, ${plan.rounds} round(s)`);
  const { as: tfjs, bs: torch } = await interleave<Awaited<ReturnType<typeof timeOpOverhead>>, TorchOverhead>(plan.rounds,
    () => timeOpOverhead(tf, plan.overheadBatch, plan.overhead),
    () => torchOverhead(plan.torchOps, plan.torchOverheadRepeats),
    errors, ['overhead tfjs', 'overhead torch']);
  const tfjsUs = tfjs.length ? median(tfjs.flatMap((t) => t.usPerOp)) : null;
  const torchUs = torch.length ? median(torch.flatMap((t) => t.us_per_op)) : null;
  const floors = tfjs.flatMap((t) => t.bindingFloorUs ?? []);
  const tfjsMin = tfjs.length ? Math.min(...tfjs.flatMap((t) => t.usPerOp)) : null;
  const torchMin = torch.length ? Math.min(...torch.flatMap((t) => t.us_per_op)) : null;
  return {
    tfjs: tfjsUs,
    torch: torchUs,
    ratio: ratio(tfjsUs, torchUs),
    round_ratios: roundRatios(tfjs.map((t) => t.medianUs), torch.map((t) => t.median_us)),
    tfjs_binding_floor_us: floors.length ? median(floors) : null,
    // The fastest samples: the least disturbed by other load on the machine.
    tfjs_min_us: tfjsMin,
    torch_min_us: torchMin,
    tfjs_binding_floor_min_us: floors.length ? Math.min(...floors) : null,
    ratio_of_minima: ratio(tfjsMin, torchMin),
    tfjs_samples_us: tfjs.flatMap((t) => t.usPerOp),
    torch_samples_us: torch.flatMap((t) => t.us_per_op),
    torch_python_loop_us: torch[0]?.python_loop_us ?? null,
    torch_version: torch[0]?.torch ?? null,
    torch_threads: torch[0]?.threads ?? null,
    torch_default_threads_us: torch.length ? median(torch.map((t) => t.default_threads.median_us)) : null,
    check_ok: tfjs.every((t) => t.checkOk) && torch.every((t) => t.check_ok),
  };
}

export async function lowrankSection(plan: BenchPlan, errors: string[]): Promise<BenchResult['lowrank_vs_torch']> {
  progress(`lowrank-gradient-flow, 20,000 Euler steps: TS simulate() vs PyTorch reference, ${plan.rounds} round(s)`);
  const { instance } = lowrankCase();
  const { as: ts, bs: torch } = await interleave<Awaited<ReturnType<typeof timeLowrank>>, TorchLowrank>(plan.rounds,
    () => timeLowrank(plan.lowrank),
    () => torchLowrank(instance, plan.torchLowrankRepeats),
    errors, ['lowrank TS', 'lowrank torch']);
  const tsSeconds = ts.length ? median(ts.flatMap((t) => t.samplesMs)) / 1000 : null;
  const torchSeconds = torch.length ? median(torch.flatMap((t) => t.seconds)) : null;
  return {
    tfjs_or_ts_seconds: tsSeconds,
    torch_seconds: torchSeconds,
    ratio: ratio(tsSeconds, torchSeconds),
    implementation: 'TS: dynamics.ts simulate() on Float64Array (no tfjs); PyTorch: X.add_((M - X @ X.T) @ X, alpha=eta), float64, CPU',
    round_ratios: roundRatios(ts.map((t) => t.medianMs / 1000), torch.map((t) => t.median_seconds)),
    ratio_of_minima: ratio(
      ts.length ? Math.min(...ts.flatMap((t) => t.samplesMs)) / 1000 : null,
      torch.length ? Math.min(...torch.flatMap((t) => t.seconds)) : null,
    ),
    max_rel_error_diff: ts.length && torch.length ? maxRelativeDiff(ts[0].errors, torch[0].errors) : null,
    recorded_points: ts[0]?.errors.length ?? null,
    ts_samples_s: ts.flatMap((t) => t.samplesMs.map((ms) => ms / 1000)),
    torch_samples_s: torch.flatMap((t) => t.seconds),
    torch_threads: torch[0]?.threads ?? null,
  };
}
