/**
 * Thinned axes: an ordinal axis with one label per seed writes 200 labels on top of each other.
 * Past MAX_LABELS categories (ten labels fit a 420 px axis), only every k-th is labelled (the marks all stay).
 */
import { isObject } from '../results/json.js';
const MAX_LABELS = 10;


function thinEncoding(enc: Record<string, unknown>): Record<string, unknown> {
  const out = { ...enc };
  for (const channel of ['x', 'y']) {
    const e = out[channel];
    if (!isObject(e) || (e.type !== 'ordinal' && e.type !== 'nominal')) continue;
    const domain = isObject(e.scale) && Array.isArray(e.scale.domain) ? e.scale.domain : null;
    if (!domain || domain.length <= MAX_LABELS) continue;
    const step = Math.ceil(domain.length / MAX_LABELS);
    const axis = isObject(e.axis) ? e.axis : {};
    out[channel] = { ...e, axis: { ...axis, values: domain.filter((_, i) => i % step === 0), labelOverlap: true } };
  }
  return out;
}

/** The spec with every crowded ordinal axis thinned; anything else unchanged. */
export function thinAxes(spec: unknown): unknown {
  if (Array.isArray(spec)) return spec.map(thinAxes);
  if (!isObject(spec)) return spec;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) {
    if (k === 'data') out[k] = v;
    else if (k === 'encoding' && isObject(v)) out[k] = thinEncoding(v);
    else out[k] = isObject(v) || Array.isArray(v) ? thinAxes(v) : v;
  }
  return out;
}
