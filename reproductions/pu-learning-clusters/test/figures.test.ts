import test from 'ava';
import { render, schemaErrors } from '#harness/testing/charts';
import { accuracyVsDimensionFigure, embeddingFigure, methodAccuracyFigure } from '../figures.js';

test('the three extra figures are valid Vega-Lite and render; the codewords are drawn twice (legend colour and large diamond)', async (t) => {
  const e = 3;
  const Z = Float32Array.from({ length: 40 * e }, (_, k) => Math.sin(k) + (Math.floor(k / e) % 2 ? 2 : -2) * (k % e === 0 ? 1 : 0));
  const y = Uint8Array.from({ length: 40 }, (_, i) => i % 2);
  const figures = [
    embeddingFigure(Z, y, Float32Array.from([2, 0, 0, -2, 0, 0]), e, 0),
    accuracyVsDimensionFigure([{ seed: 0, x: [2, 50, 250, 1000], y: [0.84, 0.81, 0.7, 0.52] }, { seed: 1, x: [2, 50, 250, 1000], y: [0.85, 0.82, 0.73, 0.5] }], 1, 500),
    methodAccuracyFigure([{ label: 'a', values: [0.9, 0.92, 0.91] }, { label: 'b', values: [0.6, 0.7, 0.65] }]),
  ];
  t.deepEqual(figures.map((f) => f.id), ['embedding-projection', 'accuracy-vs-dimension', 'accuracy-per-method']);
  for (const f of figures) {
    t.is(schemaErrors(f.chart), null, f.id);
    const svg = await render(f.chart);
    t.true(svg.includes('<svg'), f.id);
  }
  const layers = figures[0].chart.layer as { data?: { values?: { series: string }[] } }[];
  t.deepEqual(layers[layers.length - 1].data?.values?.map((r) => r.series), ['codeword c_P', 'codeword c_N']);
});
