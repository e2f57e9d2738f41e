/** Per-seed statistics and their spread: the shared middle step of most claim kinds. */
import { tInterval } from '../stats/index.js';
import type { Evidence } from '../types.js';
import type { SeedValue } from './decision.js';

export type { SeedValue } from './decision.js';

/** Mean over seeds with its t interval (needs two values; all finite, checked by the caller). */
export function meanOverSeeds(values: readonly SeedValue[]): { estimate: number; interval: { lo: number; hi: number; method: string } } {
  const t = tInterval(values.map((v) => v.value));
  return { estimate: t.estimate, interval: { lo: t.lo, hi: t.hi, method: `mean over seeds, ${t.method}` } };
}

export function perSeedEvidence(values: readonly SeedValue[]): Evidence['perSeed'] {
  return values.map((v) => ({ seed: v.seed, value: Number.isFinite(v.value) ? v.value : null }));
}

export function seedLabel(seed: number | null): string {
  return seed === null ? 'all' : `seed ${seed}`;
}

/** Every recorded point of every curve, grouped by seed, as chart data. */
export function curvePoints(curves: readonly { seed: number | null; x: number[]; y: number[] }[]): { x: number; y: number; group: string }[] {
  return curves.flatMap((c) => c.x.map((x, i) => ({ x, y: c.y[i], group: seedLabel(c.seed) })));
}
