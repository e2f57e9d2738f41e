/**
 * Exact worst-case risk of a linear estimator f(y) = Wy under an ℓ2 perturbation ||δ|| ≤ ε.
 *
 * For one sample, with a = Wy − x, the adversary solves max_{||δ||≤ε} ||a + Wδ||²: a convex
 * quadratic maximised over a ball (a trust-region subproblem). In the eigenbasis of WᵀW = VΛVᵀ,
 * with β = VᵀWᵀa, the maximiser is δ = (μI − Λ)⁻¹β with the unique μ ≥ λmax such that
 * ||δ|| = ε (the "secular equation"), and the maximum is ||a||² + με² + Σ βᵢ²/(μ − λᵢ). This is
 * exact per sample; the risk E[·] is then a Monte-Carlo mean over a test set (unbiased, with its
 * standard error). Two closed-form bounds bracket it:
 *   upper (the plan's):  (√E||a||² + ε||W||₂)²  — triangle inequality, then Jensen. Equal iff a
 *                        lies a.s. in the top left-singular space of W (then δ = ε·W⁺a/||W⁺a||
 *                        aligns Wδ with a) AND ||a|| is a.s. constant; for W = αUUᵀ the first holds
 *                        exactly and the second only as d → ∞ (gap 2αε(√E||a||² − E||a||)).
 *   lower:               E||a||² + 2εσ₁√(2/π)·√(u₁ᵀΣ_a u₁) + ε²σ₁² — the sign-aligned top
 *                        singular direction δ = ±εv₁ (Gaussian a, so E|⟨a, u₁⟩| = √(2/π)·sd).
 */
import { symmetricEigen, transposeMatmul, type Matrix } from '#harness/linalg';
import type { SubspaceModel, TestSet } from './subspace.js';

/**
 * max over ||δ|| ≤ ε of aNormSq + 2βᵀδ + Σ λᵢδᵢ² (λ ≥ 0: the eigenvalues of WᵀW, β = VᵀWᵀa).
 * Solves the secular equation Σ βᵢ²/(μ − λᵢ)² = ε² for μ > λmax by safeguarded Newton on
 * 1/||δ(μ)|| − 1/ε (nearly linear in μ), falling back to bisection; handles the "hard case"
 * (β orthogonal to the top eigenspace) with μ = λmax.
 */
export function trustRegionMax(aNormSq: number, beta: ArrayLike<number>, lambda: ArrayLike<number>, eps: number): number {
  const k = lambda.length;
  if (eps === 0) return aNormSq;
  let lmax = -Infinity;
  let bb = 0;
  for (let i = 0; i < k; i++) {
    if (lambda[i] > lmax) lmax = lambda[i];
    bb += beta[i] * beta[i];
  }
  if (bb === 0) return aNormSq + lmax * eps * eps;
  const eps2 = eps * eps;
  // The maximum at a root μ > λmax (terms with μ = λᵢ only arise in the hard case, handled below).
  const valueAt = (mu: number) => {
    let s = 0;
    for (let i = 0; i < k; i++) if (mu > lambda[i]) s += (beta[i] * beta[i]) / (mu - lambda[i]);
    return aNormSq + mu * eps2 + s;
  };
  // Hard case: the top eigenspace gets no pull (β_top = 0) and the rest cannot fill the ball.
  const topTol = 1e-12 * Math.max(1, Math.abs(lmax));
  let topPull = 0;
  let restAtTop = 0;
  for (let i = 0; i < k; i++) {
    if (lmax - lambda[i] <= topTol) topPull += beta[i] * beta[i];
    else restAtTop += (beta[i] / (lmax - lambda[i])) ** 2;
  }
  if (topPull <= 1e-30 * bb && restAtTop <= eps2) {
    let s = 0;
    for (let i = 0; i < k; i++) if (lmax - lambda[i] > topTol) s += (beta[i] * beta[i]) / (lmax - lambda[i]);
    return aNormSq + lmax * eps2 + s;
  }
  // Bracket: ||δ(μ)|| ≤ ||β||/(μ − λmax), so μ = λmax + ||β||/ε is at or beyond the root.
  let lo = lmax;
  let hi = lmax + Math.sqrt(bb) / eps;
  let mu = hi;
  for (let iter = 0; iter < 200; iter++) {
    let s = 0;
    let ds = 0;
    for (let i = 0; i < k; i++) {
      const inv = 1 / (mu - lambda[i]);
      const r = beta[i] * inv;
      s += r * r;
      ds += r * r * inv;
    }
    // φ(μ) = 1/√s − 1/ε is increasing in μ; φ' = ds/s^{3/2}.
    const phi = 1 / Math.sqrt(s) - 1 / eps;
    if (phi < 0) lo = mu;
    else hi = mu;
    if (Math.abs(phi) * eps < 1e-14 || hi - lo <= 1e-15 * Math.max(1, hi)) break;
    const next = mu - phi / (ds / (s * Math.sqrt(s)));
    mu = next > lo && next < hi ? next : 0.5 * (lo + hi);
  }
  return valueAt(mu);
}

