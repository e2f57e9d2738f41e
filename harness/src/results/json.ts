/**
 * JSON for results: JSON has no ∞ or NaN, and a verdict can rest on them (a run that never reached
 * its target takes ∞ steps). They are written as the strings "Infinity", "-Infinity" and "NaN" and
 * read back as numbers, so no bound of an interval silently becomes `null`.
 */
const NON_FINITE: Record<string, number> = { Infinity: Infinity, '-Infinity': -Infinity, NaN: Number.NaN };

/** Pretty JSON with non-finite numbers kept as strings, and a trailing newline. */
export function stringifyResults(value: unknown): string {
  return `${JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}

/** Parse JSON written by `stringifyResults`, turning the non-finite markers back into numbers. */
export function parseResults(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => (typeof v === 'string' && v in NON_FINITE ? NON_FINITE[v] : v));
}

/** A JSON object (not null, not an array): what a field of a results file must be before its keys are read. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
