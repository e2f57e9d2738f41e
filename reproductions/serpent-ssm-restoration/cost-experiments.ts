/**
 * Cost measurements of SerpentLite (a proxy) and the attention baseline: analytic FLOPs, parameter
 * counts, peak memory of a forward pass from tfjs's own accounting, and forward CPU time (process.cpuUsage).
 */
import type { tf as TF } from '#harness/tf';
import { cpuTimeTask } from '#harness/timing';
import type { RunContext } from '#harness';
import type { ModelSpec } from './architecture.js';
import { analyticCost } from './cost-model.js';
import { costFigure } from './figures.js';
import { createModels } from './model.js';
import type { Params } from './params.js';
import type { Specs } from './specs.js';

type Tf = typeof TF;
type Ctx = RunContext<Params>;

export function runFlops(ctx: Ctx, specs: Specs): void {
  const p = ctx.params;
  for (const key of ['serpent', 'attention'] as const) {
    for (const side of p.flops_sides) ctx.record.point(`flops-${key}`, side * side, analyticCost(specs[key], side).flops);
    ctx.record.scalar(`flops-${key}-at-ratio-side`, analyticCost(specs[key], p.flops_ratio_side).flops);
  }
  for (const side of p.flops_sides) ctx.record.scalar(`flops-ratio-${side}`, analyticCost(specs.attention, side).flops / analyticCost(specs.serpent, side).flops);
  ctx.record.figure(costFigure('flops', 'FLOPs of one forward pass (analytic, per image)', 'FLOPs', {
    serpent: p.flops_sides.map((s) => ({ x: s * s, y: analyticCost(specs.serpent, s).flops })),
    attention: p.flops_sides.map((s) => ({ x: s * s, y: analyticCost(specs.attention, s).flops })),
  }));
}

export function runParams(ctx: Ctx, specs: Specs): void {
  for (const key of ['serpent', 'attention', 'cnn'] as const) ctx.record.scalar(`params-${key}`, analyticCost(specs[key], 16).params);
}

/**
 * Bytes tfjs holds at the peak of one inference pass of one image (activations freed after their
 * last use), beyond what was held before (weights, input).
 */
export async function peakForwardBytes(tf: Tf, spec: ModelSpec, side: number, seed: number): Promise<number> {
  const models = createModels(tf, spec, [seed]);
  const x = tf.zeros([1, 1, side, side, 1]) as TF.Tensor5D;
  try {
    const before = tf.memory().numBytes;
    const profile = await tf.profile(() => models.infer(x));
    (profile.result as TF.Tensor).dispose();
    return profile.peakBytes - before;
  } finally {
    x.dispose();
    models.dispose();
  }
}

export async function runMemory(ctx: Ctx, tf: Tf, specs: Specs): Promise<void> {
  const p = ctx.params;
  const seed = ctx.seeds[0];
  const curves: Record<'serpent' | 'attention', { x: number; y: number }[]> = { serpent: [], attention: [] };
  for (const key of ['serpent', 'attention'] as const) {
    for (const side of p.memory_sides) {
      const bytes = await peakForwardBytes(tf, specs[key], side, seed);
      ctx.record.point(`memory-${key}`, side * side, bytes);
      curves[key].push({ x: side * side, y: bytes });
    }
  }
  const [ssm, attention] = [await peakForwardBytes(tf, specs.serpent, p.memory_side, seed), await peakForwardBytes(tf, specs.attention, p.memory_side, seed)];
  // The plan's analytic ratio: attention's L² score matrix against an SSM state of L·C·N, both ×4 B,
  // with L the pixels of the first (largest) level after 2x2 patchify.
  const L = (p.memory_side / 2) ** 2;
  const analytic = (L * L) / (L * p.width * p.state);
  ctx.record.scalar('memory-serpent-bytes', ssm);
  ctx.record.scalar('memory-attention-bytes', attention);
  ctx.record.scalar('memory-ratio', attention / ssm);
  ctx.record.scalar('memory-ratio-analytic', analytic);
  ctx.record.scalar('memory-ratio-over-analytic', attention / ssm / analytic);
  ctx.record.figure(costFigure('memory', 'Peak tfjs memory of one forward pass (one image, weights and input excluded)', 'bytes', curves));
}

/** One timed configuration: a model, its sides, and the images per call. */
export interface TimePlan { key: 'serpent' | 'attention'; sides: readonly number[]; batch: number }

/** The minimum forward CPU time (ms) of each (seed, plan, side), over `rounds` interleaved rounds after a warm-up round. */
export function measureTimes(tf: Tf, specs: Specs, plans: readonly TimePlan[], seeds: readonly number[], rounds: number, onRound?: (round: number) => void) {
  const cells = seeds.flatMap((seed) => plans.flatMap(({ key, sides, batch }) => {
    const models = createModels(tf, specs[key], [seed]);
    return sides.map((side, i) => ({
      seed, key, side, batch, models, owner: i === 0,
      x: tf.randomUniform([1, batch, side, side, 1], 0, 1, 'float32', seed) as TF.Tensor5D,
      samples: [] as number[],
    }));
  }));
  try {
    const once = (cell: (typeof cells)[number]) => cpuTimeTask(() => cell.models.infer(cell.x).dispose(), { iterations: 1, minCpuMs: 0, warmupIterations: 0 }).medianMs;
    for (const cell of cells) once(cell);
    for (let round = 0; round < rounds; round++) {
      for (const cell of cells) cell.samples.push(once(cell));
      onRound?.(round + 1);
    }
  } finally {
    for (const cell of cells) {
      cell.x.dispose();
      if (cell.owner) cell.models.dispose();
    }
  }
  return cells.map(({ seed, key, side, batch, samples }) => ({ seed, key, side, batch, ms: Math.min(...samples) }));
}

/**
 * Forward CPU time per (seed, model, side): the process's own CPU time (one compute thread),
 * which load from other processes does not add to, so the verdict does not depend on how busy the
 * machine is. Rounds are interleaved (every combination once per round, after one untimed warm-up
 * round) so that what load still moves (caches, clock frequency) hits all sizes alike; the minimum
 * over rounds is recorded, the least disturbed measurement (disturbances only ever add time).
 * Times are machine measurements: the series and the figure are marked `timed` (timing.json).
 */
export function runTime(ctx: Ctx, tf: Tf, specs: Specs): void {
  const p = ctx.params;
  const plans: TimePlan[] = [
    { key: 'serpent', sides: p.time_sides, batch: p.bench_batch },
    { key: 'attention', sides: p.time_sides_attention, batch: p.bench_batch_attention },
  ];
  const cells = measureTimes(tf, specs, plans, ctx.seeds, p.bench_rounds, (round) => ctx.progress(round, p.bench_rounds, 'timing rounds'));
  const curves: Record<'serpent' | 'attention', { x: number; y: number; group?: string }[]> = { serpent: [], attention: [] };
  for (const cell of cells) {
    ctx.record.point(`time-${cell.key}`, cell.side * cell.side, cell.ms, { seed: cell.seed, timed: true });
    curves[cell.key].push({ x: cell.side * cell.side, y: cell.ms, group: `seed ${cell.seed}` });
  }
  const title = `Forward CPU time (process CPU time, one compute thread; minimum over ${p.bench_rounds} interleaved rounds; `
    + `batches of ${p.bench_batch} for SerpentLite, ${p.bench_batch_attention} for attention)`;
  ctx.record.figure({ ...costFigure('time', title, 'ms', curves), timed: true });
}