/** Per-sample worst-case squared errors of y ↦ Wy on a test set, and their mean and standard error. */
export interface WorstCase { mean: number; se: number; perSample: Float64Array }

function summarize(values: Float64Array): WorstCase {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  const v = values.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, values.length - 1);
  return { mean: m, se: Math.sqrt(v / values.length), perSample: values };
}

/**
 * What the adversary's problem needs from W and a test set, independent of ε: the eigenvalues of
 * WᵀW and, per sample, ||a||² and β = VᵀWᵀa. Prepared once, evaluated at many radii.
 */
export interface PreparedLinear { count: number; n: number; lambda: Float64Array; aNormSq: Float64Array; beta: Float64Array }

export function prepareLinear(W: Matrix, test: TestSet): PreparedLinear {
  const n = test.n;
  if (W.rows !== n || W.cols !== n) throw new Error(`prepareLinear: W is ${W.rows}x${W.cols}, the test set has n = ${n}`);
  const { values, vectors: V } = symmetricEigen(transposeMatmul(W, W));
  // M = VᵀWᵀ (M[r][c] = Σ_k V[k][r] W[c][k]), so β = M a in one product per sample.
  const Vt = new Float64Array(n * n);
  for (let k = 0; k < n; k++) for (let r = 0; r < n; r++) Vt[r * n + k] = V.data[k * n + r];
  const M = new Float64Array(n * n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += Vt[r * n + k] * W.data[c * n + k];
      M[r * n + c] = s;
    }
  }
  const aNormSq = new Float64Array(test.count);
  const beta = new Float64Array(test.count * n);
  const a = new Float64Array(n);
  for (let s = 0; s < test.count; s++) {
    let aa = 0;
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += W.data[i * n + j] * test.y[s * n + j];
      a[i] = v - test.x[s * n + i];
      aa += a[i] * a[i];
    }
    aNormSq[s] = aa;
    for (let r = 0; r < n; r++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += M[r * n + j] * a[j];
      beta[s * n + r] = v;
    }
  }
  return { count: test.count, n, lambda: Float64Array.from(values, (v) => Math.max(0, v)), aNormSq, beta };
}

/** The exact per-sample worst cases at radius ε of a prepared W, with their mean and standard error. */
export function worstCaseAt(p: PreparedLinear, eps: number): WorstCase {
  const out = new Float64Array(p.count);
  for (let s = 0; s < p.count; s++) out[s] = trustRegionMax(p.aNormSq[s], p.beta.subarray(s * p.n, (s + 1) * p.n), p.lambda, eps);
  return summarize(out);
}

/** Exact worst-case risk of a dense linear W (n x n, row-major) on a test set, radius ε. */
export function linearWorstCase(W: Matrix, test: TestSet, eps: number): WorstCase {
  return worstCaseAt(prepareLinear(W, test), eps);
}

