import test from 'ava';
import { pairedChart } from '../../src/charts/index.js';
import { finalLossSlopegraph } from '../fixtures/charts.js';
import { assertValidChart, countMarks, dataRows } from './helpers.js';

test('slopegraph: one line per seed joining the two runs', async (t) => {
  const spec = finalLossSlopegraph([
    { seed: 1, a: 0.52, b: 0.5 },
    { seed: 2, a: 0.49, b: 0.53 },
    { seed: 3, a: 0.5, b: 0.5 },
    { seed: 4, a: Number.NaN, b: 0.5 },
  ]);
  const svg = await assertValidChart(t, spec);
  t.is(countMarks(svg, 'line'), 3, 'three complete pairs');
  t.is((svg.match(/aria-roledescription="point"/g) ?? []).length, 6, 'one point per run and seed');
  const rows = dataRows(spec)[0] as { seed: string; side: string; diff: number; direction: string }[];
  t.is(rows.length, 6);
  t.deepEqual([...new Set(rows.map((r) => r.side))], ['adam', 'sgd']);
  t.is(rows.find((r) => r.seed === '2')!.direction, 'second higher');
  t.regex(svg, /adam/);
});

test('identical labels are disambiguated', async (t) => {
  const spec = pairedChart({ title: 't', yTitle: 'y', labels: ['run', 'run'], pairs: [{ seed: 1, a: 1, b: 2 }] });
  const svg = await assertValidChart(t, spec);
  t.regex(svg, /run \(2\)/);
});
