/**
 * Closed forms for the synthetic pair x = yμ + g, y = ±1 with equal priors, g ~ N(0, I_d):
 * the Bayes accuracy and the accuracy of clustering by the sign of the top principal component
 * of n unlabelled samples (the spiked-covariance / BBP phase transition).
 */
import { normalCdf } from '#harness/stats';

/** Bayes accuracy of N(+μ, I) against N(−μ, I), equal priors: Φ(||μ||). */
export function bayesAccuracy(muNorm: number): number {
  if (!(muNorm >= 0)) throw new Error(`bayesAccuracy: ||μ|| must be ≥ 0, got ${muNorm}`);
  return normalCdf(muNorm);
}

/**
 * ρ² = |⟨v̂, μ/||μ||⟩|², the squared overlap of the sample top eigenvector with the spike, in the
 * limit n, d → ∞ with c = d/n: (1 − c/ℓ²)/(1 + c/ℓ) with ℓ = ||μ||² above the BBP threshold
 * ℓ > √c, and 0 below it (the top eigenvector then carries no information about μ).
 */
export function pcaOverlapSquared(muNorm: number, d: number, n: number): number {
  if (!(muNorm >= 0) || !(d >= 1) || !(n >= 1)) throw new Error(`pcaOverlapSquared: needs ||μ|| ≥ 0, d ≥ 1, n ≥ 1; got ${muNorm}, ${d}, ${n}`);
  const ell = muNorm * muNorm;
  const c = d / n;
  if (ell <= Math.sqrt(c)) return 0;
  return (1 - c / (ell * ell)) / (1 + c / ell);
}

/**
 * Accuracy of sign(⟨v̂, x⟩), oriented correctly: ⟨v̂, x⟩ = y·||μ||ρ + ⟨v̂, g⟩ with ⟨v̂, g⟩ ≈ N(0, 1)
 * in the limit, so the accuracy is Φ(||μ||ρ).
 * (The in-sample score gives the same number: the left-singular-vector overlap
 * ζ² = (1 − c/ℓ²)/(1 + 1/ℓ) satisfies ζ²/(1 − ζ²) = ℓρ².)
 */
export function pcaClusteringAccuracy(muNorm: number, d: number, n: number): number {
  return normalCdf(muNorm * Math.sqrt(pcaOverlapSquared(muNorm, d, n)));
}
