/**
 * Task vectors with exact equicorrelation: w_t = √ρ u₀ + √(1 − ρ) u_t with orthonormal u's, so
 * ||w_t|| = 1 and ⟨w_s, w_t⟩ = ρ for s ≠ t. The u's are the first T + 1 coordinate axes: x is
 * isotropic, so this is the same experiment as any random orthonormal choice.
 */
import type { TaskVector } from './theory.js';

export function equicorrelatedTasks(T: number, rho: number): TaskVector[] {
  if (!Number.isInteger(T) || T < 1) throw new Error(`equicorrelatedTasks: T must be a positive integer, got ${T}`);
  if (!(rho >= 0 && rho <= 1)) throw new Error(`equicorrelatedTasks: rho must be in [0, 1], got ${rho}`);
  return Array.from({ length: T }, (_, t) => {
    const w = new Array<number>(T + 1).fill(0);
    w[0] = Math.sqrt(rho);
    w[t + 1] = Math.sqrt(1 - rho);
    return w;
  });
}
