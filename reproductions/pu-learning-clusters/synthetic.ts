/**
 * D2, the synthetic Gaussian pair: n unlabelled points x = yμ + g (y = ±1 with equal priors,
 * g ~ N(0, I_d)), clustered by the sign of the top principal component, the sign oriented by a
 * few labelled positives. Accuracy is measured on the unlabelled points themselves (clustering).
 */
import { createRng, deriveSeed } from '#harness/random';
import { topPrincipalComponent } from './top-eigen.js';

/** The plan's grid: d/n ∈ {0.004, 0.1, 0.5, 2} at n = 500. */
export const SYNTHETIC_N = 500;
export const SYNTHETIC_DIMS = [2, 50, 250, 1000] as const;
/** d/n = 0.5: ℓ/√c = 1.41 at ||μ|| = 1, close enough to the BBP transition that its trials spread widest (its own trial count). */
export const TRANSITION_DIM = 250;

export interface SyntheticTrial { accuracy: number; overlap: number }

/** One trial at dimension d. μ = ||μ||·e₁ (the problem is rotation invariant). */
export function pcaSignTrial(seed: number, d: number, n: number, muNorm: number, labelled: number): SyntheticTrial {
  const rng = createRng(deriveSeed(seed, d));
  const X = new Float64Array(n * d);
  const y = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.5 ? 1 : -1;
    for (let j = 0; j < d; j++) X[i * d + j] = rng.normal();
    X[i * d] += y[i] * muNorm;
  }
  const pc = topPrincipalComponent(X, n, d, { seed: deriveSeed(seed, d + 1) });
  const project = (row: ArrayLike<number>, offset: number) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (row[offset + j] - pc.mean[j]) * pc.vector[j];
    return s;
  };
  // Orient the component so that the labelled positives project, on average, to the positive side.
  let orientation = 0;
  const row = new Float64Array(d);
  for (let k = 0; k < labelled; k++) {
    for (let j = 0; j < d; j++) row[j] = rng.normal();
    row[0] += muNorm;
    orientation += project(row, 0);
  }
  const sign = orientation >= 0 ? 1 : -1;
  let hits = 0;
  for (let i = 0; i < n; i++) if ((sign * project(X, i * d) >= 0 ? 1 : -1) === y[i]) hits++;
  return { accuracy: hits / n, overlap: pc.vector[0] ** 2 };
}
