/** The JSON that `npm run bench -- --json FILE` writes, and a check of its required shape (pure). */
import type { PipelineResult, ReproductionCost } from './pipeline.js';

export interface TargetVerdict {
  id: 'matmul' | 'overhead' | 'lowrank' | 'pipeline' | 'noop';
  name: string;
  /** The measured value the target is about (a ratio or seconds), null when not measured. */
  measured: number | null;
  /** e.g. ">= 0.8" or "<= 300". */
  target: string;
  met: boolean | null;
}

export interface BenchResult {
  schema: 'paper-repro-bench/1';
  started_at: string;
  finished_at: string;
  quick: boolean;
  /** The sections measured, when --only chose some. */
  only?: string[];
  note: string;
  machine: { cpu: string; cores: number; node: string; platform: string; loadavg_start: number[]; loadavg_end: number[] };
  /** The active tfjs backend of the bench process: native, wasm or cpu. */
  backend: string;
  backend_info: Record<string, unknown>;
  matmul: {
    size: number;
    tfjs_gflops: number | null;
    numpy_gflops: number | null;
    ratio_vs_numpy: number | null;
    wasm_gflops: number | null;
    cpu_gflops: number | null;
    /** The webgpu backend (child process, REPRO_BACKEND=webgpu), its ratio to the in-process backend, its adapter. */
    webgpu_gflops?: number | null;
    webgpu_ratio_vs_tfjs?: number | null;
    webgpu_adapter?: string | null;
    [detail: string]: unknown;
  };
  per_op_overhead_us: { tfjs: number | null; torch: number | null; ratio: number | null; [detail: string]: unknown };
  lowrank_vs_torch: { tfjs_or_ts_seconds: number | null; torch_seconds: number | null; ratio: number | null; [detail: string]: unknown };
  smoke_repro_seconds: number | null;
  noop_repro_seconds: number | null;
  reproductions: Record<string, ReproductionCost>;
  pipeline: PipelineResult | null;
  targets: TargetVerdict[];
  /** Parts that could not be measured, one line each. */
  errors: string[];
}

/** The entries of a section that --only left out: every figure null. */
export const notMeasured = {
  matmul: (size: number): BenchResult['matmul'] => ({ size, tfjs_gflops: null, numpy_gflops: null, ratio_vs_numpy: null, wasm_gflops: null, cpu_gflops: null }),
  perOp: (): BenchResult['per_op_overhead_us'] => ({ tfjs: null, torch: null, ratio: null }),
  lowrank: (): BenchResult['lowrank_vs_torch'] => ({ tfjs_or_ts_seconds: null, torch_seconds: null, ratio: null }),
};

type Kind = 'number' | 'string' | 'object';

const REQUIRED: [string, Kind, boolean][] = [
  // [dotted path, type, nullable]
  ['backend', 'string', false],
  ['matmul', 'object', false],
  ['matmul.size', 'number', false],
  ['matmul.tfjs_gflops', 'number', true],
  ['matmul.numpy_gflops', 'number', true],
  ['matmul.ratio_vs_numpy', 'number', true],
  ['matmul.wasm_gflops', 'number', true],
  ['matmul.cpu_gflops', 'number', true],
  ['per_op_overhead_us', 'object', false],
  ['per_op_overhead_us.tfjs', 'number', true],
  ['per_op_overhead_us.torch', 'number', true],
  ['per_op_overhead_us.ratio', 'number', true],
  ['lowrank_vs_torch', 'object', false],
  ['lowrank_vs_torch.tfjs_or_ts_seconds', 'number', true],
  ['lowrank_vs_torch.torch_seconds', 'number', true],
  ['lowrank_vs_torch.ratio', 'number', true],
  ['smoke_repro_seconds', 'number', true],
  ['noop_repro_seconds', 'number', true],
  ['reproductions', 'object', false],
];

/** Problems with `value` as a bench result: missing keys, wrong types, bad reproductions entries. */
export function shapeProblems(value: unknown): string[] {
  const problems: string[] = [];
  for (const [key, kind, nullable] of REQUIRED) {
    const v = key.split('.').reduce<unknown>((o, k) => (o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);
    if (v === undefined) problems.push(`${key}: missing`);
    else if (v === null) {
      if (!nullable) problems.push(`${key}: null`);
    } else if (kind === 'object' ? typeof v !== 'object' || Array.isArray(v) : typeof v !== kind) {
      problems.push(`${key}: expected ${kind}${nullable ? ' or null' : ''}, got ${Array.isArray(v) ? 'array' : typeof v}`);
    } else if (kind === 'number' && !Number.isFinite(v)) problems.push(`${key}: not finite`);
  }
  const repros = (value as { reproductions?: unknown } | null)?.reproductions;
  if (repros !== null && typeof repros === 'object') {
    for (const [id, entry] of Object.entries(repros as Record<string, unknown>)) {
      for (const field of ['seconds', 'peak_rss_mb']) {
        const v = (entry as Record<string, unknown> | null)?.[field];
        if (v === undefined) problems.push(`reproductions.${id}.${field}: missing`);
        else if (v !== null && typeof v !== 'number') problems.push(`reproductions.${id}.${field}: expected number or null`);
      }
    }
  }
  return problems;
}
