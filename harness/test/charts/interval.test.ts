import test from 'ava';
import { intervalChart } from '../../src/charts/index.js';
import { assertValidChart, countMarks, dataRows, fieldEncoding } from './helpers.js';

test('statistics with two-sided, one-sided and no intervals against a band', async (t) => {
  const spec = intervalChart({
    title: 'ratios',
    yTitle: 'ratio',
    items: [
      { label: 'large / small', value: 1.9, lo: 1.2, hi: 2.6 },
      { label: 'lower bound only', value: 2.2, lo: 1.7 },
      { label: 'no interval', value: 1.1 },
      { label: 'dropped', value: Number.NaN, lo: 0, hi: 1 },
      { label: 'bad bounds', value: 1.4, lo: Number.NEGATIVE_INFINITY, hi: Number.NaN },
    ],
    band: { lo: 1.5, hi: 2.5, label: 'in [1.5, 2.5]' },
  });
  const svg = await assertValidChart(t, spec);
  t.is(countMarks(svg, 'symbol'), 4, 'one point per finite statistic');
  t.true(countMarks(svg, 'rule') >= 2 + 2, 'two interval bars plus the band bounds');
  t.regex(svg, /mark-rect role-mark layer_0_marks/, 'band drawn first, under the data');
  const json = JSON.stringify(spec);
  t.false(json.includes('dropped'));
  t.false(/NaN|Infinity/.test(json));
  const labels = fieldEncoding(spec, 'x').scale.domain;
  t.deepEqual(labels, ['large / small', 'lower bound only', 'no interval', 'bad bounds']);
  t.truthy(dataRows(spec).length >= 3);
});

test('duplicate labels are made unique; a single bound band is a rule', async (t) => {
  const spec = intervalChart({
    title: 'diffs',
    yTitle: 'difference',
    items: [
      { label: 'a', value: 0.1, lo: -0.1, hi: 0.3 },
      { label: 'a', value: 0.2, lo: 0.0, hi: 0.4 },
    ],
    band: { hi: 0, label: '≤ 0' },
  });
  const svg = await assertValidChart(t, spec);
  t.notRegex(svg, /mark-rect role-mark layer_0_marks/, 'no shaded band for a single bound');
  t.is(countMarks(svg, 'rule'), 2 + 1, 'two interval bars and one threshold rule');
  t.regex(svg, /a \(2\)/);
});

test('no items still renders', async (t) => {
  await assertValidChart(t, intervalChart({ title: 'empty', yTitle: 'y', items: [] }));
});
