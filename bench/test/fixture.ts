/** A complete bench result with made-up numbers (no timing is run in these tests). */
import type { BenchResult } from '../result.js';
import { evaluateTargets } from '../targets.js';

export function fixtureResult(overrides: Partial<BenchResult> = {}): BenchResult {
  const r: BenchResult = {
    schema: 'paper-repro-bench/1',
    started_at: '2026-01-01T00:00:00.000Z',
    finished_at: '2026-01-01T00:05:00.000Z',
    quick: false,
    note: 'made up',
    machine: { cpu: 'test', cores: 2, node: 'v20.0.0', platform: 'linux', loadavg_start: [1, 1, 1], loadavg_end: [1, 1, 1] },
    backend: 'native',
    backend_info: { name: 'native' },
    matmul: { size: 1024, tfjs_gflops: 90, numpy_gflops: 180, ratio_vs_numpy: 0.5, wasm_gflops: 20, cpu_gflops: 0.5, ratio_of_best: 0.55 },
    per_op_overhead_us: { tfjs: 9, torch: 2, ratio: 4.5, tfjs_binding_floor_us: 5.5, tfjs_min_us: 8, torch_min_us: 1.25, ratio_of_minima: 6.4 },
    lowrank_vs_torch: { tfjs_or_ts_seconds: 0.15, torch_seconds: 0.2, ratio: 0.75, max_rel_error_diff: 3e-14, ratio_of_minima: 0.8 },
    smoke_repro_seconds: 42,
    noop_repro_seconds: 2.5,
    reproductions: { 'lowrank-gradient-flow': { seconds: 10.5, peak_rss_mb: 312.25, rerun_seconds: 14 } },
    pipeline: null,
    targets: [],
    errors: [],
    ...overrides,
  };
  r.targets = evaluateTargets(r);
  return r;
}
