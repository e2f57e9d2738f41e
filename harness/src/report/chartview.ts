/** A chart as the page shows it: a static SVG plus its spec for the interactive view. */
import type { ChartSpec } from '../types.js';
import { jsonForScript } from './format.js';
import { renderSvg } from './svg.js';

export interface ChartView {
  /** Caption text (escaped by the template). */
  title: string | null;
  /** Sanitised SVG from vega (inlined as-is). */
  svg: string | null;
  /** The spec as JSON safe inside `<script type="application/json">` (inlined as-is). */
  specJson: string | null;
  /** Why the chart could not be drawn (escaped by the template). */
  error: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Render a chart for a page; failures become a visible note instead of an exception. */
export async function chartView(spec: unknown, title: string | null = null): Promise<ChartView | null> {
  if (spec === undefined || spec === null) return null;
  if (!isObject(spec)) return { title, svg: null, specJson: null, error: 'the chart is not a Vega-Lite spec object' };
  // `usermeta.embedOptions` would override the page's embed options (loader, ast, actions).
  const { usermeta: _usermeta, ...clean } = spec;
  try {
    const { svg } = await renderSvg(clean as ChartSpec);
    return { title, svg, specJson: jsonForScript(clean), error: null };
  } catch (err) {
    return { title, svg: null, specJson: null, error: (err as Error)?.message ?? String(err) };
  }
}