/** Exact worst-case risk of a diagonal estimator y ↦ w ⊙ y (WᵀW = diag(w²): no eigendecomposition needed). */
export function diagonalWorstCase(w: ArrayLike<number>, test: TestSet, eps: number): WorstCase {
  const n = test.n;
  if (w.length !== n) throw new Error(`diagonalWorstCase: w has ${w.length} entries, the test set has n = ${n}`);
  const lam = Float64Array.from({ length: n }, (_, i) => w[i] * w[i]);
  const beta = new Float64Array(n);
  const out = new Float64Array(test.count);
  for (let s = 0; s < test.count; s++) {
    let aa = 0;
    for (let i = 0; i < n; i++) {
      const a = w[i] * test.y[s * n + i] - test.x[s * n + i];
      aa += a * a;
      beta[i] = w[i] * a;
    }
    out[s] = trustRegionMax(aa, beta, lam, eps);
  }
  return summarize(out);
}

/** Average (non-adversarial) squared error of a dense W on a test set. */
export function linearCleanRisk(W: Matrix, test: TestSet): number {
  const n = test.n;
  let total = 0;
  for (let s = 0; s < test.count; s++) {
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += W.data[i * n + j] * test.y[s * n + j];
      total += (v - test.x[s * n + i]) ** 2;
    }
  }
  return total / test.count;
}

/**
 * The closed-form bracket of the exact worst-case risk for the subspace model (A = I or diagonal):
 * Σ_a = (WA − I)UUᵀ(WA − I)ᵀ + σ²WWᵀ; returns E||a||², ||W||₂, the lower and the upper bound.
 */
export function worstCaseBounds(W: Matrix, model: SubspaceModel, eps: number): { meanSq: number; opNorm: number; lower: number; upper: number } {
  const { n, d, U, noiseStd, forward } = model;
  // B = (WA − I)U  (n x d)
  const B = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < d; j++) {
      let v = -U.data[i * d + j];
      for (let k = 0; k < n; k++) v += W.data[i * n + k] * forward[k] * U.data[k * d + j];
      B[i * d + j] = v;
    }
  }
  let meanSq = 0;
  for (const v of B) meanSq += v * v;
  let wf = 0;
  for (const v of W.data) wf += v * v;
  meanSq += noiseStd * noiseStd * wf;
  const { values, vectors: V } = symmetricEigen(transposeMatmul(W, W));
  const top = values.length - 1;
  const sigma1 = Math.sqrt(Math.max(0, values[top]));
  // u₁ = W v₁ / σ₁ and its variance u₁ᵀΣ_a u₁ = ||Bᵀu₁||² + σ²||Wᵀu₁||².
  let lower = meanSq + eps * eps * sigma1 * sigma1;
  if (sigma1 > 0) {
    const u = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let k = 0; k < n; k++) v += W.data[i * n + k] * V.data[k * n + top];
      u[i] = v / sigma1;
    }
    let varU = 0;
    for (let j = 0; j < d; j++) {
      let v = 0;
      for (let i = 0; i < n; i++) v += B[i * d + j] * u[i];
      varU += v * v;
    }
    for (let k = 0; k < n; k++) {
      let v = 0;
      for (let i = 0; i < n; i++) v += W.data[i * n + k] * u[i];
      varU += noiseStd * noiseStd * v * v;
    }
    lower += 2 * eps * sigma1 * Math.sqrt((2 / Math.PI) * varU);
  }
  const upper = (Math.sqrt(meanSq) + eps * sigma1) ** 2;
  return { meanSq, opNorm: sigma1, lower, upper };
}

/**
 * ℓ2 PGD on a linear W for one sample (float64): K steps of size η = stepFactor·ε/K along the
 * normalised gradient of ||W(y + δ) − x||², each followed by projection onto the ball; δ₀ = 0 as in
 * the original code. Returns the attained squared error (a lower bound of the exact maximum).
 */
