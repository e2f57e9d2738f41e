/**
 * Near-minimal measurements: the success grid over n × m/n (success-grid.ts), the threshold
 * m*(n) per n, and the heat map of success rates as an extra figure.
 */
import { heatmapChart } from '#harness/charts';
import type { RunContext } from '#harness';
import type * as tfc from '@tensorflow/tfjs-core';
import type { Params } from './params.js';
import { successGrid, successRates, threshold } from './success-grid.js';

export function runThreshold(ctx: RunContext<Params>, tf: typeof tfc): void {
  const p = ctx.params;
  const cells: { x: number; y: number; value: number }[] = [];
  const ns: number[] = [];
  const thresholds: number[] = [];
  for (const [index, n] of p.threshold_ns.entries()) {
    const grid = successGrid(tf, {
      n,
      ratios: p.threshold_ratios,
      seeds: ctx.seeds,
      step: p.rate_step,
      iterations: p.threshold_iterations,
      tolerance: p.success_tolerance,
      checkEvery: p.check_every,
      indicator: p.indicator,
      solver: p.solver,
      signalNorm: p.signal_norm,
    });
    const rates = successRates(grid, p.threshold_ratios);
    const { m, censored } = threshold(n, p.threshold_ratios, rates, p.success_rate);
    rates.forEach((rate, r) => cells.push({ x: p.threshold_ratios[r], y: n, value: rate }));
    ns.push(n);
    thresholds.push(m);
    ctx.log(`threshold: n = ${n}: success rates ${rates.map((r) => r.toFixed(2)).join(' ')} over m/n = ${p.threshold_ratios.join(' ')}; m* = ${m}${censored ? ' (no grid m succeeded: stand-in 2·max m)' : ''}`);
    ctx.progress(index + 1, p.threshold_ns.length, `threshold, n = ${n}`);
  }
  ctx.record.curve('threshold-m', ns, thresholds);
  const ratios = thresholds.map((m, i) => m / ns[i]);
  ctx.record.scalar('threshold-ratio-min', Math.min(...ratios));
  ctx.record.scalar('threshold-ratio-max', Math.max(...ratios));
  ctx.record.figure({
    id: 'phase-transition',
    title: 'Success rate of gradient descent over (n, m/n)',
    caption: `Fraction of ${ctx.seeds.length} seeds whose relative error fell below ${p.success_tolerance} within ${p.threshold_iterations} steps (${p.solver} solver, μ = ${p.rate_step}, x₀ = 0, ||x*|| = ${p.signal_norm}). m*(n) = smallest m with rate ≥ ${p.success_rate}: ${ns.map((n, i) => `n = ${n}: ${thresholds[i]} (${ratios[i]}n)`).join('; ')}.`,
    chart: heatmapChart({ title: 'success rate', xTitle: 'm / n', yTitle: 'n', colorTitle: 'success rate', cells }),
  });
}
