/**
 * Gradient flow of f(X) = 1/4 ||X X^T - M||_F^2, X in R^{n x r}:  dX/dt = (M - X X^T) X,
 * with M = V diag(Lambda1, -lambda2 I) V^T (Mohammadi et al., arXiv 2411.15972).
 *
 * Everything here is pure and float64 (plain Float64Array loops; no tfjs): the functions return
 * plain data and do no I/O.
 *
 * Notation. Y = V^T X splits into Y1 (first s rows, s x r) and Y2 (the other n - s rows).
 * P = Y Y^T has blocks P1 = Y1 Y1^T, P12 = Y1 Y2^T, P2 = Y2 Y2^T. The Schur complement is
 * S = P2 - P21 P1^{-1} P12 and the coupling K = P1^{-1} P12.
 *
 * Numerics. At recorded steps S and K are computed from the factor Y, not from P: with the
 * Householder QR Y1^T = [Q1 Q2] [R1; 0], S = Z2 Z2^T and K = R1^{-1} Z1^T where [Z1 Z2] = Y2 [Q1 Q2].
 * S is then positive semidefinite by construction and free of the cancellation in
 * P2 - P21 P1^{-1} P12; lambda_max(S) comes from the small (r - s) x (r - s) matrix Z2^T Z2. When Y1 is
 * numerically rank-deficient (condition number above 1e8, e.g. at a saddle, or r < s) the Schur
 * quantities are undefined and recorded as NaN. Tiny values of S (1e-13 and below) are recorded
 * as computed, never clamped or replaced.
 */
import { createRng, deriveSeed, type Rng } from '#harness/random';
import {
  frobenius,
  gram,
  matmul,
  matmulTranspose,
  matrix,
  qr,
  randomOrthogonal,
  shapeOf,
  solveUpper,
  spectralNorm,
  choleskySolve,
  block,
  symmetricEigen,
  symmetricEigenvalues,
  symmetrize,
  transpose,
  transposeMatmul,
  type Matrix,
} from '#harness/linalg';

export interface ProblemSpec {
  /** Ambient dimension. */
  n: number;
  /** True rank: number of positive eigenvalues of M. */
  s: number;
  /** Columns of X (r > s: over-parameterised; r = s: exact). */
  r: number;
  /** The s positive eigenvalues Lambda1 (any order; each > 0). */
  lambda1: number[];
  /** Lambda2 = lambda2 * I_{n-s}; 0 gives a PSD target, > 0 an indefinite M. */
  lambda2: number;
}

export interface Problem {
  spec: ProblemSpec;
  /** n x n orthogonal; its first s columns V1 span the positive eigenspace. */
  V: Matrix;
  /**
   * V diag(Lambda1, -lambda2 I) V^T. For reference: `simulate` applies M in factored form from
   * `V` and `spec`, so a hand-built Problem must keep M consistent with them.
   */
  M: Matrix;
  /** V1 Lambda1 V1^T, the best PSD rank-s approximation of M. */
  target: Matrix;
}

export interface Trajectory {
  /** t = eta * step at each recorded step. */
  t: number[];
  step: number[];
  /** ||X X^T - target||_F. */
  error: number[];
  /** lambda_max(S); 0 when r = s (S = 0), NaN where P1 is numerically singular. */
  schurMax: number[];
  /** ||P1^{-1} P12||_2; NaN where P1 is numerically singular. */
  couplingNorm: number[];
  /** ||v_i^T X||_2 for i < s, at each recorded step (the signal captured along each eigen-direction). */
  signalNorms: number[][];
  /** S at each recorded step, only when `keepSchur` (otherwise empty). */
  schur: Matrix[];
  finalX: Matrix;
  /** True when X became non-finite; the trajectory stops at the first non-finite record. */
  diverged: boolean;
}

export type Integrator = 'euler' | 'rk4';

export interface SimulateOptions {
  /** Step size (gradient-descent learning rate / integrator time step). */
  eta: number;
  steps: number;
  /** Record at step 0, every `recordEvery` steps, and at the last step. */
  recordEvery: number;
  /** Default 'euler' (plain gradient descent X <- X + eta (M - X X^T) X). */
  integrator?: Integrator;
  keepSchur?: boolean;
  /**
   * Called at every recorded step (after its measurements) with t = eta * step (local to this
   * call) and a copy of X that the callback may keep.
   */
  onRecord?: (t: number, X: Matrix, step: number) => void;
}

/** The smoke setup: n = 20, s = 3, Lambda1 = diag(3, 2, 1), r = 6, PSD target. */
export const SMOKE_SPEC: ProblemSpec = { n: 20, s: 3, r: 6, lambda1: [3, 2, 1], lambda2: 0 };

