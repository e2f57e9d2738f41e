/** The report's extra figures: start steps, quality against steps, calibration, reconstructions, training. */
import { imageGridChart, seriesChart } from '#harness/charts';
import type { FigureResult } from '#harness/types';
import { SIDE } from './digits.js';
import type { SeedEvaluation } from './evaluate.js';
import { argsort } from './severity-metrics.js';

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function startStepsFigure(e: SeedEvaluation, N: number): FigureResult {
  const counts = new Map<number, number>();
  for (const k of e.adaptive.steps) counts.set(k, (counts.get(k) ?? 0) + 1);
  const max = Math.max(...e.adaptive.steps);
  const points = Array.from({ length: max }, (_, i) => ({ x: i + 1, y: counts.get(i + 1) ?? 0, group: 'test images' }));
  return {
    id: 'start-steps',
    title: 'Adaptive start: DDIM steps per test image',
    caption: `Number of test images per start index t̂ = argmin_j |SNR(τ_j) − 1/σ̂²| on the ${N}-step grid (the full-length baseline runs all ${N}). Mean ${mean(e.adaptive.steps).toFixed(1)} steps.`,
    chart: seriesChart({ title: 'start steps (adaptive)', xTitle: 'DDIM steps run', yTitle: 'test images', points, mark: 'line' }),
  };
}

export function qualityFigure(e: SeedEvaluation, N: number, pureNoiseFrom: number): FigureResult {
  const points = [
    ...e.curve.map((c) => ({ x: c.steps, y: c.mse, group: 'fixed start (all images)' })),
    { x: mean(e.adaptive.steps), y: mean(e.adaptive.mse), group: 'adaptive start (mean steps)' },
    { x: N, y: mean(e.baseline.mse), group: `baseline: ${N} steps from noise` },
    { x: mean(e.fixed.steps), y: mean(e.fixed.mse), group: 'fixed start at mean(t̂)' },
  ];
  return {
    id: 'quality-vs-steps',
    title: 'Reconstruction error against the number of steps',
    caption: `Mean pixel MSE (images in [−1, 1]) of the test images; fixed starts run the same number of steps for every image, the adaptive start ${mean(e.adaptive.steps).toFixed(1)} on average. The severity encoder's own estimate D(ẑ) (0 steps) has MSE ${mean(e.estimate.mse).toFixed(4)}. From ${pureNoiseFrom} steps on, c·σ²(τ_k) ≥ 1 and the start recipe √(1 − cσ²) ẑ + √(cσ²) ε is pure noise.`,
    chart: seriesChart({ title: 'MSE vs steps', xTitle: 'DDIM steps', yTitle: 'mean pixel MSE', points, mark: 'point' }),
  };
}

export function calibrationFigure(e: SeedEvaluation): FigureResult {
  const points = e.calibration.map((b) => ({ x: b.predicted, y: b.measured, group: 'bins of σ̂²' }));
  const hi = Math.max(...points.map((q) => Math.max(q.x, q.y)));
  return {
    id: 'calibration',
    title: 'Predicted variance against the measured latent error',
    caption: 'Test images in equal-count bins of σ̂²: mean ||ẑ − z₀||²/d against mean σ̂²; the line is equality, the claim allows a factor 0.67–1.5 per bin.',
    chart: seriesChart({ title: 'calibration', xTitle: 'mean σ̂² (bin)', yTitle: 'mean ||ẑ − z₀||²/d', points, mark: 'point', references: [{ label: 'equality', points: [{ x: 0, y: 0 }, { x: hi, y: hi }] }] }),
  };
}

export function reconstructionFigure(e: SeedEvaluation, test: readonly Float32Array[], count: number, seed: number): FigureResult {
  const byLevel = argsort(e.levels);
  const picks = Array.from({ length: count }, (_, i) => byLevel[Math.round((i * (byLevel.length - 1)) / Math.max(1, count - 1))]);
  const P = SIDE * SIDE;
  const toUnit = (v: ArrayLike<number>) => Array.from(v, (u) => Math.min(1, Math.max(0, (u + 1) / 2)));
  const slice = (a: Float32Array, i: number) => a.subarray(i * P, (i + 1) * P);
  const columns: [string, (i: number) => ArrayLike<number>][] = [
    ['clean', (i) => test[i]],
    ['degraded', (i) => e.degraded[i]],
    ['D(ẑ)', (i) => slice(e.estimate.images, i)],
    ['adaptive', (i) => slice(e.adaptive.images, i)],
    ['baseline', (i) => slice(e.baseline.images, i)],
  ];
  const images = picks.flatMap((i) => columns.map(([label, get]) => ({ label: label === 'adaptive' ? `adaptive (${e.adaptive.steps[i]})` : label === 'degraded' ? `t = ${e.levels[i].toFixed(2)}` : label, width: SIDE, height: SIDE, pixels: toUnit(get(i)) })));
  return {
    id: 'reconstructions',
    title: 'Reconstructions at increasing severity',
    caption: `Seed ${seed}, one test image per row, severity increasing downwards. Columns: clean, degraded (blur level t), the severity encoder's estimate D(ẑ), the adaptive solver (its number of steps), the ${e.baseline.steps[0]}-step baseline from noise.`,
    chart: imageGridChart({ title: 'reconstructions', images, columns: columns.length }),
  };
}

export function trainingFigure(histories: Record<string, number[]>, steps: Record<string, number>): FigureResult {
  const points = Object.entries(histories).flatMap(([name, h]) => h.map((y, i) => ({ x: ((i + 1) * steps[name]) / h.length, y, group: name })));
  return {
    id: 'training',
    title: 'Training losses',
    caption: 'Mean training loss over windows of steps (log scale): autoencoder MSE, the severity encoder\'s full loss, the ε-network\'s MSE. Cached models show the curve of the run that trained them.',
    chart: seriesChart({ title: 'training loss', xTitle: 'Adam step', yTitle: 'loss', points: points.filter((q) => q.y > 0), mark: 'line', yLog: true }),
  };
}
