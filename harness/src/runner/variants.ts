/**
 * The distinct runs a reproduction needs: the profile's default run, plus one per distinct
 * set of overrides that claims and controls ask for. Claims that share a regime share a run.
 */
import type { ClaimDef } from '../claims/claim.js';

export interface Variant {
  key: string;
  overrides: Record<string, unknown>;
  /** "default" or "fitted_rank=3, lambda2=0.5". */
  label: string;
}

export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function variantOf(overrides: Record<string, unknown>): Variant {
  const keys = Object.keys(overrides).sort();
  return {
    key: stableJson(overrides),
    overrides,
    label: keys.length ? keys.map((k) => `${k}=${stableJson(overrides[k])}`).join(', ') : 'default',
  };
}

export function claimOverrides<P>(claim: ClaimDef<P>): Record<string, unknown> {
  return { ...(claim.params ?? {}) };
}

export function controlOverrides<P>(claim: ClaimDef<P>): Record<string, unknown> {
  return { ...(claim.params ?? {}), ...claim.control.params };
}

/** Every run needed, deduplicated, the default first and the rest in claim order. */
export function planVariants<P>(claims: readonly ClaimDef<P>[]): Variant[] {
  const byKey = new Map<string, Variant>();
  const add = (o: Record<string, unknown>) => {
    const v = variantOf(o);
    if (!byKey.has(v.key)) byKey.set(v.key, v);
  };
  add({});
  for (const c of claims) {
    add(claimOverrides(c));
    add(controlOverrides(c));
  }
  return [...byKey.values()];
}
