/** The extra figures of the report (ctx.record.figure): each builds one chart from recorded numbers. */
import { intervalChart, seriesChart, type XY } from '#harness/charts';
import { symmetricEigen, matrix } from '#harness/linalg';
import { mean, meanCI } from '#harness/stats';
import type { SeriesData } from '#harness';
import type { ChartSpec, FigureResult } from '#harness/types';
import { bayesAccuracy, pcaClusteringAccuracy } from './closed-forms.js';

/** D2: every trial's accuracy at each d, the BBP closed form on a fine grid of d, and the Bayes accuracy. */
export function accuracyVsDimensionFigure(curves: readonly SeriesData[], muNorm: number, n: number): FigureResult {
  const points: XY[] = curves.flatMap((c) => c.x.map((x, i) => ({ x, y: c.y[i], group: 'PCA-sign clustering (one point per trial)' })));
  const grid = Array.from({ length: 61 }, (_, i) => 10 ** (0.3 + (i * (3.3 - 0.3)) / 60));
  return {
    id: 'accuracy-vs-dimension',
    title: 'D2: clustering accuracy against dimension, with the closed form',
    caption: `x = yμ + g, ||μ|| = ${muNorm}, n = ${n} unlabelled points; the dashed curve is Φ(||μ||ρ) with the BBP overlap ρ² = (1 − c/ℓ²)/(1 + c/ℓ), c = d/n, ℓ = ||μ||², and ρ = 0 once d/n ≥ ℓ² (the BBP transition); the flat line is the Bayes accuracy Φ(||μ||).`,
    chart: seriesChart({
      title: 'PCA-sign clustering accuracy vs d',
      xTitle: 'dimension d',
      yTitle: 'clustering accuracy',
      xLog: true,
      mark: 'point',
      points,
      references: [
        { label: 'closed form Φ(||μ||ρ)', points: grid.map((d) => ({ x: d, y: pcaClusteringAccuracy(muNorm, d, n) })) },
        { label: 'Bayes accuracy Φ(||μ||)', points: grid.map((d) => ({ x: d, y: bayesAccuracy(muNorm) })) },
      ],
    }),
  };
}

/** D1: mean test accuracy of every method over seeds with its 95% t interval. */
export function methodAccuracyFigure(perMethod: { label: string; values: number[] }[]): FigureResult {
  return {
    id: 'accuracy-per-method',
    title: 'D1: test accuracy per method (mean over seeds, 95% t interval)',
    caption: 'Even vs odd 8x8 digits, the labelled positives and the held-out test set drawn per seed. The paired differences that the claims decide are in the claims\' own charts.',
    chart: intervalChart({
      title: 'test accuracy per method',
      yTitle: 'test accuracy',
      items: perMethod.map(({ label, values }) => {
        const ci = meanCI(values);
        return { label, value: mean(values), lo: ci.lo, hi: ci.hi };
      }),
    }),
  };
}

/**
 * D1: the proxy's test embeddings (dimension e) and its two codewords, projected on the top two
 * principal axes of the embeddings, coloured by the true class.
 */
export function embeddingFigure(Z: Float32Array, y: Uint8Array, codebook: Float32Array, e: number, seed: number): FigureResult {
  const n = y.length;
  const centre = new Float64Array(e);
  for (let i = 0; i < n; i++) for (let j = 0; j < e; j++) centre[j] += Z[i * e + j] / n;
  const cov = matrix(e, e);
  for (let i = 0; i < n; i++) for (let a = 0; a < e; a++) for (let b = 0; b < e; b++) cov.data[a * e + b] += ((Z[i * e + a] - centre[a]) * (Z[i * e + b] - centre[b])) / n;
  const { vectors } = symmetricEigen(cov);
  // Eigenvalues ascend: the last two columns are the top two axes.
  const axis = (k: number) => Float64Array.from({ length: e }, (_, j) => vectors.data[j * e + (e - 1 - k)]);
  const [u, v] = [axis(0), axis(1)];
  const project = (row: ArrayLike<number>, offset: number, group: string): XY => {
    let x = 0;
    let w = 0;
    for (let j = 0; j < e; j++) {
      x += (row[offset + j] - centre[j]) * u[j];
      w += (row[offset + j] - centre[j]) * v[j];
    }
    return { x, y: w, group };
  };
  const points: XY[] = [];
  for (let i = 0; i < n; i++) points.push(project(Z, i * e, y[i] ? 'positive (even digit)' : 'negative (odd digit)'));
  const codewords = [project(codebook, 0, 'codeword c_P'), project(codebook, e, 'codeword c_N')];
  const chart = seriesChart({ title: 'learned embeddings (PCA to 2-D)', xTitle: 'principal axis 1', yTitle: 'principal axis 2', mark: 'point', points: [...points, ...codewords] });
  return {
    id: 'embedding-projection',
    title: `D1: the proxy's test embeddings and its two codewords (seed ${seed})`,
    caption: `The ${e}-dimensional embeddings of the held-out digits, projected on their top two principal axes; the two large outlined diamonds are the codewords. A test digit is predicted positive when it is nearer c_P.`,
    chart: withLargeMarks(chart, codewords),
  };
}

/** Redraw some rows of a seriesChart on top as large outlined diamonds (same colour scale), so they stand out of a dense cloud. */
function withLargeMarks(chart: ChartSpec, rows: XY[]): ChartSpec {
  const layers = (chart.layer as Record<string, unknown>[] | undefined) ?? [];
  const dataLayer = layers.find((l) => (l.mark as { type?: string } | undefined)?.type === 'point');
  if (!dataLayer) return chart;
  return {
    ...chart,
    layer: [...layers, {
      data: { values: rows.map((r) => ({ x: r.x, y: r.y, series: r.group })) },
      mark: { type: 'point', shape: 'diamond', filled: true, size: 320, opacity: 1, stroke: 'black', strokeWidth: 1.5 },
      encoding: dataLayer.encoding,
    }],
  };
}