/** Y1 more ill-conditioned than this (ratio of extreme R1 diagonal entries) counts as singular. */
const MAX_Y1_CONDITION = 1e8;

export function validateSpec(spec: ProblemSpec): void {
  const { n, s, r, lambda1, lambda2 } = spec;
  for (const [name, v] of [['n', n], ['s', s], ['r', r]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`ProblemSpec: ${name} must be a positive integer, got ${v}`);
  }
  if (s > n) throw new Error(`ProblemSpec: s = ${s} exceeds n = ${n}`);
  if (r > n) throw new Error(`ProblemSpec: r = ${r} exceeds n = ${n}`);
  if (lambda1.length !== s) throw new Error(`ProblemSpec: lambda1 has ${lambda1.length} values, s = ${s}`);
  if (!lambda1.every((v) => Number.isFinite(v) && v > 0)) {
    throw new Error(`ProblemSpec: lambda1 must be positive, got [${lambda1.join(', ')}]`);
  }
  if (!(Number.isFinite(lambda2) && lambda2 >= 0)) throw new Error(`ProblemSpec: lambda2 must be >= 0, got ${lambda2}`);
}

/** V = a Haar-random orthogonal matrix drawn from `rng`; M and the target built from it. */
export function makeProblem(spec: ProblemSpec, rng: Rng): Problem {
  validateSpec(spec);
  const { n, s } = spec;
  const V = randomOrthogonal(n, rng);
  const eig = [...spec.lambda1, ...new Array<number>(n - s).fill(-spec.lambda2)];
  const M = matmulTranspose(scaleColumns(V, eig), V);
  const V1 = block(V, 0, n, 0, s);
  const target = matmulTranspose(scaleColumns(V1, spec.lambda1), V1);
  return { spec, V, M: symmetrize(M), target: symmetrize(target) };
}

/** n x r matrix of independent scale * N(0, 1) entries, drawn row by row. */
export function initialX(n: number, r: number, scale: number, rng: Rng): Matrix {
  const data = new Float64Array(n * r);
  for (let k = 0; k < data.length; k++) data[k] = scale * rng.normal();
  return matrix(n, r, data);
}

/**
 * A problem and an initial point from one integer seed, through independent derived streams
 * (stream 1 for V, stream 2 for X0), so that changing r or the init scale does not change V.
 */
export function makeInstance(spec: ProblemSpec, seed: number, initScale = 0.1): { problem: Problem; X0: Matrix } {
  const problem = makeProblem(spec, createRng(deriveSeed(seed, 1)));
  const X0 = initialX(spec.n, spec.r, initScale, createRng(deriveSeed(seed, 2)));
  return { problem, X0 };
}

/**
 * X0 with its component along v_j removed, X = (I - v_j v_j^T) X0, for j < s. The subspace
 * {v_j^T X = 0} is invariant under the flow, which then converges to the saddle
 * P = sum_{i != j} lambda_i v_i v_i^T; in floating point, rounding re-seeds the v_j component
 * (at ~1e-16 relative), which grows like e^{lambda_j t}, so the flow eventually escapes.
 */
export function saddleInit(problem: Problem, X0: Matrix, zeroedDirection: number): Matrix {
  const { n, s, r } = problem.spec;
  const j = zeroedDirection;
  if (!Number.isInteger(j) || j < 0 || j >= s) throw new Error(`saddleInit: direction ${j} must be in [0, ${s})`);
  checkX(problem, X0, 'saddleInit');
  const V = problem.V.data;
  const X = Float64Array.from(X0.data);
  const c = new Float64Array(r);
  // Project twice so that the remaining component is at the rounding level of X itself.
  for (let pass = 0; pass < 2; pass++) {
    c.fill(0);
    for (let i = 0; i < n; i++) {
      const vij = V[i * n + j];
      for (let k = 0; k < r; k++) c[k] += vij * X[i * r + k];
    }
    for (let i = 0; i < n; i++) {
      const vij = V[i * n + j];
      for (let k = 0; k < r; k++) X[i * r + k] -= vij * c[k];
    }
  }
  return matrix(n, r, X);
}

