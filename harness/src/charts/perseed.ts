/** A statistic computed seed by seed, as points, with its mean and the threshold band. */
import type { ChartSpec } from '../types.js';
import type { ChartBand } from './types.js';
import { type AxisOptions, bandLayers, baseSpec, isNum, quantEnc, tipNum, tipText } from './encoders.js';

export interface PerSeedOptions {
  title: string;
  yTitle: string;
  values: { seed: number; value: number }[];
  band?: ChartBand;
}

export function perSeedChart(o: PerSeedOptions): ChartSpec {
  const values = (Array.isArray(o.values) ? o.values : []).filter((v) => v != null && isNum(v.value));
  const rows = values.map((v) => ({ seed: String(v.seed), seedNum: Number(v.seed), value: v.value }));
  rows.sort((a, b) => (isNum(a.seedNum) && isNum(b.seedNum) ? a.seedNum - b.seedNum : a.seed.localeCompare(b.seed)));
  const seeds = [...new Set(rows.map((r) => r.seed))];
  const y: AxisOptions = { title: o.yTitle };
  const x = { field: 'seed', type: 'ordinal', title: 'seed', scale: { domain: seeds }, axis: { labelAngle: 0 } };
  const layers: Record<string, unknown>[] = [...bandLayers(o.band, y)];
  if (rows.length > 0) {
    const mean = rows.reduce((s, r) => s + r.value, 0) / rows.length;
    layers.push({
      data: { values: [{ mean, label: `mean of ${rows.length} seeds` }] },
      mark: { type: 'rule', color: '#555', strokeDash: [2, 2] },
      encoding: { y: quantEnc('mean', y), tooltip: [tipText('label', 'summary'), tipNum('mean', 'value')] },
    });
  }
  layers.push({
    data: { values: rows.map(({ seedNum: _s, ...r }) => r) },
    mark: { type: 'point', filled: true, size: 70, color: '#4c78a8', opacity: 0.9 },
    encoding: { x, y: quantEnc('value', y), tooltip: [tipText('seed', 'seed'), tipNum('value', o.yTitle)] },
  });
  return { ...baseSpec({ title: o.title, kind: 'per-seed' }), layer: layers };
}
