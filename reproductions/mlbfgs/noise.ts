/**
 * The curvature-noise study on a quadratic: f(θ) = ½(θ − θ*)ᵀA(θ − θ*) with A = diag(logspace(0, −c)),
 * observed through g = A(θ − θ*) + σξ. mL-BFGS's pair formation runs on it and every raw pair
 * (s, y) is compared with the true curvature: y − A·s is pure gradient noise, whose
 * per-coordinate variance the closed form predicts. The optimizer keeps no pairs (m = 0), so θ
 * follows plain SGD on the same path for every β: the pairs' noise is then the only thing β
 * changes (with m > 0 and β = 0 the noisy pairs can make the iterates blow up, and the
 * cancellation in y − A·s at large θ would swamp the measurement). ξ is i.i.d. N(0, 1) (the closed form's assumption), or AR(1) with
 * correlation ρ across steps (the control: momentum then averages correlated noise).
 */
import { createRng, deriveSeed } from '#harness/random';
import { Mlbfgs } from './optim/mlbfgs.js';

/** 2σ²(1−β)(1−β^T)/(1+β): the per-coordinate variance of y − A·s for i.i.d. noise (β = 0: 2σ²). */
export function curvatureNoiseVariance(sigma: number, beta: number, period: number): number {
  return (2 * sigma * sigma * (1 - beta) * (1 - beta ** period)) / (1 + beta);
}

export interface NoiseSpec {
  dim: number;
  /** A's eigenvalues run log-evenly from 1 down to 10^−conditionDecades. */
  conditionDecades: number;
  sigma: number;
  beta: number;
  period: number;
  /** Step size of the SGD path (must be < 2 for A's largest eigenvalue 1). */
  lr: number;
  /** Pairs measured after the burn-in. */
  pairs: number;
  burnInPairs: number;
  /** AR(1) correlation of ξ across steps (0: i.i.d.). */
  correlation: number;
}

export interface NoiseResult {
  /** Mean over measured pairs and coordinates of (y − A s)². */
  variance: number;
  pairs: number;
  finalDistance: number;
}

export function eigenvalues(dim: number, decades: number): Float64Array {
  return Float64Array.from({ length: dim }, (_, i) => 10 ** (dim === 1 ? 0 : (-decades * i) / (dim - 1)));
}

export function measureCurvatureNoise(spec: NoiseSpec, seed: number): NoiseResult {
  const { dim, sigma, correlation: rho } = spec;
  if (!(spec.lr > 0 && spec.lr < 2)) throw new Error(`measureCurvatureNoise: lr must be in (0, 2) for A's top eigenvalue 1, got ${spec.lr}`);
  if (!(rho >= 0 && rho < 1)) throw new Error(`measureCurvatureNoise: correlation must be in [0, 1), got ${rho}`);
  const a = eigenvalues(dim, spec.conditionDecades);
  const start = createRng(deriveSeed(seed, 11));
  const optimum = Float64Array.from({ length: dim }, () => start.normal());
  const theta = new Float64Array(dim);
  const grad = new Float64Array(dim);
  const xi = new Float64Array(dim);
  const noise = createRng(deriveSeed(seed, 12));
  for (let i = 0; i < dim; i++) xi[i] = noise.normal(); // stationary start of the AR(1)
  const innovation = Math.sqrt(1 - rho * rho);

  let seen = 0;
  let sum = 0;
  let counted = 0;
  const optimizer = new Mlbfgs({
    lr: spec.lr, history: 0, period: spec.period, beta: spec.beta, damping: null,
    onPair: (_block, s, y) => {
      seen++;
      if (seen <= spec.burnInPairs || counted >= spec.pairs) return;
      for (let i = 0; i < dim; i++) {
        const r = y[i] - a[i] * s[i];
        sum += r * r;
      }
      counted++;
    },
  });
  // The first pair forms at t = 2T (the buffers' first snapshot is at t = T).
  const steps = spec.period * (spec.burnInPairs + spec.pairs + 1);
  for (let t = 0; t < steps; t++) {
    for (let i = 0; i < dim; i++) {
      if (t > 0) xi[i] = rho * xi[i] + innovation * noise.normal();
      grad[i] = a[i] * (theta[i] - optimum[i]) + sigma * xi[i];
    }
    optimizer.step(theta, grad);
  }
  let dist = 0;
  for (let i = 0; i < dim; i++) dist += (theta[i] - optimum[i]) ** 2;
  return { variance: counted ? sum / (counted * dim) : Number.NaN, pairs: counted, finalDistance: Math.sqrt(dist) };
}
