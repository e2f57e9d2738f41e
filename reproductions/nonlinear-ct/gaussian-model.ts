/**
 * The paper's random-measurement model of CT: y_i = exp(−⟨a_i, x*⟩₊) with a_i ~ N(0, I_n), and
 * gradient descent on L(x) = (1/2m) Σ (f_i(x) − y_i)², f_i(x) = exp(−⟨a_i, x⟩₊), from x₀ = 0.
 * Float64 loops: at n ≤ 400, m ≤ 1600 a product is under a millisecond, far below tfjs dispatch.
 */
import type { Rng } from '#harness/random';

export interface GaussianProblem {
  n: number;
  m: number;
  /** m×n row-major, rows a_i ~ N(0, I). */
  A: Float64Array;
  y: Float64Array;
  xStar: Float64Array;
}

/** x* with ||x*|| = norm: dense Gaussian, or k-sparse with a uniform random support. */
export function plantedSignal(n: number, norm: number, rng: Rng, sparsity?: number): Float64Array {
  const x = new Float64Array(n);
  if (sparsity === undefined) {
    for (let i = 0; i < n; i++) x[i] = rng.normal();
  } else {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < sparsity; i++) {
      const j = i + rng.int(n - i);
      [order[i], order[j]] = [order[j], order[i]];
      x[order[i]] = rng.normal();
    }
  }
  const length = Math.hypot(...x);
  for (let i = 0; i < n; i++) x[i] *= norm / length;
  return x;
}

export function gaussianProblem(n: number, m: number, xStar: Float64Array, rng: Rng): GaussianProblem {
  const A = new Float64Array(m * n);
  for (let i = 0; i < A.length; i++) A[i] = rng.normal();
  const z = multiply(A, m, n, xStar);
  const y = Float64Array.from(z, (zi) => Math.exp(-Math.max(zi, 0)));
  return { n, m, A, y, xStar };
}

export function multiply(A: Float64Array, m: number, n: number, x: Float64Array, out = new Float64Array(m)): Float64Array {
  const n4 = n - (n % 4);
  for (let i = 0; i < m; i++) {
    // Four partial sums: independent adds pipeline better than one dependent chain.
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    const row = i * n;
    let j = 0;
    for (; j < n4; j += 4) {
      s0 += A[row + j] * x[j];
      s1 += A[row + j + 1] * x[j + 1];
      s2 += A[row + j + 2] * x[j + 2];
      s3 += A[row + j + 3] * x[j + 3];
    }
    for (; j < n; j++) s0 += A[row + j] * x[j];
    out[i] = s0 + s1 + s2 + s3;
  }
  return out;
}

/** Which side of the ReLU's kink counts as active: '≥' (the method) or '>' (a sabotage: stuck at x₀ = 0). */
export type Indicator = 'closed' | 'strict';

/** L(x) and ∇L(x) = −(1/m) Σ (f_i − y_i) f_i 1[⟨a_i, x⟩ ≥ 0] a_i, written into `grad`. */
export function lossAndGradient(p: GaussianProblem, x: Float64Array, grad: Float64Array, indicator: Indicator = 'closed', z = new Float64Array(p.m)): number {
  const { A, m, n, y } = p;
  multiply(A, m, n, x, z);
  grad.fill(0);
  let loss = 0;
  for (let i = 0; i < m; i++) {
    const f = Math.exp(-Math.max(z[i], 0));
    const r = f - y[i];
    loss += r * r;
    const active = indicator === 'closed' ? z[i] >= 0 : z[i] > 0;
    if (!active || r === 0) continue;
    const w = (-r * f) / m;
    const row = i * n;
    for (let j = 0; j < n; j++) grad[j] += w * A[row + j];
  }
  return loss / (2 * m);
}

export interface DescentOptions {
  step: number;
  iterations: number;
  indicator?: Indicator;
  /** Applied after every step (the ℓ1-ball projection); identity when absent. */
  project?: (x: Float64Array) => Float64Array;
  /** Stop once the relative error ||x − x*|| / ||x*|| is below this. */
  stopBelow?: number;
  /** Stop once a step moves x by less than this (a stationary point: nothing more will change). */
  stallBelow?: number;
  /** Called every `recordEvery` iterations (and at 0 and at the end) with the relative error. */
  recordEvery?: number;
  onRecord?: (iteration: number, relativeError: number) => void;
}

export interface DescentResult {
  x: Float64Array;
  /** Iterations taken. */
  iterations: number;
  relativeError: number;
  /** Smallest relative error seen at any iterate. */
  bestError: number;
  stopped: 'budget' | 'converged' | 'stalled' | 'diverged';
}

export function relativeError(x: Float64Array, xStar: Float64Array): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    d += (x[i] - xStar[i]) ** 2;
    s += xStar[i] ** 2;
  }
  return Math.sqrt(d / s);
}

/** (Projected) gradient descent from x₀ = 0 with a constant step. */
export function gradientDescent(p: GaussianProblem, o: DescentOptions): DescentResult {
  const { n } = p;
  let x: Float64Array = new Float64Array(n);
  let next: Float64Array = new Float64Array(n);
  const grad = new Float64Array(n);
  const z = new Float64Array(p.m);
  const every = o.recordEvery ?? 0;
  let error = relativeError(x, p.xStar);
  let best = error;
  o.onRecord?.(0, error);
  let t = 0;
  let stopped: DescentResult['stopped'] = 'budget';
  while (t < o.iterations) {
    lossAndGradient(p, x, grad, o.indicator ?? 'closed', z);
    for (let j = 0; j < n; j++) next[j] = x[j] - o.step * grad[j];
    const projected = o.project ? o.project(next) : next;
    let moved = 0;
    for (let j = 0; j < n; j++) moved += (projected[j] - x[j]) ** 2;
    // Swap buffers (the projection may return a fresh array: keep it, recycle the old x).
    const old = x;
    x = projected;
    next = projected === next ? old : next;
    t++;
    error = relativeError(x, p.xStar);
    best = Math.min(best, error);
    if (every > 0 && t % every === 0) o.onRecord?.(t, error);
    if (!Number.isFinite(error)) { stopped = 'diverged'; break; }
    if (o.stopBelow !== undefined && error < o.stopBelow) { stopped = 'converged'; break; }
    if (o.stallBelow !== undefined && Math.sqrt(moved) < o.stallBelow) { stopped = 'stalled'; break; }
  }
  if (every > 0 && t % every !== 0) o.onRecord?.(t, error);
  return { x, iterations: t, relativeError: error, bestError: best, stopped };
}
