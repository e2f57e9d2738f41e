import test from 'ava';
import { LEGEND_ENTRY_LIMIT, MAX_POINTS_PER_GROUP, seriesChart, type XY } from '../../src/charts/index.js';
import { assertValidChart, countMarks, dataRows, fieldEncoding, schemaErrors } from './helpers.js';

const curve = (group: string, n: number, f: (x: number) => number): XY[] =>
  Array.from({ length: n }, (_, i) => ({ x: i + 1, y: f(i + 1), group }));

test('points per group with fit, references, band and window: valid, renders', async (t) => {
  const spec = seriesChart({
    title: 'loss vs size',
    xTitle: 'parameters',
    yTitle: 'loss',
    points: [...curve('seed 1', 40, (x) => 2 / x), ...curve('seed 2', 40, (x) => 2.1 / x)],
    fit: { label: 'fit', points: [{ x: 1, y: 2 }, { x: 40, y: 0.05 }] },
    references: [{ label: 'slope -1', points: [{ x: 1, y: 3 }, { x: 40, y: 0.075 }] }],
    band: { lo: 0.1, hi: 0.5, label: 'target' },
    xWindow: [5, 30],
  });
  const svg = await assertValidChart(t, spec);
  t.is(spec.width, 420);
  t.truthy((spec.title as { text: string }).text === 'loss vs size');
  t.true(countMarks(svg, 'symbol') >= 80, 'every data point drawn');
  t.true(countMarks(svg, 'line') >= 2, 'fit and reference lines drawn');
  t.true(countMarks(svg, 'rect') >= 2, 'band and window drawn');
  t.regex(svg, /parameters/);
  t.regex(svg, /loss/);
  // Tooltips on the data marks.
  const layers = spec.layer as { mark: unknown; encoding?: { tooltip?: unknown[] } }[];
  t.true(layers.filter((l) => Array.isArray(l.encoding?.tooltip)).length >= 3);
  // Legend: groups, then the fit, then references.
  t.deepEqual(fieldEncoding(spec, 'color').scale.domain, ['seed 1', 'seed 2', 'fit', 'slope -1']);
});

test('lines on log axes drop non-positive and non-finite values', async (t) => {
  const points: XY[] = [
    ...curve('a', 30, (x) => x ** -0.5),
    { x: 0, y: 1, group: 'a' },
    { x: 2, y: 0, group: 'a' },
    { x: 3, y: -1, group: 'a' },
    { x: Number.NaN, y: 1, group: 'a' },
    { x: 4, y: Number.POSITIVE_INFINITY, group: 'a' },
  ];
  const spec = seriesChart({
    title: 'log-log',
    xTitle: 'x',
    yTitle: 'y',
    points,
    mark: 'line',
    xLog: true,
    yLog: true,
    fit: { label: 'fit', points: [{ x: -1, y: 1 }, { x: 1, y: 1 }, { x: 30, y: 0.18 }] },
    band: { lo: -1, hi: 0.5, label: 'lower bound dropped on a log axis' },
    xWindow: [0, 10],
  });
  const svg = await assertValidChart(t, spec);
  for (const rows of dataRows(spec)) {
    for (const r of rows) {
      for (const k of ['x', 'y', 'lo', 'hi', 'value', 'start', 'end']) {
        if (k in r) t.true(Number.isFinite(r[k] as number) && (r[k] as number) > 0, `${k}=${String(r[k])} kept on a log axis`);
      }
    }
  }
  t.true(countMarks(svg, 'line') >= 2);
  t.notRegex(svg, /NaN|Infinity/);
  // A log axis gets round tick values.
  const xEnc = fieldEncoding(spec, 'x');
  t.is(xEnc.scale.type, 'log');
  t.deepEqual(xEnc.axis?.values?.slice(0, 3), [1, 2, 5]);
});

test('each group is subsampled to at most 300 points, keeping first and last', async (t) => {
  const big = [...curve('seed 1', 5000, (x) => Math.sin(x / 100)), ...curve('seed 2', 1000, (x) => Math.cos(x / 100))];
  const spec = seriesChart({ title: 'big', xTitle: 'step', yTitle: 'value', points: big, mark: 'line' });
  t.is(schemaErrors(spec), null);
  const rows = dataRows(spec).flat() as { x: number; series: string }[];
  for (const g of ['seed 1', 'seed 2']) {
    const xs = rows.filter((r) => r.series === g).map((r) => r.x);
    t.true(xs.length <= MAX_POINTS_PER_GROUP && xs.length > 250, `${g}: ${xs.length} points`);
    t.is(xs[0], 1);
    t.is(xs[xs.length - 1], g === 'seed 1' ? 5000 : 1000);
  }
  t.true(JSON.stringify(spec).length < 60_000);
});

test('no group: single series, no legend; point mark default', async (t) => {
  const spec = seriesChart({ title: 't', xTitle: 'x', yTitle: 'y', points: [{ x: 1, y: 1 }, { x: 2, y: 4 }] });
  const svg = await assertValidChart(t, spec);
  t.is(countMarks(svg, 'symbol'), 2);
  t.notRegex(svg, /role-legend/);
});

test('one-sided band draws a single rule; empty data still renders', async (t) => {
  const lo = seriesChart({ title: 't', xTitle: 'x', yTitle: 'y', points: [], band: { lo: 0.9, label: '≥ 0.9' } });
  const svg = await assertValidChart(t, lo);
  t.is(countMarks(svg, 'rule'), 1);
  t.is(countMarks(svg, 'rect'), 0);
  const none = seriesChart({ title: 't', xTitle: 'x', yTitle: 'y', points: [{ x: 1, y: 1 }], band: { lo: Number.NaN, label: 'nothing' } });
  t.is(schemaErrors(none), null);
  t.is((none.layer as unknown[]).length, 1, 'a band without finite bounds is dropped');
});

test('legend labels stay unique when the fit reuses a group name', (t) => {
  const spec = seriesChart({
    title: 't',
    xTitle: 'x',
    yTitle: 'y',
    points: [{ x: 1, y: 1, group: 'fit' }],
    fit: { label: 'fit', points: [{ x: 1, y: 1 }, { x: 2, y: 2 }] },
    references: [{ label: 'fit', points: [{ x: 1, y: 2 }] }],
  });
  t.is(schemaErrors(spec), null);
  const domain = fieldEncoding(spec, 'color').scale.domain;
  t.deepEqual(domain, ['fit', 'fit (2)', 'fit (3)']);
});

test('one line per seed: the legend lists the fit first and caps the groups, the scale keeps them all', async (t) => {
  const seeds = Array.from({ length: 30 }, (_, s) => curve(`seed ${s}`, 5, (x) => x + s)).flat();
  const spec = seriesChart({ title: 't', xTitle: 'x', yTitle: 'y', points: seeds, mark: 'line', fit: { label: 'fit', points: [{ x: 1, y: 1 }, { x: 5, y: 5 }] } });
  const svg = await assertValidChart(t, spec);
  const color = fieldEncoding(spec, 'color') as unknown as { scale: { domain: string[] }; legend: { values: string[]; title: string } };
  t.is(color.scale.domain.length, 31, 'every group keeps its colour');
  t.is(color.legend.values.length, LEGEND_ENTRY_LIMIT);
  t.is(color.legend.values[0], 'fit');
  t.is(color.legend.title, '9 of 30 shown');
  t.regex(svg, /role-legend/);
  t.is(svg.match(/role-legend-label/g)?.length, LEGEND_ENTRY_LIMIT, 'groups past the cap are not listed');
});
