/** A value over a grid of two parameters (e.g. a phase transition). */
import type { ChartSpec } from '../types.js';
import { NUM_FORMAT, baseSpec, isNum } from './encoders.js';

export interface HeatmapOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  colorTitle: string;
  cells: { x: number | string; y: number | string; value: number }[];
}

/** Distinct keys in ascending order (numbers numerically, then strings). */
function sortedKeys(keys: (number | string)[]): (number | string)[] {
  const uniq = [...new Set(keys)];
  return uniq.sort((a, b) => {
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    if (typeof a === 'number') return -1;
    if (typeof b === 'number') return 1;
    return a.localeCompare(b, undefined, { numeric: true });
  });
}

const okKey = (k: unknown): k is number | string => (typeof k === 'number' && Number.isFinite(k)) || typeof k === 'string';

export function heatmapChart(o: HeatmapOptions): ChartSpec {
  const cells = (Array.isArray(o.cells) ? o.cells : []).filter(
    (c) => c != null && okKey(c.x) && okKey(c.y) && isNum(c.value),
  );
  const xs = sortedKeys(cells.map((c) => c.x));
  // Smallest y at the bottom, as on a numeric axis.
  const ys = sortedKeys(cells.map((c) => c.y)).reverse();
  const tooltip = [
    { field: 'x', type: 'ordinal', title: String(o.xTitle) },
    { field: 'y', type: 'ordinal', title: String(o.yTitle) },
    { field: 'value', type: 'quantitative', title: String(o.colorTitle), format: NUM_FORMAT },
  ];
  return {
    ...baseSpec({ title: o.title, kind: 'heatmap' }),
    data: { values: cells.map((c) => ({ x: c.x, y: c.y, value: c.value })) },
    mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      x: { field: 'x', type: 'ordinal', title: String(o.xTitle), scale: { domain: xs }, axis: { labelAngle: xs.length > 12 ? -45 : 0 } },
      y: { field: 'y', type: 'ordinal', title: String(o.yTitle), scale: { domain: ys } },
      color: {
        field: 'value',
        type: 'quantitative',
        title: String(o.colorTitle),
        scale: { scheme: 'viridis' },
      },
      tooltip,
    },
  };
}
