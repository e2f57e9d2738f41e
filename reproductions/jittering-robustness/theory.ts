/**
 * Closed forms of the linear subspace denoising model (the paper's Section 3, in the plan's
 * per-coordinate units): x = Uc with c ~ N(0, I_d), y = x + z with z ~ N(0, ν I_n) (ν = σ², the
 * noise-to-signal ratio per in-subspace coordinate), an ℓ2 adversary of radius ε with
 * ε² = ζ·E||x||² = ζd, and the estimator f(y) = αUUᵀy.
 *
 * With a = (αUUᵀ − I)x + αUUᵀz (Gaussian, isotropic in range(U), per-coordinate variance
 * s² = (1 − α)² + α²ν), the worst-case perturbation of one sample is δ = ε·a/||a|| (a lies in the
 * top singular space of αUUᵀ), so the per-sample worst-case error is exactly (||a|| + αε)². Hence
 *   exact:       R_d(α)/d = s² + 2α√ζ·s·E[χ_d]/√d + α²ζ              (E[χ_d] = √2 Γ((d+1)/2)/Γ(d/2))
 *   asymptotic:  R(α)/d  = (s + α√ζ)²                                  (E[χ_d]/√d → 1; an upper bound for every d)
 * The asymptotic form is minimised by jittering: training with extra noise of variance
 *   σ_w² = [ζν + √(ζν(1 − ζ + ν))]/(1 − ζ)
 * gives the least-squares shrinkage α* = 1/(1 + ν + σ_w²), and α* = argmin R(α).
 */
import { logGamma } from '#harness/stats';

function checkZeta(zeta: number, fn: string): void {
  if (!(zeta >= 0 && zeta < 1)) throw new Error(`${fn}: ζ must be in [0, 1), got ${zeta}`);
}

/** The jitter variance σ_w² that makes jittered training worst-case optimal (ν = noise variance per unit signal variance). */
export function optimalJitterVariance(zeta: number, nu: number): number {
  checkZeta(zeta, 'optimalJitterVariance');
  if (!(nu >= 0)) throw new Error(`optimalJitterVariance: ν must be ≥ 0, got ${nu}`);
  return (zeta * nu + Math.sqrt(zeta * nu * (1 - zeta + nu))) / (1 - zeta);
}

/** The least-squares (population) optimum of training with total input-noise variance ν + σ_w²: W = UUᵀ/(1 + ν + σ_w²). */
export function jitteredShrinkage(nu: number, jitterVariance: number): number {
  return 1 / (1 + nu + jitterVariance);
}

/** α* of the plan: the shrinkage jittering with the optimal variance learns. */
export function optimalShrinkage(zeta: number, nu: number): number {
  return jitteredShrinkage(nu, optimalJitterVariance(zeta, nu));
}

/** α of standard training (no jitter): the MMSE shrinkage 1/(1 + ν). */
export function standardShrinkage(nu: number): number {
  return 1 / (1 + nu);
}

/** Per-coordinate standard deviation s of a = (αUUᵀ − I)x + αUUᵀz. */
export function errorScale(alpha: number, nu: number): number {
  return Math.sqrt((1 - alpha) ** 2 + alpha * alpha * nu);
}

/** The plan's worst-case risk of αUUᵀ per subspace dimension, (s + α√ζ)²: exact as d → ∞, an upper bound at every d. */
export function asymptoticWorstCaseRisk(alpha: number, zeta: number, nu: number): number {
  checkZeta(zeta, 'asymptoticWorstCaseRisk');
  return (errorScale(alpha, nu) + alpha * Math.sqrt(zeta)) ** 2;
}

/** E[χ_k] = √2 Γ((k+1)/2)/Γ(k/2): the mean norm of a standard Gaussian vector in R^k. */
export function chiMean(k: number): number {
  if (!(k >= 1)) throw new Error(`chiMean: k must be ≥ 1, got ${k}`);
  return Math.SQRT2 * Math.exp(logGamma((k + 1) / 2) - logGamma(k / 2));
}

/** The exact worst-case risk E max_{||δ||≤ε} ||αUUᵀ(y + δ) − x||² of αUUᵀ at finite d, per subspace dimension. */
export function exactWorstCaseRisk(alpha: number, zeta: number, nu: number, d: number): number {
  checkZeta(zeta, 'exactWorstCaseRisk');
  const s = errorScale(alpha, nu);
  return s * s + (2 * alpha * Math.sqrt(zeta) * s * chiMean(d)) / Math.sqrt(d) + alpha * alpha * zeta;
}

/** Golden-section minimum of a unimodal function on [lo, hi]. */
export function goldenMin(f: (x: number) => number, lo: number, hi: number, tol = 1e-12): { x: number; value: number } {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - g * (b - a);
  let e = a + g * (b - a);
  let fc = f(c);
  let fe = f(e);
  while (b - a > tol) {
    if (fc < fe) {
      b = e;
      e = c;
      fe = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = e;
      fc = fe;
      e = a + g * (b - a);
      fe = f(e);
    }
  }
  const x = (a + b) / 2;
  return { x, value: f(x) };
}

/** The best shrinkage and its risk at finite d (exact risk) or d → ∞ (asymptotic, when d is omitted). */
export function bestShrinkage(zeta: number, nu: number, d?: number): { alpha: number; risk: number } {
  const risk = d === undefined ? (a: number) => asymptoticWorstCaseRisk(a, zeta, nu) : (a: number) => exactWorstCaseRisk(a, zeta, nu, d);
  const { x, value } = goldenMin(risk, 0, 1);
  return { alpha: x, risk: value };
}
