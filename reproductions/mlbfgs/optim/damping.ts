/**
 * mL-BFGS's damping of a curvature pair: with μ = sᵀy/sᵀs, τ = min((1−σ_L)/(1−μ), τ₀) when
 * μ ≤ σ_L, min((σ_H−1)/(μ−1), τ₀) when μ ≥ σ_H, τ₀ otherwise; ŷ = τy + (1−τ)s. The damped
 * curvature ŷᵀs/sᵀs = 1 − τ(1 − μ) then lies in [σ_L, σ_H] ∪ [between μ and 1], so ŷᵀs > 0.
 */
export interface Damping { sigmaLow: number; sigmaHigh: number; tau0: number }

export function validateDamping(d: Damping): void {
  if (!(d.sigmaLow > 0 && d.sigmaLow < 1)) throw new Error(`damping: sigmaLow must be in (0, 1), got ${d.sigmaLow}`);
  if (!(d.sigmaHigh > 1)) throw new Error(`damping: sigmaHigh must be > 1, got ${d.sigmaHigh}`);
  if (!(d.tau0 > 0 && d.tau0 <= 1)) throw new Error(`damping: tau0 must be in (0, 1], got ${d.tau0}`);
}

/** τ for a pair with curvature ratio μ = sᵀy/sᵀs. */
export function dampingTau(mu: number, d: Damping): number {
  if (mu <= d.sigmaLow) return Math.min((1 - d.sigmaLow) / (1 - mu), d.tau0);
  if (mu >= d.sigmaHigh) return Math.min((d.sigmaHigh - 1) / (mu - 1), d.tau0);
  return d.tau0;
}

/** Overwrite y with ŷ = τy + (1−τ)s; returns τ. */
export function dampInPlace(s: Float64Array, y: Float64Array, d: Damping): number {
  let sy = 0;
  let ss = 0;
  for (let i = 0; i < s.length; i++) {
    sy += s[i] * y[i];
    ss += s[i] * s[i];
  }
  const tau = dampingTau(sy / ss, d);
  for (let i = 0; i < s.length; i++) y[i] = tau * y[i] + (1 - tau) * s[i];
  return tau;
}
