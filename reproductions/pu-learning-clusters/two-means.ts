/**
 * 2-means (Lloyd's algorithm) initialised from the top principal component, in float64: the
 * centres start at mean ± √λ₁·v₁, one standard deviation along the first PC, so the result is a
 * deterministic function of the data (no random restarts to vary between seeds).
 */
import { topPrincipalComponent } from './top-eigen.js';

export interface TwoMeans {
  /** Row-major 2×d centres. */
  centres: Float64Array;
  /** Cluster (0 or 1) of each row of the data. */
  assignment: Uint8Array;
  iterations: number;
}

export function twoMeans(X: ArrayLike<number>, n: number, d: number, maxIterations = 100): TwoMeans {
  const data = Float64Array.from(X);
  const pc = topPrincipalComponent(data, n, d);
  const centres = new Float64Array(2 * d);
  const spread = Math.sqrt(Math.max(pc.value, 0));
  for (let j = 0; j < d; j++) {
    centres[j] = pc.mean[j] + spread * pc.vector[j];
    centres[d + j] = pc.mean[j] - spread * pc.vector[j];
  }
  const assignment = new Uint8Array(n);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    let changed = iterations === 0;
    for (let i = 0; i < n; i++) {
      const k = nearestCentre(centres, data, i * d, d);
      if (k !== assignment[i]) changed = true;
      assignment[i] = k;
    }
    if (!changed) break;
    const counts = [0, 0];
    const sums = new Float64Array(2 * d);
    for (let i = 0; i < n; i++) {
      const k = assignment[i];
      counts[k]++;
      for (let j = 0; j < d; j++) sums[k * d + j] += data[i * d + j];
    }
    // An emptied cluster keeps its old centre (it cannot happen from a PCA start on real data, but must not NaN).
    for (const k of [0, 1]) if (counts[k] > 0) for (let j = 0; j < d; j++) centres[k * d + j] = sums[k * d + j] / counts[k];
  }
  return { centres, assignment, iterations };
}

/** Index (0 or 1) of the centre nearest to the row of `data` starting at `offset`. */
export function nearestCentre(centres: ArrayLike<number>, data: ArrayLike<number>, offset: number, d: number): 0 | 1 {
  let d0 = 0;
  let d1 = 0;
  for (let j = 0; j < d; j++) {
    const x = data[offset + j];
    d0 += (x - centres[j]) ** 2;
    d1 += (x - centres[d + j]) ** 2;
  }
  return d1 < d0 ? 1 : 0;
}

/**
 * The cluster that holds the positives: the one nearest to more of the labelled positives
 * (ties go to cluster 0). This is the only use of labels in plain clustering.
 */
export function positiveCluster(centres: ArrayLike<number>, positives: ArrayLike<number>, count: number, d: number): 0 | 1 {
  let votes = 0;
  for (let i = 0; i < count; i++) votes += nearestCentre(centres, positives, i * d, d);
  return votes > count / 2 ? 1 : 0;
}
