/**
 * Two additions to a seriesChart spec, for the figures: error bars on the data points and
 * labelled vertical rules (the interpolation thresholds). Each new layer reuses the data
 * layer's x, y and colour encodings, so scales and legend stay shared.
 */
import type { ChartSpec } from '#harness/types';

type Layer = Record<string, unknown> & { encoding?: Record<string, Record<string, unknown>> };

function dataLayer(spec: ChartSpec): Layer {
  const layers = spec.layer as Layer[] | undefined;
  const found = layers?.find((l) => l.encoding?.color?.field === 'series');
  if (!found?.encoding) throw new Error('chart-layers: the spec has no seriesChart data layer');
  return found;
}

export interface ErrorBar { x: number; lo: number; hi: number; series: string }

/** Vertical bars from lo to hi at x, coloured like the series they belong to. */
export function withErrorBars(spec: ChartSpec, bars: readonly ErrorBar[]): ChartSpec {
  const finite = bars.filter((b) => [b.x, b.lo, b.hi].every(Number.isFinite));
  if (finite.length === 0) return spec;
  const { x, y, color } = dataLayer(spec).encoding!;
  const layer = {
    data: { values: finite },
    mark: { type: 'rule', strokeWidth: 1.5, opacity: 0.8 },
    encoding: { x, y: { ...y, field: 'lo' }, y2: { field: 'hi' }, color },
  };
  return { ...spec, layer: [...(spec.layer as Layer[]), layer] };
}

/** Dashed vertical rules at the given x, labelled at the top of the plot. */
export function withVerticalRules(spec: ChartSpec, rules: readonly { x: number; label: string }[]): ChartSpec {
  if (rules.length === 0) return spec;
  const { x } = dataLayer(spec).encoding!;
  const values = rules.map((r) => ({ x: r.x, label: r.label }));
  const layers = [
    { data: { values }, mark: { type: 'rule', color: '#555', strokeDash: [4, 4], strokeWidth: 1.2 }, encoding: { x } },
    { data: { values }, mark: { type: 'text', align: 'left', baseline: 'top', dx: 3, dy: 2, color: '#555', fontSize: 11 }, encoding: { x, y: { value: 0 }, text: { field: 'label', type: 'nominal' } } },
  ];
  return { ...spec, layer: [...(spec.layer as Layer[]), ...layers] };
}
