/**
 * Tuning seeds and verdict seeds never meet. Whatever a paper chooses after looking at data (a
 * learning rate, a budget, a spread, an assignment rule) is chosen on tuning seeds; its claims are
 * decided on verdict seeds (0, 1, ... or a `--seed-base` shift of them, as `repro verify --seeds`
 * uses), which no choice saw. The two ranges are disjoint by construction: verdict seeds stay below
 * TUNING_SEED_BASE (the runner refuses a seed base that would cross it).
 */

/** First tuning seed; below 2^31 so that any int32 seed mixing stays positive. */
export const TUNING_SEED_BASE = 2_000_000_000;

/** `count` tuning seeds: TUNING_SEED_BASE, TUNING_SEED_BASE + 1, ... */
export function tuningSeeds(count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`tuningSeeds: count must be a positive integer, got ${count}`);
  return Array.from({ length: count }, (_, i) => TUNING_SEED_BASE + i);
}

export function isTuningSeed(seed: number): boolean {
  return seed >= TUNING_SEED_BASE;
}

/** The verdict seeds of a run: base, base + 1, ...; refuses any that would be a tuning seed. */
export function verdictSeeds(count: number, base = 0): number[] {
  const seeds = Array.from({ length: count }, (_, i) => base + i);
  const crossing = seeds.find(isTuningSeed);
  if (crossing !== undefined) throw new RangeError(`verdict seeds ${base}..${base + count - 1} reach the tuning seeds (from ${TUNING_SEED_BASE}); use a smaller --seed-base`);
  return seeds;
}
