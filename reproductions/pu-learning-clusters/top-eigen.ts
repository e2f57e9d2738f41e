/**
 * The top principal component of centred data, by restarted Lanczos with full
 * re-orthogonalisation, in float64. The harness's Jacobi eigensolver costs seconds at d = 500
 * and PCA needs only one eigenpair, so this works on the operator v ↦ Xcᵀ(Xc v)/n without ever
 * forming the d×d covariance.
 */
import { luSolve, matrix } from '#harness/linalg';
import { createRng } from '#harness/random';

export interface TopComponent {
  /** Unit eigenvector of the sample covariance with the largest eigenvalue (length d). */
  vector: Float64Array;
  /** Its eigenvalue. */
  value: number;
  /** Column means of the data (length d), the centre of the projection. */
  mean: Float64Array;
  /** ||C v − λ v|| / λ at the end (small when converged). */
  residual: number;
}

export interface LanczosOptions {
  /** Krylov dimension of one cycle (capped at d). */
  krylov?: number;
  restarts?: number;
  tolerance?: number;
  /** Seed of the start vector. */
  seed?: number;
}

/** Sample covariance (divided by n) of row-major data X (n×d) after centring. */
export function topPrincipalComponent(X: Float64Array, n: number, d: number, options: LanczosOptions = {}): TopComponent {
  if (X.length !== n * d) throw new Error(`topPrincipalComponent: data has ${X.length} entries, expected n·d = ${n}·${d}`);
  if (n < 2 || d < 1) throw new Error(`topPrincipalComponent: needs n ≥ 2 and d ≥ 1, got n = ${n}, d = ${d}`);
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += X[i * d + j];
  for (let j = 0; j < d; j++) mean[j] /= n;
  const Xc = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) Xc[i * d + j] = X[i * d + j] - mean[j];
  const apply = covarianceOperator(Xc, n, d);

  const k = Math.min(d, options.krylov ?? 60);
  const tolerance = options.tolerance ?? 1e-6;
  const rng = createRng(options.seed ?? 0);
  let start: Float64Array = Float64Array.from({ length: d }, () => rng.normal());
  let best: { vector: Float64Array; value: number; residual: number } = { vector: start, value: 0, residual: Number.POSITIVE_INFINITY };
  for (let cycle = 0; cycle <= (options.restarts ?? 8); cycle++) {
    best = lanczosCycle(apply, start, k);
    if (best.residual <= tolerance * Math.max(best.value, Number.MIN_VALUE)) break;
    start = best.vector;
  }
  return { vector: best.vector, value: best.value, mean, residual: best.residual / Math.max(best.value, Number.MIN_VALUE) };
}

/**
 * v ↦ Xcᵀ(Xc v)/n. Both products take four rows at a time: Xc v as four independent sums (one
 * dependent chain of adds is bound by the adder's latency, four are not) and Xcᵀu with each
 * `out` element loaded once for the four rows. Every sum still adds its terms in the one-row
 * order, so the results are the same bits (test/top-eigen.test.ts checks it).
 */
export function covarianceOperator(Xc: Float64Array, n: number, d: number): (v: Float64Array, out: Float64Array) => void {
  const u = new Float64Array(n);
  const n4 = n - (n % 4);
  return (v, out) => {
    let i = 0;
    for (; i < n4; i += 4) {
      const r0 = i * d;
      const r1 = r0 + d;
      const r2 = r1 + d;
      const r3 = r2 + d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let j = 0; j < d; j++) {
        const vj = v[j];
        s0 += Xc[r0 + j] * vj;
        s1 += Xc[r1 + j] * vj;
        s2 += Xc[r2 + j] * vj;
        s3 += Xc[r3 + j] * vj;
      }
      u[i] = s0 / n;
      u[i + 1] = s1 / n;
      u[i + 2] = s2 / n;
      u[i + 3] = s3 / n;
    }
    for (; i < n; i++) {
      let s = 0;
      const row = i * d;
      for (let j = 0; j < d; j++) s += Xc[row + j] * v[j];
      u[i] = s / n;
    }
    out.fill(0);
    i = 0;
    for (; i < n4; i += 4) {
      const r0 = i * d;
      const r1 = r0 + d;
      const r2 = r1 + d;
      const r3 = r2 + d;
      const [u0, u1, u2, u3] = [u[i], u[i + 1], u[i + 2], u[i + 3]];
      for (let j = 0; j < d; j++) {
        let o = out[j];
        o += Xc[r0 + j] * u0;
        o += Xc[r1 + j] * u1;
        o += Xc[r2 + j] * u2;
        o += Xc[r3 + j] * u3;
        out[j] = o;
      }
    }
    for (; i < n; i++) {
      const ui = u[i];
      const row = i * d;
      for (let j = 0; j < d; j++) out[j] += Xc[row + j] * ui;
    }
  };
}

