/** Shared helpers for chart tests: the Vega-Lite JSON schema validator and SVG rendering. */
import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import type { ChartSpec } from '../../src/types.js';
import { packageFile } from '../../src/report/packages.js';
import { renderSvg } from '../../src/report/svg.js';

let validator: ValidateFunction | undefined;

/**
 * The schema shipped with vega-lite declares draft-07, ajv 8's default draft, so the
 * plain `Ajv` class compiles it; the formats it uses are added by hand.
 */
export function vegaLiteValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(readFileSync(packageFile('vega-lite', 'build/vega-lite-schema.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: false });
  ajv.addFormat('uri', true);
  ajv.addFormat('uri-reference', true);
  ajv.addFormat('color-hex', /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
  validator = ajv.compile(schema);
  return validator;
}

/** null when the spec is valid Vega-Lite, else the first errors as text. */
export function schemaErrors(spec: ChartSpec): string | null {
  const validate = vegaLiteValidator();
  if (validate(spec)) return null;
  return JSON.stringify(validate.errors?.slice(0, 5), null, 1);
}

/** Render to a static SVG string (the report's own renderer). */
export async function render(spec: ChartSpec): Promise<string> {
  return (await renderSvg(spec)).svg;
}

/** Number of items drawn by mark groups of a type ('symbol', 'line', 'rect', 'rule', 'text', 'image'). */
export function countMarks(svg: string, type: string): number {
  let n = 0;
  const re = new RegExp(`<g class="mark-${type} role-mark[^"]*"[^>]*>(.*?)</g>`, 'g');
  for (const m of svg.matchAll(re)) n += (m[1].match(/<(path|line|rect|text|image)\b/g) ?? []).length;
  return n;
}

/** The inline data rows of every layer (and the top level) of a spec. */
export function dataRows(spec: ChartSpec): Record<string, unknown>[][] {
  const out: Record<string, unknown>[][] = [];
  const visit = (s: Record<string, unknown>) => {
    const data = s.data as { values?: Record<string, unknown>[] } | undefined;
    if (data?.values) out.push(data.values);
    for (const layer of (s.layer as Record<string, unknown>[] | undefined) ?? []) visit(layer);
  };
  visit(spec);
  return out;
}

/** Check that a spec is schema-valid, renders, draws at least one mark, and serialises as JSON. */
export async function assertValidChart(
  t: { is: (a: unknown, b: unknown, m?: string) => unknown; true: (v: boolean, m?: string) => unknown; truthy: (v: unknown, m?: string) => unknown },
  spec: ChartSpec,
): Promise<string> {
  t.is(schemaErrors(spec), null, 'spec validates against the Vega-Lite schema');
  t.true(!/NaN|Infinity/.test(JSON.stringify(spec)), 'no non-finite numbers in the spec');
  const { svg, warnings } = await renderSvg(spec);
  // Empty data (every value dropped) legitimately has no extent.
  const real = warnings.filter((w) => !/^Infinite extent for field/.test(w));
  t.is(real.join('\n'), '', 'compiles and renders without warnings');
  t.true(svg.startsWith('<svg'), 'renders to SVG');
  t.truthy(/role-mark/.test(svg), 'SVG contains mark groups');
  return svg;
}

/** The first field encoding of `channel` among the spec's layers (or the top level). */
export function fieldEncoding(spec: ChartSpec, channel: string): Record<string, any> {
  const layers = [spec, ...((spec.layer as Record<string, unknown>[] | undefined) ?? [])];
  for (const l of layers) {
    const enc = (l.encoding as Record<string, Record<string, unknown>> | undefined)?.[channel];
    if (enc && typeof enc.field === 'string') return enc;
  }
  throw new Error(`no field encoding for ${channel}`);
}
