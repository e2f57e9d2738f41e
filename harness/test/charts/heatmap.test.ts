import test from 'ava';
import { heatmapChart } from '../../src/charts/index.js';
import { assertValidChart, countMarks } from './helpers.js';

test('numeric grid: one rect per finite cell, axes sorted, y ascending upwards', async (t) => {
  const cells = [64, 16, 32].flatMap((w) => [4, 1, 2].map((d) => ({ x: w, y: d, value: w / d })));
  cells.push({ x: 128, y: 8, value: Number.NaN });
  const spec = heatmapChart({ title: 'phase', xTitle: 'width', yTitle: 'depth', colorTitle: 'loss', cells });
  const svg = await assertValidChart(t, spec);
  t.is(countMarks(svg, 'rect'), 9);
  const enc = spec.encoding as { x: { scale: { domain: unknown[] } }; y: { scale: { domain: unknown[] } } };
  t.deepEqual(enc.x.scale.domain, [16, 32, 64]);
  t.deepEqual(enc.y.scale.domain, [4, 2, 1]);
  t.regex(svg, /role-legend/);
});

test('string keys work too', async (t) => {
  const spec = heatmapChart({
    title: 'h',
    xTitle: 'optimizer',
    yTitle: 'task',
    colorTitle: 'acc',
    cells: [
      { x: 'adam', y: 'mnist', value: 0.98 },
      { x: 'sgd', y: 'mnist', value: 0.97 },
      { x: 'adam', y: 'cifar', value: 0.8 },
    ],
  });
  const svg = await assertValidChart(t, spec);
  t.is(countMarks(svg, 'rect'), 3);
});