/** One Lanczos cycle of at most k steps from `start`; returns the top Ritz pair and its true residual. */
function lanczosCycle(apply: (v: Float64Array, out: Float64Array) => void, start: Float64Array, k: number) {
  const d = start.length;
  const Q: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = normalized(start);
  const w = new Float64Array(d);
  for (let step = 0; step < k; step++) {
    Q.push(q);
    apply(q, w);
    alpha.push(dot(w, q));
    // Full re-orthogonalisation, twice ("twice is enough"): keeps the basis orthonormal in float64.
    for (let pass = 0; pass < 2; pass++) {
      for (const b of Q) {
        const c = dot(w, b);
        for (let j = 0; j < d; j++) w[j] -= c * b[j];
      }
    }
    const norm = Math.sqrt(dot(w, w));
    if (step === k - 1 || norm <= 1e-12 * Math.max(Math.abs(alpha[step]), 1e-300)) break;
    beta.push(norm);
    q = Float64Array.from(w, (x) => x / norm);
  }
  const { value, vector: s } = tridiagonalTop(alpha, beta);
  const vector = new Float64Array(d);
  Q.forEach((b, i) => {
    for (let j = 0; j < d; j++) vector[j] += s[i] * b[j];
  });
  const v = normalized(vector);
  const Av = new Float64Array(d);
  apply(v, Av);
  let r = 0;
  for (let j = 0; j < d; j++) r += (Av[j] - value * v[j]) ** 2;
  return { vector: v, value, residual: Math.sqrt(r) };
}

/**
 * Largest eigenvalue of the symmetric tridiagonal matrix with diagonal `a` and off-diagonal `b`
 * (Sturm-sequence bisection), and its unit eigenvector (inverse iteration with a tiny shift).
 */
export function tridiagonalTop(a: readonly number[], b: readonly number[]): { value: number; vector: Float64Array } {
  const m = a.length;
  if (m === 0 || b.length < m - 1) throw new Error(`tridiagonalTop: needs m ≥ 1 diagonal entries and m − 1 off-diagonal ones, got ${m} and ${b.length}`);
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const r = (i > 0 ? Math.abs(b[i - 1]) : 0) + (i < m - 1 ? Math.abs(b[i]) : 0);
    lo = Math.min(lo, a[i] - r);
    hi = Math.max(hi, a[i] + r);
  }
  // countBelow(x) = number of eigenvalues < x; the largest is the infimum of x with countBelow = m.
  const countBelow = (x: number) => {
    let count = 0;
    let qv = 1;
    for (let i = 0; i < m; i++) {
      qv = a[i] - x - (i > 0 ? (b[i - 1] * b[i - 1]) / qv : 0);
      if (qv === 0) qv = 1e-300;
      if (qv < 0) count++;
    }
    return count;
  };
  for (let it = 0; it < 200 && hi - lo > 1e-15 * Math.max(Math.abs(hi), Math.abs(lo), 1e-300); it++) {
    const mid = 0.5 * (lo + hi);
    if (countBelow(mid) >= m) hi = mid;
    else lo = mid;
  }
  const value = 0.5 * (lo + hi);
  if (m === 1) return { value, vector: Float64Array.of(1) };
  const scale = Math.max(...a.map(Math.abs), ...b.map(Math.abs), 1e-300);
  const shifted = matrix(m, m);
  for (let i = 0; i < m; i++) {
    shifted.data[i * m + i] = a[i] - (value + 1e-10 * scale);
    if (i < m - 1) {
      shifted.data[i * m + i + 1] = b[i];
      shifted.data[(i + 1) * m + i] = b[i];
    }
  }
  let z = matrix(m, 1, new Float64Array(m).fill(1 / Math.sqrt(m)));
  for (let it = 0; it < 3; it++) z = matrix(m, 1, normalized(luSolve(shifted, z).data));
  return { value, vector: z.data };
}

function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let j = 0; j < x.length; j++) s += x[j] * y[j];
  return s;
}

function normalized(x: Float64Array): Float64Array {
  const norm = Math.sqrt(dot(x, x));
  if (!(norm > 0)) throw new Error('topPrincipalComponent: a zero vector cannot be normalised (all data identical?)');
  return Float64Array.from(x, (v) => v / norm);
}
