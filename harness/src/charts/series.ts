/**
 * Data against a control variable: points or one line per group, with an optional fitted
 * line, reference curves, a horizontal threshold band and a shaded fit window.
 */
import type { ChartSpec } from '../types.js';
import type { ChartBand, XY } from './types.js';
import {
  FIT_COLOR,
  PALETTE,
  REFERENCE_COLORS,
  type AxisOptions,
  bandLayers,
  baseSpec,
  cleanBand,
  groupBy,
  isNum,
  logTicks,
  quantEnc,
  subsample,
  tipNum,
  tipText,
  xWindowLayer,
} from './encoders.js';

export interface SeriesOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  points: XY[];
  mark?: 'line' | 'point';
  xLog?: boolean;
  yLog?: boolean;
  fit?: { points: XY[]; label: string };
  references?: { points: XY[]; label: string }[];
  band?: ChartBand;
  /** Shaded x-range, e.g. the window a fit was computed on. */
  xWindow?: [number, number];
}

/** Rows in the chart: `series` is the legend entry. */
interface Row {
  x: number;
  y: number;
  series: string;
}

/** Above this many data rows a line chart gets no invisible hover points. */
const HOVER_POINT_LIMIT = 400;
/** Above this many data rows, marks carry no per-item ARIA label (keeps the SVG small). */
const ARIA_ITEM_LIMIT = 200;
const DEFAULT_SERIES = 'data';
/**
 * Past this many legend entries (a chart of one line per seed) the legend lists the fit and the
 * references and the first data groups only: a 30-row legend made a chart taller than its plot and
 * a page past the report's height bound, and the tooltip names every group anyway.
 */
export const LEGEND_ENTRY_LIMIT = 10;

function cleanPoints(points: readonly XY[] | undefined, xLog: boolean, yLog: boolean): XY[] {
  if (!Array.isArray(points)) return [];
  return points.filter(
    (p) => p != null && isNum(p.x) && isNum(p.y) && (!xLog || p.x > 0) && (!yLog || p.y > 0),
  );
}

function rows(points: readonly XY[], series: string): Row[] {
  return subsample(points).map((p) => ({ x: p.x, y: p.y, series }));
}

export function seriesChart(o: SeriesOptions): ChartSpec {
  const xLog = !!o.xLog;
  const yLog = !!o.yLog;
  const x: AxisOptions = { title: o.xTitle, log: xLog };
  const y: AxisOptions = { title: o.yTitle, log: yLog };

  // Data, one subsampled block per group.
  const groups = groupBy(cleanPoints(o.points, xLog, yLog), (p) =>
    p.group === undefined || p.group === null ? DEFAULT_SERIES : String(p.group),
  );
  const groupNames = [...groups.keys()];
  const data: Row[] = [];
  for (const [name, pts] of groups) data.push(...rows(pts, name));

  // Legend entries must be unique across data, fit and references.
  const taken = new Set(groupNames);
  const claim = (label: string): string => {
    let name = String(label ?? '');
    for (let k = 2; taken.has(name); k++) name = `${label} (${k})`;
    taken.add(name);
    return name;
  };

  const domain = [...groupNames];
  const range = groupNames.map((_, i) => PALETTE[i % PALETTE.length]);

  let fitRows: Row[] = [];
  if (o.fit) {
    const pts = cleanPoints(o.fit.points, xLog, yLog);
    if (pts.length > 0) {
      const name = claim(o.fit.label);
      fitRows = rows(pts, name);
      domain.push(name);
      range.push(FIT_COLOR);
    }
  }
  const refBlocks: Row[][] = [];
  for (const ref of o.references ?? []) {
    const pts = cleanPoints(ref?.points, xLog, yLog);
    if (pts.length === 0) continue;
    const name = claim(ref.label);
    refBlocks.push(rows(pts, name));
    domain.push(name);
    range.push(REFERENCE_COLORS[(refBlocks.length - 1) % REFERENCE_COLORS.length]);
  }

  // Log axes: ticks at round values only (vega labels every minor tick otherwise).
  const plotted = [...data, ...fitRows, ...refBlocks.flat()];
  const band = cleanBand(o.band, yLog);
  if (xLog) {
    const win = Array.isArray(o.xWindow) ? o.xWindow.filter((v) => isNum(v) && v > 0) : [];
    const ticks = logTicks([...plotted.map((r) => r.x), ...win]);
    if (ticks) x.axis = { values: ticks, format: '~g' };
  }
  if (yLog) {
    const ticks = logTicks([...plotted.map((r) => r.y), ...(band ? [band.lo, band.hi].filter(isNum) : [])]);
    if (ticks) y.axis = { values: ticks, format: '~g' };
  }

  const showLegend = domain.length > 1 || (domain.length === 1 && domain[0] !== DEFAULT_SERIES);
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    scale: { domain, range },
    ...(showLegend ? (domain.length > LEGEND_ENTRY_LIMIT ? { legend: cappedLegend(domain, groupNames.length) } : {}) : { legend: null }),
  };
  const tooltip = [tipText('series', 'series'), tipNum('x', o.xTitle), tipNum('y', o.yTitle)];
  const enc = () => ({ x: quantEnc('x', x), y: quantEnc('y', y), color, tooltip });

  const layers: Record<string, unknown>[] = [...xWindowLayer(o.xWindow, x), ...bandLayers(o.band, y)];
  const asLine = o.mark === 'line';
  const aria = data.length <= ARIA_ITEM_LIMIT ? {} : { aria: false };
  layers.push({
    data: { values: data },
    mark: asLine
      ? { type: 'line', strokeWidth: 1.5, ...(data.length <= HOVER_POINT_LIMIT ? { point: { opacity: 0, size: 40, aria: false } } : {}) }
      : { type: 'point', filled: true, size: 28, opacity: 0.75, ...aria },
    encoding: enc(),
  });
  if (fitRows.length > 0) {
    layers.push({
      data: { values: fitRows },
      mark: { type: 'line', strokeWidth: 2.25 },
      encoding: enc(),
    });
  }
  for (const block of refBlocks) {
    layers.push({
      data: { values: block },
      mark: { type: 'line', strokeWidth: 1.5, strokeDash: [6, 4] },
      encoding: enc(),
    });
  }
  return { ...baseSpec({ title: o.title, kind: 'series' }), layer: layers };
}

/** The fit and references first, then as many data groups as fit the limit, titled with the count. */
function cappedLegend(domain: readonly string[], dataGroups: number): Record<string, unknown> {
  const others = domain.slice(dataGroups);
  const shownData = domain.slice(0, Math.max(0, LEGEND_ENTRY_LIMIT - others.length));
  return { values: [...others, ...shownData], title: `${shownData.length} of ${dataGroups} shown` };
}
