/** Formatting and escaping helpers for the report (pure functions, no I/O). */
import type { Verdict } from '../types.js';
import { VERDICTS } from '../types.js';
import { formatNumber } from '../claims/band.js';

export { fmtDuration } from '../results/duration.js';

/** Escape text for HTML content and double- or single-quoted attribute values. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/`/g, '&#96;');
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become `\u003c`,
 * `\u003e` and `\u0026` so that no `</script>` or `<!--` can close or confuse the element.
 */
export function jsonForScript(value: unknown): string {
  return (JSON.stringify(value) ?? 'null')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A confidence interval as text, e.g. `[0.91, 1.02]`. */
export function fmtInterval(ci: unknown): string | null {
  if (!Array.isArray(ci) || ci.length !== 2) return null;
  return `[${formatNumber(ci[0])}, ${formatNumber(ci[1])}]`;
}

/** An ISO date as `2025-01-31 14:05 UTC`; the input itself when it does not parse. */
export function fmtDate(iso: unknown): string {
  if (typeof iso !== 'string' || iso === '') return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A parameter value for display: strings as-is, anything else as compact JSON. */
export function fmtValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return fmtNumExact(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Numbers in parameters are shown exactly (they were typed by a person). */
function fmtNumExact(value: number): string {
  return Number.isFinite(value) ? String(value) : formatNumber(value);
}

/** The verdict if it is one of the four; `error` otherwise. */
export function asVerdict(value: unknown): Verdict {
  return (VERDICTS as readonly unknown[]).includes(value) ? (value as Verdict) : 'error';
}

/** An absolute http(s) URL, normalised, or null for anything else (javascript:, relative, ...). */
export function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return null;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The arXiv abstract page for an id (`2001.08361`, `hep-th/9901001`, with optional vN) or URL. */
export function arxivUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim().replace(/^arxiv:/i, '');
  if (/^\d{4}\.\d{4,5}(v\d+)?$/.test(id) || /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/.test(id)) {
    return `https://arxiv.org/abs/${id}`;
  }
  const url = safeHttpUrl(id);
  return url && /^https?:\/\/(www\.)?arxiv\.org\//i.test(url) ? url : null;
}

/** A file-name and fragment-safe slug: `[A-Za-z0-9._-]`, never empty, never starting with a dot. */
export function slug(value: unknown): string {
  const s = String(value ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return s === '' ? 'item' : s;
}

/** Slugs made unique against `taken` (which is updated). */
export function uniqueSlug(value: unknown, taken: Set<string>): string {
  const base = slug(value);
  let candidate = base;
  for (let k = 2; taken.has(candidate.toLowerCase()); k++) candidate = `${base}-${k}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Mean, sample standard deviation, min and max of the finite values. */
export function summarize(values: readonly number[]): { n: number; mean: number; sd: number | null; min: number; max: number } | null {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return null;
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = v.length > 1 ? Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1)) : null;
  return { n: v.length, mean, sd, min: Math.min(...v), max: Math.max(...v) };
}
