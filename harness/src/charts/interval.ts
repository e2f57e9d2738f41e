/**
 * One or more statistics with their confidence intervals (point + error bar) against a
 * threshold band: ratios, differences, bounds.
 */
import type { ChartSpec } from '../types.js';
import type { ChartBand } from './types.js';
import { type AxisOptions, bandLayers, baseSpec, isNum, numOrUndef, quantEnc, tipNum, tipText, uniqueLabels } from './encoders.js';

export interface IntervalItem {
  label: string;
  value: number;
  lo?: number;
  hi?: number;
}

export interface IntervalOptions {
  title: string;
  yTitle: string;
  items: IntervalItem[];
  band?: ChartBand;
}

export function intervalChart(o: IntervalOptions): ChartSpec {
  const items = (Array.isArray(o.items) ? o.items : []).filter((it) => it != null && isNum(it.value));
  const labels = uniqueLabels(items.map((it) => String(it.label ?? '')));
  const rows = items.map((it, i) => {
    const lo = numOrUndef(it.lo);
    const hi = numOrUndef(it.hi);
    return {
      label: labels[i],
      value: it.value,
      // Missing bounds are left out rather than written as null.
      ...(lo !== undefined ? { lo } : {}),
      ...(hi !== undefined ? { hi } : {}),
      // The bar runs over the interval; a one-sided bound runs to the point.
      barLo: Math.min(lo ?? it.value, hi ?? it.value, it.value),
      barHi: Math.max(lo ?? it.value, hi ?? it.value, it.value),
      hasBar: lo !== undefined || hi !== undefined,
    };
  });
  const bars = rows.filter((r) => r.hasBar).map(({ hasBar: _h, ...r }) => r);
  const points = rows.map(({ hasBar: _h, ...r }) => r);

  const y: AxisOptions = { title: o.yTitle };
  const x = {
    field: 'label',
    type: 'nominal',
    title: null,
    scale: { domain: labels },
    axis: { labelAngle: labels.length > 4 ? -30 : 0, labelLimit: 160 },
  };
  const tooltip = [tipText('label', 'statistic'), tipNum('value', 'value'), tipNum('lo', 'CI low'), tipNum('hi', 'CI high')];

  const layers: Record<string, unknown>[] = [...bandLayers(o.band, y)];
  if (bars.length > 0) {
    layers.push({
      data: { values: bars },
      mark: { type: 'rule', strokeWidth: 2, color: '#4c78a8' },
      encoding: { x, y: quantEnc('barLo', y), y2: { field: 'barHi' }, tooltip },
    });
    layers.push({
      data: { values: bars.flatMap((b) => [{ ...b, end: b.barLo }, { ...b, end: b.barHi }]) },
      mark: { type: 'tick', thickness: 2, size: 14, color: '#4c78a8' },
      encoding: { x, y: quantEnc('end', y), tooltip },
    });
  }
  layers.push({
    data: { values: points },
    mark: { type: 'point', filled: true, size: 90, color: '#1f3b5c', opacity: 1 },
    encoding: { x, y: quantEnc('value', y), tooltip },
  });
  return { ...baseSpec({ title: o.title, kind: 'interval' }), layer: layers };
}
