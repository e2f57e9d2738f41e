/** Per-seed statistics and their spread: the shared middle step of most claim kinds. */
import { mean, meanCI } from '../stats/index.js';
import type { Evidence } from '../types.js';

export interface SeedValue { seed: number; value: number }

/** Mean with a t-interval over seeds when there are at least two finite values. */
export function acrossSeeds(values: readonly SeedValue[], alpha = 0.05): { estimate: number; ci?: [number, number] } {
  const finite = values.map((v) => v.value).filter(Number.isFinite);
  if (finite.length === 0) return { estimate: Number.NaN };
  if (finite.length < 2) return { estimate: finite[0] };
  const interval = meanCI(finite, alpha);
  return { estimate: mean(finite), ci: [interval.lo, interval.hi] };
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