export function linearPgd(W: Matrix, x: ArrayLike<number>, y: ArrayLike<number>, eps: number, iters: number, stepFactor: number): number {
  const n = W.rows;
  const delta = new Float64Array(n);
  const r = new Float64Array(n);
  const g = new Float64Array(n);
  const residual = () => {
    for (let i = 0; i < n; i++) {
      let v = 0;
      for (let j = 0; j < n; j++) v += W.data[i * n + j] * (y[j] + delta[j]);
      r[i] = v - x[i];
    }
  };
  const step = (stepFactor * eps) / iters;
  for (let it = 0; it < iters; it++) {
    residual();
    let gn = 0;
    for (let j = 0; j < n; j++) {
      let v = 0;
      for (let i = 0; i < n; i++) v += W.data[i * n + j] * r[i];
      g[j] = v;
      gn += v * v;
    }
    gn = Math.sqrt(gn);
    if (gn === 0) break;
    let dn = 0;
    for (let j = 0; j < n; j++) {
      delta[j] += (step * g[j]) / gn;
      dn += delta[j] * delta[j];
    }
    dn = Math.sqrt(dn);
    if (dn > eps) for (let j = 0; j < n; j++) delta[j] *= eps / dn;
  }
  residual();
  return r.reduce((s, v) => s + v * v, 0);
}

/**
 * Per-sample inner products that determine ||Wy − x|| and ||Uᵀ(Wy − x)|| for every two-level
 * W = a·UUᵀ + b·(I − UUᵀ): ||y||², ||Uᵀy||², ⟨y, x⟩, ⟨Uᵀy, Uᵀx⟩, ||x||², ||Uᵀx||². Computed once per test set.
 */
export interface TwoLevelStats { count: number; yy: Float64Array; uyuy: Float64Array; yx: Float64Array; uyux: Float64Array; xx: Float64Array; uxux: Float64Array }

export function twoLevelStats(U: Matrix, test: TestSet): TwoLevelStats {
  const { rows: n, cols: d } = U;
  const T = test.count;
  const st: TwoLevelStats = { count: T, yy: new Float64Array(T), uyuy: new Float64Array(T), yx: new Float64Array(T), uyux: new Float64Array(T), xx: new Float64Array(T), uxux: new Float64Array(T) };
  for (let s = 0; s < T; s++) {
    let yy = 0;
    let yx = 0;
    let xx = 0;
    for (let i = 0; i < n; i++) {
      const y = test.y[s * n + i];
      const x = test.x[s * n + i];
      yy += y * y;
      yx += y * x;
      xx += x * x;
    }
    let uyuy = 0;
    let uyux = 0;
    let uxux = 0;
    for (let j = 0; j < d; j++) {
      let uy = 0;
      let ux = 0;
      for (let i = 0; i < n; i++) {
        uy += U.data[i * d + j] * test.y[s * n + i];
        ux += U.data[i * d + j] * test.x[s * n + i];
      }
      uyuy += uy * uy;
      uyux += uy * ux;
      uxux += ux * ux;
    }
    st.yy[s] = yy;
    st.uyuy[s] = uyuy;
    st.yx[s] = yx;
    st.uyux[s] = uyux;
    st.xx[s] = xx;
    st.uxux[s] = uxux;
  }
  return st;
}

/**
 * Exact worst case of the two-level estimator W = a·UUᵀ + b·(I − UUᵀ) without an eigendecomposition:
 * WᵀW has eigenvalue a² on range(U) and b² on its complement, so the secular equation only needs
 * the norms of β's two blocks, ||β_U||² = a²||Uᵀr||² and ||β_⊥||² = b²(||r||² − ||Uᵀr||²), r = Wy − x,
 * and both follow from the per-sample inner products (r = b·y + (a − b)·UUᵀy − x).
 */
export function twoLevelWorstCase(a: number, b: number, stats: TwoLevelStats, eps: number): WorstCase {
  const out = new Float64Array(stats.count);
  const beta = new Float64Array(2);
  const lambda = Float64Array.of(a * a, b * b);
  const c = a - b;
  for (let s = 0; s < stats.count; s++) {
    const rr = b * b * stats.yy[s] + (2 * b * c + c * c) * stats.uyuy[s] - 2 * b * stats.yx[s] - 2 * c * stats.uyux[s] + stats.xx[s];
    const ur = a * a * stats.uyuy[s] - 2 * a * stats.uyux[s] + stats.uxux[s];
    beta[0] = Math.abs(a) * Math.sqrt(Math.max(0, ur));
    beta[1] = Math.abs(b) * Math.sqrt(Math.max(0, rr - ur));
    out[s] = trustRegionMax(Math.max(0, rr), beta, lambda, eps);
  }
  return summarize(out);
}
