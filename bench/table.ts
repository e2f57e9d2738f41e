/** The printed tables (pure: a bench result in, text out). */
import type { BenchResult, TargetVerdict } from './result.js';

/** A number with `digits` significant digits (no exponent below 1e6), or "n/a" (pure). */
export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'n/a';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 10 ** digits) return Math.round(value).toString();
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(abs)));
  return value.toFixed(Math.min(decimals, 6));
}

/** Columns padded to their widest cell, a rule under the header (pure). */
export function formatGrid(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => (c === cells.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function statusWord(met: boolean | null): string {
  return met === null ? 'not measured' : met ? 'met' : 'NOT MET';
}

/** The measured cell of each target: the value and what it was computed from. */
function measuredText(r: BenchResult, v: TargetVerdict): string {
  const x = (n: number | null) => (n === null ? 'n/a' : `${fmt(n)}x`);
  switch (v.id) {
    case 'matmul':
      return `${x(v.measured)} (${r.backend} ${fmt(r.matmul.tfjs_gflops)} vs numpy ${fmt(r.matmul.numpy_gflops)} GFLOP/s)`;
    case 'overhead':
      return `${x(v.measured)} (${fmt(r.per_op_overhead_us.tfjs)} vs ${fmt(r.per_op_overhead_us.torch)} us/op)`;
    case 'lowrank':
      return `${x(v.measured)} (${fmt(r.lowrank_vs_torch.tfjs_or_ts_seconds)} vs ${fmt(r.lowrank_vs_torch.torch_seconds)} s)`;
    default:
      return v.measured === null ? 'n/a' : `${fmt(v.measured)} s`;
  }
}

export function targetTable(r: BenchResult): string {
  const rows = r.targets.map((v) => [v.name, measuredText(r, v), v.target, statusWord(v.met)]);
  return formatGrid(['target', 'measured (median)', 'goal', 'status'], rows);
}

/** 'G GFLOP/s, R x <backend> (adapter)', or n/a when webgpu was not measured. */
function webgpuText(m: BenchResult['matmul']): string {
  if (m.webgpu_gflops === undefined || m.webgpu_gflops === null) return 'n/a';
  const ratio = typeof m.webgpu_ratio_vs_tfjs === 'number' ? `, ${fmt(m.webgpu_ratio_vs_tfjs)}x the in-process backend` : '';
  return `${fmt(m.webgpu_gflops)} GFLOP/s${ratio}${m.webgpu_adapter ? ` (${m.webgpu_adapter})` : ''}`;
}

/** The numbers recorded beside the targets. */
export function detailTable(r: BenchResult): string {
  const rows: string[][] = [
    ['matmul wasm (child process)', r.matmul.wasm_gflops === null ? 'n/a' : `${fmt(r.matmul.wasm_gflops)} GFLOP/s`],
    ['matmul cpu (child process)', r.matmul.cpu_gflops === null ? 'n/a' : `${fmt(r.matmul.cpu_gflops)} GFLOP/s`],
    ['matmul webgpu (child process)', webgpuText(r.matmul)],
  ];
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  const best = num(r.matmul.ratio_of_best);
  if (best !== null) rows.push(['matmul tfjs / numpy, fastest samples', `${fmt(best)}x`]);
  const floor = num(r.per_op_overhead_us.tfjs_binding_floor_us);
  if (floor !== null) rows.push(['Add via the TF binding alone (no tfjs-core)', `${fmt(floor)} us/op`]);
  const opMin = num(r.per_op_overhead_us.ratio_of_minima);
  if (opMin !== null) {
    const o = r.per_op_overhead_us;
    rows.push(['per-op tfjs / PyTorch, fastest samples', `${fmt(opMin)}x (${fmt(num(o.tfjs_min_us))} vs ${fmt(num(o.torch_min_us))} us/op)`]);
  }
  const lowMin = num(r.lowrank_vs_torch.ratio_of_minima);
  if (lowMin !== null) rows.push(['lowrank TS / PyTorch, fastest samples', `${fmt(lowMin)}x`]);
  const diff = r.lowrank_vs_torch.max_rel_error_diff;
  if (typeof diff === 'number') rows.push(['lowrank error series, TS vs PyTorch', `max rel. diff ${diff.toExponential(1)}`]);
  for (const [id, c] of Object.entries(r.reproductions)) {
    rows.push([`reproduction ${id}`, `${fmt(c.seconds)} s, peak RSS ${fmt(c.peak_rss_mb)} MB`]);
  }
  return formatGrid(['also measured', 'value'], rows);
}
