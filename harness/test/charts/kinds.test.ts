import test from 'ava';
import { chartKind, heatmapChart, imageGridChart, intervalChart, pairedChart, perSeedChart, seriesChart } from '../../src/charts/index.js';

test('every builder records its kind in the spec description', (t) => {
  t.is(chartKind(seriesChart({ title: 't', xTitle: 'x', yTitle: 'y', points: [] })), 'series');
  t.is(chartKind(intervalChart({ title: 't', yTitle: 'y', items: [] })), 'interval');
  t.is(chartKind(pairedChart({ title: 't', yTitle: 'y', labels: ['a', 'b'], pairs: [] })), 'paired');
  t.is(chartKind(perSeedChart({ title: 't', yTitle: 'y', values: [] })), 'per-seed');
  t.is(chartKind(heatmapChart({ title: 't', xTitle: 'x', yTitle: 'y', colorTitle: 'c', cells: [] })), 'heatmap');
  t.is(chartKind(imageGridChart({ title: 't', images: [] })), 'image-grid');
  t.is(chartKind({ description: 'something else' }), null);
  t.is(chartKind(null), null);
});
