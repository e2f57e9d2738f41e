/**
 * Per-seed values that are not numbers one can average: +∞ (the run never reached its target, a
 * censored seed), −∞, NaN and missing values. The page names them with their count rather than
 * leaving them out of a mean that then claims to be "over N seeds".
 */
export interface RawSeedValue { seed: unknown; value: unknown }

export interface Censoring {
  total: number;
  finite: { seed: number; value: number }[];
  /** Seeds whose value is +∞ or −∞ (never reached, or diverged). */
  infinite: string[];
  /**
   * Seeds whose value is NaN or null. The runner writes every non-finite per-seed value as null
   * (claims/summarize.ts), so null may be ∞ (never reached) as well as NaN.
   */
  undefinedSeeds: string[];
}

export function censoring(rows: readonly RawSeedValue[]): Censoring {
  const finite: Censoring['finite'] = [];
  const infinite: string[] = [];
  const undefinedSeeds: string[] = [];
  for (const r of rows) {
    if (typeof r.value === 'number' && Number.isFinite(r.value)) finite.push({ seed: Number(r.seed), value: r.value });
    else if (r.value === Infinity || r.value === -Infinity) infinite.push(String(r.seed));
    else undefinedSeeds.push(String(r.seed));
  }
  return { total: rows.length, finite, infinite, undefinedSeeds };
}

/** "3 of 5 seeds are ∞ (never reached): 1, 3, 4" and the like; null when every value is finite. */
export function censoringText(c: Censoring): string | null {
  const parts: string[] = [];
  const list = (seeds: string[]) => (seeds.length > 8 ? `${seeds.slice(0, 8).join(', ')}, …` : seeds.join(', '));
  if (c.infinite.length > 0) parts.push(`${c.infinite.length} of ${c.total} seed${c.total === 1 ? '' : 's'} censored at ∞ (the run never reached its target): seed${c.infinite.length === 1 ? '' : 's'} ${list(c.infinite)}`);
  if (c.undefinedSeeds.length > 0) parts.push(`${c.undefinedSeeds.length} of ${c.total} seed${c.total === 1 ? '' : 's'} without a finite value (∞ from a run that never reached its target, or NaN): seed${c.undefinedSeeds.length === 1 ? '' : 's'} ${list(c.undefinedSeeds)}`);
  return parts.length > 0 ? parts.join('; ') : null;
}
