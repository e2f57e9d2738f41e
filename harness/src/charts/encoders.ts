/**
 * Small pieces shared by the chart builders: the spec skeleton, number filters,
 * subsampling, axis encodings, tooltips and the threshold band / window layers.
 */
import type { ChartSpec } from '../types.js';
import type { ChartBand } from './types.js';

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const WIDTH = 420;
export const HEIGHT = 260;
/** At most this many points per group are kept (first and last always). */
export const MAX_POINTS_PER_GROUP = 300;

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** Tableau-10: distinguishable, colour-blind-friendlier than the defaults of most tools. */
export const PALETTE = [
  '#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2',
  '#b279a2', '#eeca3b', '#9d755d', '#bab0ac', '#ff9da6',
];
export const FIT_COLOR = '#1b1b1b';
export const REFERENCE_COLORS = ['#7f7f7f', '#a05195', '#2f4b7c', '#665191'];
export const BAND_COLOR = '#2e7d32';
export const WINDOW_COLOR = '#9e9e9e';
/** d3-format used in tooltips: 4 significant digits, trailing zeros trimmed. */
export const NUM_FORMAT = '.4~g';

/** True for a finite number (not NaN, not ±Infinity, not a string). */
export function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** A finite number or undefined: non-finite bounds are dropped. */
export function numOrUndef(v: unknown): number | undefined {
  return isNum(v) ? v : undefined;
}

/** Keep at most `max` items, evenly spaced, always keeping the first and the last. */
export function subsample<T>(items: readonly T[], max = MAX_POINTS_PER_GROUP): T[] {
  if (items.length <= max) return items.slice();
  if (max <= 1) return [items[0]];
  const out: T[] = [];
  const step = (items.length - 1) / (max - 1);
  let last = -1;
  for (let i = 0; i < max; i++) {
    const idx = i === max - 1 ? items.length - 1 : Math.round(i * step);
    if (idx !== last) out.push(items[idx]);
    last = idx;
  }
  return out;
}

/** Group items by key, keeping first-seen order of the keys. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(item);
  }
  return groups;
}

/** Make labels unique by suffixing repeats: `a`, `a (2)`, `a (3)`. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const taken = new Set<string>();
  return labels.map((raw) => {
    const label = String(raw);
    let candidate = label;
    for (let k = 2; taken.has(candidate); k++) candidate = `${label} (${k})`;
    taken.add(candidate);
    return candidate;
  });
}

/** Which builder made a spec; written as the start of its `description` (see `chartKind`). */
export type ChartKind = 'series' | 'interval' | 'paired' | 'per-seed' | 'heatmap' | 'image-grid';

export interface BaseOptions {
  title: string;
  kind: ChartKind;
  width?: number;
  height?: number;
}

/** The top of every spec: schema, title, size, fonts and quiet defaults. */
export function baseSpec(o: BaseOptions): ChartSpec {
  return {
    $schema: SCHEMA,
    description: `${o.kind} chart: ${String(o.title)}`,
    title: { text: String(o.title), anchor: 'start', fontSize: 14 },
    width: o.width ?? WIDTH,
    height: o.height ?? HEIGHT,
    config: {
      font: FONT,
      axis: { labelFontSize: 11, titleFontSize: 12, gridColor: '#e8e8e8' },
      legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 220 },
      view: { stroke: '#d0d0d0' },
    },
  };
}

export interface AxisOptions {
  title: string;
  log?: boolean;
  /** Shared scale settings (domain etc.) merged into the scale. */
  scale?: Record<string, unknown>;
  /** Shared axis settings (tick values etc.), repeated in every layer so they merge cleanly. */
  axis?: Record<string, unknown>;
}

/** The builder kind recorded in a spec's description, or null for specs made elsewhere. */
export function chartKind(spec: unknown): ChartKind | null {
  const d = (spec as { description?: unknown } | null)?.description;
  if (typeof d !== 'string') return null;
  const m = /^(series|interval|paired|per-seed|heatmap|image-grid) chart: /.exec(d);
  return m ? (m[1] as ChartKind) : null;
}

/** A quantitative positional encoding with the same title and scale in every layer. */
export function quantEnc(field: string, o: AxisOptions): Record<string, unknown> {
  const scale: Record<string, unknown> = o.log ? { type: 'log' } : { zero: false };
  return {
    field,
    type: 'quantitative',
    title: String(o.title),
    scale: { ...scale, ...(o.scale ?? {}) },
    ...(o.axis ? { axis: o.axis } : {}),
  };
}

/**
 * Tick values for a log axis spanning `values`: powers of ten (with 2× and 5× steps when
 * the range covers few decades), or undefined to leave vega's defaults.
 */
