/** The report's extra figures: cost against image size, receptive-field maps, restored images. */
import { heatmapChart, imageGridChart, seriesChart, type XY } from '#harness/charts';
import type { FigureResult } from '#harness/types';

type Curve = { x: number; y: number; group?: string }[];

const LABEL = { serpent: 'SerpentLite (proxy)', attention: 'attention baseline' } as const;

/** A reference line of slope k on log-log axes through (x0, y0), over [x0, x1]. */
function slopeLine(x0: number, y0: number, x1: number, k: number): XY[] {
  return [{ x: x0, y: y0 }, { x: x1, y: y0 * (x1 / x0) ** k }];
}

/** Cost vs pixels for both models, log-log, with slope-1 and slope-2 references. */
export function costFigure(id: string, title: string, yTitle: string, curves: Record<'serpent' | 'attention', Curve>): FigureResult {
  const points = (['serpent', 'attention'] as const).flatMap((key) =>
    curves[key].map((c) => ({ x: c.x, y: c.y, group: c.group ? `${LABEL[key]}, ${c.group}` : LABEL[key] })));
  const xs = points.map((q) => q.x);
  const [xMin, xMax] = [Math.min(...xs), Math.max(...xs)];
  const first = (key: 'serpent' | 'attention') => curves[key].reduce((a, b) => (b.x < a.x ? b : a), curves[key][0]);
  const references = [];
  if (curves.serpent.length) references.push({ label: 'slope 1 (linear)', points: slopeLine(first('serpent').x, first('serpent').y, xMax, 1) });
  if (curves.attention.length) references.push({ label: 'slope 2 (quadratic)', points: slopeLine(first('attention').x, first('attention').y, xMax, 2) });
  return {
    id: `cost-${id}`,
    title,
    caption: `log-log against the number of pixels (side²), x from ${xMin} to ${xMax}. Measurements of the proxy models of this reproduction, not of Serpent.`,
    chart: seriesChart({ title, xTitle: 'pixels (side²)', yTitle, points, mark: 'line', xLog: true, yLog: true, references }),
  };
}

/** log10 of |∂y_centre/∂x| relative to its maximum, floored at −12, drawn as an image (row 0 on top). */
export function receptiveFieldFigure(id: string, title: string, gradient: ArrayLike<number>, side: number): FigureResult {
  let max = 0;
  for (let i = 0; i < gradient.length; i++) max = Math.max(max, Math.abs(gradient[i]));
  const cells = Array.from({ length: side * side }, (_, i) => ({
    x: i % side,
    y: side - 1 - Math.floor(i / side),
    value: Math.log10(Math.max(Math.abs(gradient[i]) / max, 1e-12)),
  }));
  return {
    id,
    title,
    caption: 'Each cell is an input pixel; colour is log10(|∂y_centre/∂x| / max) (−12 where the gradient is exactly 0). The claim counts pixels above 1e-6·max (−6).',
    chart: heatmapChart({ title, xTitle: 'column', yTitle: 'row (from the bottom)', colorTitle: 'log10 |∂y/∂x| / max', cells }),
  };
}

export function restorationFigure(id: string, title: string, rows: { label: string; images: ArrayLike<number>[] }[], side: number, seed: number): FigureResult {
  const clip = (v: number) => Math.min(1, Math.max(0, v));
  const images = rows[0].images.flatMap((_, i) => rows.map((r) => ({ label: `${r.label} ${i + 1}`, width: side, height: side, pixels: Array.from(r.images[i], clip) })));
  return {
    id,
    title,
    caption: `Columns: ${rows.map((r) => r.label).join(', ')}; one test image per row (seed ${seed}, values clipped to [0, 1]).`,
    chart: imageGridChart({ title, images, columns: rows.length }),
  };
}

export function psnrFigure(id: string, title: string, points: { x: number; y: number; group: string }[]): FigureResult {
  return {
    id,
    title,
    caption: 'PSNR (dB, peak 1) of each seed\'s whole test set, from the mean squared error over its pixels.',
    chart: seriesChart({ title, xTitle: 'seed', yTitle: 'PSNR (dB)', points, mark: 'point' }),
  };
}
