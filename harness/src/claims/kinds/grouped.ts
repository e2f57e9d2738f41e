/** Shared by the trend kinds: a series of (parameter, metric) points grouped by parameter value. */
import { seriesChart } from '../../charts/index.js';
import type { SeriesData } from '../../record/recorder.js';
import { curvePoints } from '../summarize.js';
import { meanOfValid } from '../../stats/descriptive.js';

/** `mean` is NaN when any value at that x is not finite: the caller decides what that means. */
export interface Group { x: number; values: { seed: number; y: number }[]; mean: number }

export function groupByX(curves: readonly SeriesData[]): Group[] {
  const groups = new Map<number, { seed: number; y: number }[]>();
  for (const c of curves) {
    c.x.forEach((x, i) => {
      const list = groups.get(x) ?? [];
      list.push({ seed: c.seed ?? 0, y: c.y[i] });
      groups.set(x, list);
    });
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([x, values]) => ({ x, values, mean: values.every((v) => Number.isFinite(v.y)) ? meanOfValid(values.map((v) => v.y)) : Number.NaN }));
}

/** The trend kinds' chart: every seed's points against the parameter, with the mean over seeds. */
export function trendChart(series: string, curves: readonly SeriesData[], groups: readonly Group[], options: { xTitle?: string; yTitle?: string; xLog?: boolean }) {
  return seriesChart({
    title: `${series} vs parameter`,
    xTitle: options.xTitle ?? 'x',
    yTitle: options.yTitle ?? series,
    points: curvePoints(curves),
    mark: 'point',
    xLog: options.xLog,
    fit: { label: 'mean over seeds', points: groups.filter((g) => Number.isFinite(g.mean)).map((g) => ({ x: g.x, y: g.mean })) },
  });
}
