/** Per-seed paired values: two columns joined by one line per seed (a slopegraph). */
import type { ChartSpec } from '../types.js';
import { type AxisOptions, baseSpec, isNum, quantEnc, tipNum, tipText, uniqueLabels } from './encoders.js';

export interface PairedOptions {
  title: string;
  yTitle: string;
  labels: [string, string];
  pairs: { seed: number; a: number; b: number }[];
}

const UP = 'second higher';
const DOWN = 'second lower';
const SAME = 'equal';

export function pairedChart(o: PairedOptions): ChartSpec {
  const [la, lb] = uniqueLabels([String(o.labels?.[0] ?? 'a'), String(o.labels?.[1] ?? 'b')]);
  const pairs = (Array.isArray(o.pairs) ? o.pairs : []).filter((p) => p != null && isNum(p.a) && isNum(p.b));
  const rows = pairs.flatMap((p) => {
    const diff = p.b - p.a;
    const direction = diff > 0 ? UP : diff < 0 ? DOWN : SAME;
    const seed = String(p.seed);
    return [
      { seed, side: la, value: p.a, diff, direction },
      { seed, side: lb, value: p.b, diff, direction },
    ];
  });
  const y: AxisOptions = { title: o.yTitle };
  const x = { field: 'side', type: 'nominal', title: null, scale: { domain: [la, lb], padding: 0.4 }, axis: { labelAngle: 0 } };
  const color = {
    field: 'direction',
    type: 'nominal',
    title: `${lb} vs ${la}`,
    scale: { domain: [UP, DOWN, SAME], range: ['#4c78a8', '#e45756', '#9e9e9e'] },
  };
  const tooltip = [tipText('seed', 'seed'), tipText('side', 'run'), tipNum('value', o.yTitle), tipNum('diff', `${lb} − ${la}`)];
  return {
    ...baseSpec({ title: o.title, kind: 'paired' }),
    data: { values: rows },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 1.5, opacity: 0.8 },
        encoding: { x, y: quantEnc('value', y), color, detail: { field: 'seed', type: 'nominal' }, tooltip },
      },
      {
        mark: { type: 'point', filled: true, size: 45 },
        encoding: { x, y: quantEnc('value', y), color, tooltip },
      },
    ],
  };
}
