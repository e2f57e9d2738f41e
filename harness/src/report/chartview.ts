/** A chart as the page shows it: a static SVG plus its spec for the interactive view. */
import type { ChartSpec } from '../types.js';
import { describeChart } from './alt.js';
import { escapeHtml, jsonForScript } from './format.js';
import { renderSvg } from './svg.js';
import { thinAxes } from './thin.js';
import { isObject } from '../results/json.js';

export interface ChartView {
  /** Caption text (escaped by the template). */
  title: string | null;
  /** Sanitised SVG from vega (inlined as-is). */
  svg: string | null;
  /** The spec as JSON safe inside `<script type="application/json">` (inlined as-is). */
  specJson: string | null;
  /** Why the chart could not be drawn (escaped by the template). */
  error: string | null;
  /** What the chart shows, in words: its text alternative (escaped by the template). */
  alt: string;
}

/** The root `<svg>` of vega's output labelled as one image with the text alternative. */
function withAlt(svg: string, alt: string): string {
  return svg.replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(alt)}"`);
}


/** Keys under which a spec holds data rather than instructions (a field may be called href). */
const DATA_KEYS = new Set(['data', 'datasets', 'values']);

/**
 * The spec without any `href` (an encoding channel, a mark or config property): links turn marks
 * into navigation, and rendering one without a DOM makes vega-scenegraph read `.href` of null in
 * a promise nobody awaits, which takes the whole report down. Data values are left as they are.
 */
export function withoutHrefs(value: unknown, key = ''): unknown {
  if (DATA_KEYS.has(key)) return value;
  if (Array.isArray(value)) return value.map((v) => withoutHrefs(v));
  if (!isObject(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'href').map(([k, v]) => [k, withoutHrefs(v, k)]));
}

/** Render a chart for a page; failures become a visible note instead of an exception. */
export async function chartView(spec: unknown, title: string | null = null): Promise<ChartView | null> {
  if (spec === undefined || spec === null) return null;
  if (!isObject(spec)) return { title, svg: null, specJson: null, error: 'the chart is not a Vega-Lite spec object', alt: 'A chart that could not be drawn' };
  // `usermeta.embedOptions` would override the page's embed options (loader, ast, actions).
  const { usermeta: _usermeta, ...rest } = spec;
  const clean = thinAxes(withoutHrefs(rest)) as Record<string, unknown>;
  const alt = describeChart(clean, title);
  try {
    const { svg } = await renderSvg(clean as ChartSpec);
    return { title, svg: withAlt(svg, alt), specJson: jsonForScript(clean), error: null, alt };
  } catch (err) {
    return { title, svg: null, specJson: null, error: (err as Error)?.message ?? String(err), alt: `A chart that could not be drawn: ${alt}` };
  }
}
