import test from 'ava';
import { perSeedChart } from '../../src/charts/index.js';
import { assertValidChart, countMarks, dataRows, fieldEncoding } from './helpers.js';

test('points per seed, mean rule and band; seeds in numeric order', async (t) => {
  const spec = perSeedChart({
    title: 'exponent per seed',
    yTitle: 'exponent',
    values: [
      { seed: 10, value: -1.05 },
      { seed: 2, value: -0.95 },
      { seed: 1, value: -1.0 },
      { seed: 3, value: Number.NaN },
    ],
    band: { lo: -1.1, hi: -0.9, label: 'in [-1.1, -0.9]' },
  });
  const svg = await assertValidChart(t, spec);
  t.is(countMarks(svg, 'symbol'), 3);
  t.true(countMarks(svg, 'rule') >= 3, 'mean + two band bounds');
  t.deepEqual(fieldEncoding(spec, 'x').scale.domain, ['1', '2', '10']);
  t.false(JSON.stringify(dataRows(spec)).includes('null'));
});

test('no values: renders an empty frame', async (t) => {
  await assertValidChart(t, perSeedChart({ title: 't', yTitle: 'y', values: [] }));
});