/** S = P2 - P21 P1^{-1} P12 for a symmetric P with P1 = P[0:s, 0:s] positive definite. */
export function schurComplement(P: Matrix, s: number): Matrix {
  if (P.rows !== P.cols) throw new Error(`schurComplement: expected a square matrix, got ${shapeOf(P)}`);
  const n = P.rows;
  if (!Number.isInteger(s) || s < 0 || s > n) throw new Error(`schurComplement: s = ${s} out of range for ${shapeOf(P)}`);
  const P1 = block(P, 0, s, 0, s);
  const P12 = block(P, 0, s, s, n);
  const P2 = block(P, s, n, s, n);
  if (s === 0) return P2;
  const K = choleskySolve(P1, P12);
  const correction = transposeMatmul(P12, K);
  const out = new Float64Array((n - s) * (n - s));
  const m = n - s;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      out[i * m + j] =
        P2.data[i * m + j] - 0.5 * (correction.data[i * m + j] + correction.data[j * m + i]);
    }
  }
  return matrix(m, m, out);
}

/**
 * Closed-form S(t0 + dt) from S(t0) = S0 for Lambda2 = lambda2 * I:
 * dS/dt = -2 lambda2 S - 2 S^2. In S0's eigenbasis each eigenvalue evolves as the scalar Riccati
 * equation, sigma(dt) = sigma0 e^{-2 lambda2 dt} / (1 + sigma0 g), g = (1 - e^{-2 lambda2 dt}) / lambda2
 * (g = 2 dt when lambda2 = 0, giving S0 (I + 2 dt S0)^{-1}).
 */
export function predictedSchur(S0: Matrix, lambda2: number, dt: number): Matrix {
  if (S0.rows !== S0.cols) throw new Error(`predictedSchur: expected a square matrix, got ${shapeOf(S0)}`);
  if (!(lambda2 >= 0) || !(dt >= 0)) throw new Error(`predictedSchur: need lambda2 >= 0 and dt >= 0, got ${lambda2}, ${dt}`);
  const decay = Math.exp(-2 * lambda2 * dt);
  const g = lambda2 === 0 ? 2 * dt : -Math.expm1(-2 * lambda2 * dt) / lambda2;
  const { values, vectors } = symmetricEigen(S0);
  const evolved = values.map((sigma) => (sigma * decay) / (1 + sigma * g));
  return symmetrize(matmulTranspose(scaleColumns(vectors, evolved), vectors));
}

/** The rotated factor Y = V^T X. */
export function rotate(problem: Problem, X: Matrix): Matrix {
  return transposeMatmul(problem.V, X);
}

/**
 * Schur complement and coupling computed from the factor Y (see the module comment), or null
 * when Y1 is numerically rank-deficient. `K` is s x (n - s); `Z2` gives S = Z2 Z2^T.
 */
export function factorBlocks(Y: Matrix, s: number): { K: Matrix; Z2: Matrix } | null {
  const n = Y.rows;
  const r = Y.cols;
  if (s > r || s > n) return null;
  const Y1 = block(Y, 0, s, 0, r);
  const Y2 = block(Y, s, n, 0, r);
  const { Q, R } = qr(transpose(Y1)); // Y1^T = Q R, R is r x s
  let dmin = Infinity;
  let dmax = 0;
  for (let i = 0; i < s; i++) {
    const d = Math.abs(R.data[i * s + i]);
    dmin = Math.min(dmin, d);
    dmax = Math.max(dmax, d);
  }
  if (s > 0 && !(dmin * MAX_Y1_CONDITION > dmax)) return null;
  const Z = matmul(Y2, Q); // (n - s) x r
  const Z1 = block(Z, 0, n - s, 0, s);
  const Z2 = block(Z, 0, n - s, s, r);
  const R1 = block(R, 0, s, 0, s);
  const K = solveUpper(R1, transpose(Z1));
  return { K, Z2 };
}

/** S = P2 - P21 P1^{-1} P12 of P = Y Y^T, computed from Y (PSD by construction); null if P1 is singular. */
export function schurFromFactor(Y: Matrix, s: number): Matrix | null {
  const b = factorBlocks(Y, s);
  return b === null ? null : gram(b.Z2);
}

function checkX(problem: Problem, X: Matrix, op: string): void {
  const { n, r } = problem.spec;
  if (X.rows !== n || X.cols !== r) throw new Error(`${op}: X is ${shapeOf(X)}, the problem needs ${n}x${r}`);
}

/**
 * Integrates dX/dt = (M - X X^T) X with step `eta` for `steps` steps, explicit Euler (gradient
 * descent) or classical RK4. M X is applied in factored form, M X = V1 (Lambda1 + lambda2) V1^T X
 * - lambda2 X, which is exact for makeProblem's M and costs O(n s r) instead of O(n^2 r).
 * The eigen-quantities are computed only at recorded steps.
 */
