/**
 * Text alternatives of charts: what a Vega-Lite spec shows, in one line for `aria-label` (the
 * static SVG, and the interactive one once drawn), read from the spec itself.
 */
import { isObject } from '../results/json.js';

function titleOf(spec: Record<string, unknown>): string | null {
  const t = spec.title;
  if (typeof t === 'string') return t;
  if (isObject(t) && typeof t.text === 'string') return t.text;
  if (isObject(t) && Array.isArray(t.text)) return t.text.join(' ');
  return null;
}

/** Every view of a spec: itself, its layers, concatenations and facets' inner spec. */
function views(spec: Record<string, unknown>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [spec];
  for (const key of ['layer', 'hconcat', 'vconcat', 'concat']) {
    if (Array.isArray(spec[key])) for (const s of spec[key] as unknown[]) if (isObject(s)) out.push(...views(s));
  }
  if (isObject(spec.spec)) out.push(...views(spec.spec));
  return out;
}

function axisTitle(enc: unknown): string | null {
  if (!isObject(enc)) return null;
  if (typeof enc.title === 'string' && enc.title !== '') return enc.title;
  return typeof enc.field === 'string' ? enc.field : null;
}

/** E.g. "Chart 'loss: log-log fit': loss against parameters, 180 data points, with a threshold band." */
export function describeChart(spec: unknown, fallbackTitle: string | null = null): string {
  if (!isObject(spec)) return fallbackTitle ? `Chart: ${fallbackTitle}` : 'Chart';
  const title = titleOf(spec) ?? fallbackTitle;
  const all = views(spec);
  let x: string | null = null;
  let y: string | null = null;
  let points = 0;
  let band = false;
  for (const v of all) {
    const enc = isObject(v.encoding) ? v.encoding : {};
    x ??= axisTitle(enc.x);
    y ??= axisTitle(enc.y);
    const mark = typeof v.mark === 'string' ? v.mark : isObject(v.mark) ? String(v.mark.type ?? '') : '';
    const values = isObject(v.data) && Array.isArray(v.data.values) ? v.data.values.length : 0;
    if (['point', 'circle', 'line', 'bar', 'tick', 'square'].includes(mark)) points += values;
    if (mark === 'rect' && (enc.y2 !== undefined || enc.x2 !== undefined) && values <= 2) band = true;
  }
  const what = y && x ? `${y} against ${x}` : y ?? x ?? (typeof spec.description === 'string' ? spec.description : 'data');
  return [`Chart${title ? ` "${title}"` : ''}: ${what}`, points > 0 ? `${points} data point${points === 1 ? '' : 's'}` : null, band ? 'with the threshold band shaded' : null]
    .filter(Boolean)
    .join(', ');
}
