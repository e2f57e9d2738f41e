/**
 * The diffusion schedule: linear β from β₁ to β_T over T steps, ᾱ_t = Π_{s≤t}(1 − β_s),
 * SNR(t) = ᾱ_t/(1 − ᾱ_t); a DDIM grid of N steps τ_j = j·T/N (j = 1..N, τ₀ = 0 with ᾱ = 1);
 * and the paper's start rule: the grid index whose SNR is nearest 1/σ̂².
 */

export interface ScheduleSpec { T: number; betaStart: number; betaEnd: number }

/** ᾱ_t for t = 0..T (ᾱ_0 = 1). */
export function alphaBars(spec: ScheduleSpec): Float64Array {
  const { T, betaStart, betaEnd } = spec;
  const out = new Float64Array(T + 1);
  out[0] = 1;
  for (let t = 1; t <= T; t++) {
    const beta = T === 1 ? betaStart : betaStart + ((betaEnd - betaStart) * (t - 1)) / (T - 1);
    out[t] = out[t - 1] * (1 - beta);
  }
  return out;
}

export const snr = (alphaBar: number): number => alphaBar / (1 - alphaBar);

export interface DdimGrid {
  /** τ_0 = 0, τ_j = j·T/N. */
  timesteps: number[];
  /** ᾱ at each τ_j (index 0: 1). */
  alphaBars: number[];
}

export function ddimGrid(spec: ScheduleSpec, steps: number): DdimGrid {
  if (!Number.isInteger(steps) || steps < 1 || spec.T % steps !== 0) throw new Error(`ddimGrid: steps ${steps} must divide T = ${spec.T}`);
  const ab = alphaBars(spec);
  const timesteps = Array.from({ length: steps + 1 }, (_, j) => (j * spec.T) / steps);
  return { timesteps, alphaBars: timesteps.map((t) => ab[t]) };
}

/** t̂ = argmin_j |SNR(τ_j) − 1/σ̂²| over j = 1..N: the number of DDIM steps to run. */
export function startIndex(grid: DdimGrid, variance: number): number {
  const target = 1 / variance;
  let best = 1;
  for (let j = 2; j < grid.alphaBars.length; j++) {
    if (Math.abs(snr(grid.alphaBars[j]) - target) < Math.abs(snr(grid.alphaBars[best]) - target)) best = j;
  }
  return best;
}

/** The σ² whose matching step is τ_j: 1/SNR(τ_j). */
export const varianceAt = (grid: DdimGrid, j: number): number => 1 / snr(grid.alphaBars[j]);

/** The first grid index whose start recipe is pure noise: c·σ²(τ_k) ≥ 1 (N + 1 if none). */
export function pureNoiseStart(grid: DdimGrid, correction: number): number {
  const N = grid.alphaBars.length - 1;
  for (let k = 1; k <= N; k++) if (correction * varianceAt(grid, k) >= 1) return k;
  return N + 1;
}