export function simulate(problem: Problem, X0: Matrix, opts: SimulateOptions): Trajectory {
  const { spec } = problem;
  validateSpec(spec);
  checkX(problem, X0, 'simulate');
  const { eta, steps, recordEvery } = opts;
  const integrator = opts.integrator ?? 'euler';
  const keepSchur = opts.keepSchur ?? false;
  if (!(Number.isFinite(eta) && eta > 0)) throw new Error(`simulate: eta must be positive, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 0) throw new Error(`simulate: steps must be a non-negative integer, got ${steps}`);
  if (!Number.isInteger(recordEvery) || recordEvery < 1) {
    throw new Error(`simulate: recordEvery must be a positive integer, got ${recordEvery}`);
  }
  if (integrator !== 'euler' && integrator !== 'rk4') throw new Error(`simulate: unknown integrator ${String(integrator)}`);

  const { n, s, r, lambda2 } = spec;
  const len = n * r;
  // V1 as an n x s row-major array, and D = Lambda1 + lambda2.
  const V1 = new Float64Array(n * s);
  for (let i = 0; i < n; i++) for (let a = 0; a < s; a++) V1[i * s + a] = problem.V.data[i * n + a];
  const D = Float64Array.from(spec.lambda1, (v) => v + lambda2);
  const V1t = new Float64Array(s * n); // V1^T, s x n
  for (let i = 0; i < n; i++) for (let a = 0; a < s; a++) V1t[a * n + i] = V1[i * s + a];
  const Xt = new Float64Array(r * n); // X^T, r x n
  const Wt = new Float64Array(r * s); // (D V1^T X)^T, r x s
  const G = new Float64Array(r * r); // X^T X

  /**
   * out = (M - X X^T) X = V1 D V1^T X - lambda2 X - X (X^T X). Written as dot products over
   * contiguous memory with two independent accumulator chains (about 1.5x faster in V8 than
   * the plain axpy form at n = 200, r = 20).
   */
  const field = (X: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      const xi = i * r;
      for (let c = 0; c < r; c++) Xt[c * n + i] = X[xi + c];
    }
    const nEven = n - (n % 2);
    for (let c = 0; c < r; c++) {
      const xc = c * n;
      for (let a = 0; a < s; a++) {
        const va = a * n;
        let acc = 0;
        for (let i = 0; i < n; i++) acc += V1t[va + i] * Xt[xc + i];
        Wt[c * s + a] = D[a] * acc;
      }
      // G[b][c] for b <= c, two columns b, b + 1 at a time.
      let b = 0;
      for (; b + 1 <= c; b += 2) {
        const x0 = b * n;
        const x1 = x0 + n;
        let a0 = 0;
        let a1 = 0;
        let a2 = 0;
        let a3 = 0;
        let i = 0;
        for (; i < nEven; i += 2) {
          const y0 = Xt[xc + i];
          const y1 = Xt[xc + i + 1];
          a0 += Xt[x0 + i] * y0;
          a1 += Xt[x1 + i] * y0;
          a2 += Xt[x0 + i + 1] * y1;
          a3 += Xt[x1 + i + 1] * y1;
        }
        if (i < n) {
          a0 += Xt[x0 + i] * Xt[xc + i];
          a1 += Xt[x1 + i] * Xt[xc + i];
        }
        const g0 = a0 + a2;
        const g1 = a1 + a3;
        G[c * r + b] = g0;
        G[b * r + c] = g0;
        G[c * r + b + 1] = g1;
        G[(b + 1) * r + c] = g1;
      }
      for (; b <= c; b++) {
        const xb = b * n;
        let acc = 0;
        for (let i = 0; i < n; i++) acc += Xt[xb + i] * Xt[xc + i];
        G[c * r + b] = acc;
        G[b * r + c] = acc;
      }
    }
    // out[i][c] = sum_a V1[i][a] Wt[c][a] - lambda2 X[i][c] - sum_b X[i][b] G[c][b], two columns at a time.
    for (let i = 0; i < n; i++) {
      const xi = i * r;
      const vi = i * s;
      let c = 0;
      for (; c + 1 < r; c += 2) {
        const wc = c * s;
        const gc = c * r;
        let p0 = -lambda2 * X[xi + c];
        let p1 = -lambda2 * X[xi + c + 1];
        for (let a = 0; a < s; a++) {
          const v = V1[vi + a];
          p0 += v * Wt[wc + a];
          p1 += v * Wt[wc + s + a];
        }
        let m0 = 0;
        let m1 = 0;
        for (let b = 0; b < r; b++) {
          const x = X[xi + b];
          m0 += x * G[gc + b];
          m1 += x * G[gc + r + b];
        }
        out[xi + c] = p0 - m0;
        out[xi + c + 1] = p1 - m1;
      }
      if (c < r) {
        const wc = c * s;
        const gc = c * r;
        let p0 = -lambda2 * X[xi + c];
        for (let a = 0; a < s; a++) p0 += V1[vi + a] * Wt[wc + a];
        let m0 = 0;
        for (let b = 0; b < r; b++) m0 += X[xi + b] * G[gc + b];
        out[xi + c] = p0 - m0;
      }
    }
  };

  const X = Float64Array.from(X0.data);
  const k1 = new Float64Array(len);
  const k2 = integrator === 'rk4' ? new Float64Array(len) : k1;
  const k3 = integrator === 'rk4' ? new Float64Array(len) : k1;
  const k4 = integrator === 'rk4' ? new Float64Array(len) : k1;
  const tmp = integrator === 'rk4' ? new Float64Array(len) : k1;

  const step = (): void => {
    if (integrator === 'euler') {
      field(X, k1);
      for (let k = 0; k < len; k++) X[k] += eta * k1[k];
      return;
    }
    const h2 = 0.5 * eta;
    field(X, k1);
    for (let k = 0; k < len; k++) tmp[k] = X[k] + h2 * k1[k];
    field(tmp, k2);
    for (let k = 0; k < len; k++) tmp[k] = X[k] + h2 * k2[k];
    field(tmp, k3);
    for (let k = 0; k < len; k++) tmp[k] = X[k] + eta * k3[k];
    field(tmp, k4);
    const h6 = eta / 6;
    for (let k = 0; k < len; k++) X[k] += h6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
  };

  const out: Trajectory = {
    t: [],
    step: [],
    error: [],
    schurMax: [],
    couplingNorm: [],
    signalNorms: [],
    schur: [],
    finalX: X0,
    diverged: false,
  };

  const record = (k: number): boolean => {
    const Xm = matrix(n, r, X);
    for (let i = 0; i < len; i++) {
      if (!Number.isFinite(X[i])) return false;
    }
    const m = measure(problem, Xm, keepSchur);
    out.t.push(eta * k);
    out.step.push(k);
    out.error.push(m.error);
    out.schurMax.push(m.schurMax);
    out.couplingNorm.push(m.couplingNorm);
    out.signalNorms.push(m.signalNorms);
    if (keepSchur) out.schur.push(m.schur as Matrix);
    opts.onRecord?.(eta * k, Xm, k);
    return true;
  };

  let ok = record(0);
  for (let k = 1; k <= steps && ok; k++) {
    step();
    if (k % recordEvery === 0 || k === steps) ok = record(k);
  }
  out.diverged = !ok;
  out.finalX = matrix(n, r, X);
  return out;
}

export interface Measurement {
  error: number;
  schurMax: number;
  couplingNorm: number;
  signalNorms: number[];
  /** Only when asked for; NaN-filled where P1 is singular. */
  schur?: Matrix;
}

/** The recorded quantities at one point X (see Trajectory). */
export function measure(problem: Problem, X: Matrix, withSchur = false): Measurement {
  checkX(problem, X, 'measure');
  const { n, s, r } = problem.spec;
  const XXt = gram(X);
  const T = problem.target.data;
  for (let k = 0; k < XXt.data.length; k++) XXt.data[k] -= T[k];
  const error = frobenius(XXt);
  const Y = rotate(problem, X);
  const signalNorms: number[] = [];
  for (let i = 0; i < s; i++) {
    let acc = 0;
    for (let c = 0; c < r; c++) acc += Y.data[i * r + c] ** 2;
    signalNorms.push(Math.sqrt(acc));
  }
  const b = factorBlocks(Y, s);
  if (b === null) {
    const m: Measurement = { error, schurMax: NaN, couplingNorm: NaN, signalNorms };
    if (withSchur) m.schur = matrix(n - s, n - s, new Float64Array((n - s) * (n - s)).fill(NaN));
    return m;
  }
  const small = transposeMatmul(b.Z2, b.Z2); // (r - s) x (r - s), same nonzero spectrum as S
  const vals = symmetricEigenvalues(small);
  const schurMax = vals.length === 0 || n === s ? 0 : vals[vals.length - 1];
  const m: Measurement = { error, schurMax, couplingNorm: spectralNorm(b.K), signalNorms };
  if (withSchur) m.schur = gram(b.Z2);
  return m;
}

function scaleColumns(a: Matrix, values: readonly number[]): Matrix {
  const out = Float64Array.from(a.data);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) out[i * a.cols + j] *= values[j];
  return matrix(a.rows, a.cols, out);
}
