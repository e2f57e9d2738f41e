/** The performance targets and their verdicts on a bench result (pure). */
import type { BenchResult, TargetVerdict } from './result.js';

export interface Target {
  id: TargetVerdict['id'];
  name: string;
  /** The number the target is about, or null when it was not measured. */
  measure(r: BenchResult): number | null;
  op: '>=' | '<=';
  threshold: number;
}

export const TARGETS: readonly Target[] = [
  { id: 'matmul', name: 'matmul 1024 fp32, tfjs / numpy GFLOP/s', measure: (r) => r.matmul.ratio_vs_numpy, op: '>=', threshold: 0.8 },
  { id: 'overhead', name: 'per-op overhead, tfjs / PyTorch', measure: (r) => r.per_op_overhead_us.ratio, op: '<=', threshold: 3 },
  { id: 'lowrank', name: 'lowrank 20k steps, TS / PyTorch time', measure: (r) => r.lowrank_vs_torch.ratio, op: '<=', threshold: 1.5 },
  { id: 'pipeline', name: 'smoke dvc repro from clean, s', measure: (r) => r.smoke_repro_seconds, op: '<=', threshold: 300 },
  { id: 'noop', name: 'no-op dvc repro, s', measure: (r) => r.noop_repro_seconds, op: '<=', threshold: 5 },
];

export function verdict(target: Target, measured: number | null): TargetVerdict {
  const met = measured === null || !Number.isFinite(measured) ? null : target.op === '>=' ? measured >= target.threshold : measured <= target.threshold;
  return { id: target.id, name: target.name, measured, target: `${target.op} ${target.threshold}`, met };
}

export function evaluateTargets(r: BenchResult, targets: readonly Target[] = TARGETS): TargetVerdict[] {
  return targets.map((t) => verdict(t, t.measure(r)));
}