export function logTicks(values: readonly number[]): number[] | undefined {
  const v = values.filter((x) => isNum(x) && x > 0);
  if (v.length === 0) return undefined;
  const min = Math.min(...v);
  const max = Math.max(...v);
  const k0 = Math.floor(Math.log10(min));
  const k1 = Math.ceil(Math.log10(max));
  if (k1 - k0 > 60) return undefined;
  const decades = k1 - k0;
  const steps = decades <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let k = k0; k <= k1; k++) {
    for (const m of steps) {
      const t = Number((m * 10 ** k).toPrecision(12));
      if (t >= min * (1 - 1e-9) && t <= max * (1 + 1e-9)) ticks.push(t);
    }
  }
  return ticks.length >= 2 ? ticks : undefined;
}

/** A quantitative tooltip field with a compact number format. */
export function tipNum(field: string, title: string): Record<string, unknown> {
  return { field, type: 'quantitative', title: String(title), format: NUM_FORMAT };
}

/** A nominal tooltip field. */
export function tipText(field: string, title: string): Record<string, unknown> {
  return { field, type: 'nominal', title: String(title) };
}

/** The band's bounds after dropping non-finite values (and non-positive ones on a log axis). */
export function cleanBand(band: ChartBand | undefined, log = false): ChartBand | undefined {
  if (!band) return undefined;
  const ok = (v: unknown): v is number => isNum(v) && (!log || v > 0);
  let lo = ok(band.lo) ? band.lo : undefined;
  let hi = ok(band.hi) ? band.hi : undefined;
  if (lo === undefined && hi === undefined) return undefined;
  if (lo !== undefined && hi !== undefined && lo > hi) [lo, hi] = [hi, lo];
  return { lo, hi, label: String(band.label ?? '') };
}

/**
 * Layers drawing a horizontal threshold: a shaded rect between lo and hi (both given)
 * plus a dashed rule at each bound, with the label written at the right edge.
 * `yTitle` and `log` must match the y encoding of the data layers (shared scale).
 */
export function bandLayers(band: ChartBand | undefined, y: AxisOptions): Record<string, unknown>[] {
  const b = cleanBand(band, y.log);
  if (!b) return [];
  const layers: Record<string, unknown>[] = [];
  const bounds: { bound: string; value: number; label: string }[] = [];
  if (b.lo !== undefined) bounds.push({ bound: 'lower', value: b.lo, label: b.label });
  if (b.hi !== undefined) bounds.push({ bound: 'upper', value: b.hi, label: b.label });
  if (b.lo !== undefined && b.hi !== undefined) {
    layers.push({
      data: { values: [{ lo: b.lo, hi: b.hi, label: b.label }] },
      mark: { type: 'rect', color: BAND_COLOR, opacity: 0.12 },
      encoding: {
        y: quantEnc('lo', y),
        y2: { field: 'hi' },
        tooltip: [tipText('label', 'threshold'), tipNum('lo', 'lower'), tipNum('hi', 'upper')],
      },
    });
  }
  layers.push({
    data: { values: bounds },
    mark: { type: 'rule', color: BAND_COLOR, strokeDash: [5, 3], strokeWidth: 1.5 },
    encoding: {
      y: quantEnc('value', y),
      tooltip: [tipText('label', 'threshold'), tipText('bound', 'bound'), tipNum('value', 'value')],
    },
  });
  const top = b.hi ?? b.lo;
  layers.push({
    data: { values: [{ value: top, label: b.label }] },
    mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -3, color: BAND_COLOR, fontSize: 11 },
    encoding: {
      x: { value: 'width' },
      y: quantEnc('value', y),
      text: { field: 'label', type: 'nominal' },
    },
  });
  return layers;
}

/** A shaded x-range (e.g. the window a fit was computed on). */
export function xWindowLayer(window: [number, number] | undefined, x: AxisOptions): Record<string, unknown>[] {
  if (!window || !Array.isArray(window)) return [];
  let [a, b] = window;
  if (!isNum(a) || !isNum(b)) return [];
  if (x.log && (a <= 0 || b <= 0)) return [];
  if (a > b) [a, b] = [b, a];
  return [
    {
      data: { values: [{ start: a, end: b, label: 'fit window' }] },
      mark: { type: 'rect', color: WINDOW_COLOR, opacity: 0.12 },
      encoding: {
        x: quantEnc('start', x),
        x2: { field: 'end' },
        tooltip: [tipText('label', 'range'), tipNum('start', 'from'), tipNum('end', 'to')],
      },
    },
  ];
}
