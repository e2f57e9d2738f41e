/**
 * Float64 kernels on row-major feature matrices: Gram matrices accumulated column block by
 * column block (so a sweep over growing p pays for each column once), and the normal matrix
 * FᵀF of a leading block of columns.
 */

/** Dot product of F[a, c0:c1] and F[b, c0:c1] (rows a and b of a row-major matrix with `stride` columns). */
function rowDot(F: Float64Array, stride: number, a: number, b: number, c0: number, c1: number): number {
  const ra = a * stride;
  const rb = b * stride;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let c = c0;
  // Four accumulators: independent chains let the JIT overlap the multiply-adds.
  for (; c + 3 < c1; c += 4) {
    s0 += F[ra + c] * F[rb + c];
    s1 += F[ra + c + 1] * F[rb + c + 1];
    s2 += F[ra + c + 2] * F[rb + c + 2];
    s3 += F[ra + c + 3] * F[rb + c + 3];
  }
  for (; c < c1; c++) s0 += F[ra + c] * F[rb + c];
  return s0 + s1 + s2 + s3;
}

/** Below this many columns a call adds outer products column by column (a per-pair dot product would be mostly loop overhead). */
const NARROW = 8;

/** G (N×N) += F[:, c0:c1] F[:, c0:c1]ᵀ for the N rows of F; both triangles are written identically (G stays exactly symmetric). */
export function accumulateGram(G: Float64Array, N: number, F: Float64Array, stride: number, c0: number, c1: number): void {
  if (c1 <= c0) return;
  if (c1 - c0 < NARROW) {
    const col = new Float64Array(N);
    for (let c = c0; c < c1; c++) {
      for (let i = 0; i < N; i++) col[i] = F[i * stride + c];
      for (let i = 0; i < N; i++) {
        const ci = col[i];
        const row = i * N;
        for (let j = 0; j <= i; j++) G[row + j] += ci * col[j];
      }
    }
    for (let i = 0; i < N; i++) for (let j = 0; j < i; j++) G[j * N + i] = G[i * N + j];
    return;
  }
  for (let i = 0; i < N; i++) {
    for (let j = 0; j <= i; j++) {
      const v = G[i * N + j] + rowDot(F, stride, i, j, c0, c1);
      G[i * N + j] = v;
      G[j * N + i] = v;
    }
  }
}

/** The normal matrix A = F_Rᵀ F_R (p×p) of the first p columns of the rows R of F. */
export function normalMatrix(F: Float64Array, stride: number, rows: readonly number[], p: number): Float64Array {
  const A = new Float64Array(p * p);
  for (const r of rows) {
    const base = r * stride;
    for (let a = 0; a < p; a++) {
      const fa = F[base + a];
      if (fa === 0) continue;
      const ra = a * p;
      for (let b = 0; b <= a; b++) A[ra + b] += fa * F[base + b];
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < a; b++) A[b * p + a] = A[a * p + b];
  return A;
}

/** The leading p×p block of a P×P row-major matrix. */
export function leadingBlock(M: Float64Array, P: number, p: number): Float64Array {
  const out = new Float64Array(p * p);
  for (let a = 0; a < p; a++) out.set(M.subarray(a * P, a * P + p), a * p);
  return out;
}

/** The rows × rows sub-block of an N×N row-major matrix. */
export function subBlock(G: Float64Array, N: number, rows: readonly number[]): Float64Array {
  const r = rows.length;
  const out = new Float64Array(r * r);
  for (let a = 0; a < r; a++) {
    const ra = rows[a] * N;
    for (let b = 0; b < r; b++) out[a * r + b] = G[ra + rows[b]];
  }
  return out;
}
