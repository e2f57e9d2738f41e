import type { Matrix } from './matrix.js';

export interface QR {
  /** m x m orthogonal. */
  readonly Q: Matrix;
  /** m x n upper triangular (entries below the diagonal are exactly 0). */
  readonly R: Matrix;
}

/**
 * Full Householder QR, a = Q R with Q m x m orthogonal. When a (m x n, m >= n) has full column
 * rank, the first n columns of Q span its range and the last m - n its orthogonal complement.
 */
export function qr(a: Matrix): QR {
  const m = a.rows;
  const n = a.cols;
  const R = Float64Array.from(a.data);
  const k = Math.min(m, n);
  const vs: (Float64Array | null)[] = [];
  const w = new Float64Array(Math.max(m, n));
  for (let j = 0; j < k; j++) {
    const len = m - j;
    // Column j from row j down, and its norm (scaled against overflow).
    let big = 0;
    for (let i = j; i < m; i++) big = Math.max(big, Math.abs(R[i * n + j]));
    if (big === 0 || len <= 1) {
      vs.push(null);
      continue;
    }
    let ss = 0;
    for (let i = j; i < m; i++) {
      const t = R[i * n + j] / big;
      ss += t * t;
    }
    const norm = big * Math.sqrt(ss);
    const x0 = R[j * n + j];
    const alpha = x0 >= 0 ? -norm : norm;
    const v = new Float64Array(len);
    for (let i = 0; i < len; i++) v[i] = R[(j + i) * n + j];
    v[0] -= alpha;
    let vv = 0;
    for (let i = 0; i < len; i++) vv += v[i] * v[i];
    if (vv === 0) {
      vs.push(null);
      continue;
    }
    const vn = Math.sqrt(vv);
    for (let i = 0; i < len; i++) v[i] /= vn;
    // R[j:, j:] -= 2 v (v^T R[j:, j:])
    w.fill(0, 0, n);
    for (let i = 0; i < len; i++) {
      const vi = v[i];
      const ri = (j + i) * n;
      for (let c = j; c < n; c++) w[c] += vi * R[ri + c];
    }
    for (let i = 0; i < len; i++) {
      const f = 2 * v[i];
      const ri = (j + i) * n;
      for (let c = j; c < n; c++) R[ri + c] -= f * w[c];
    }
    R[j * n + j] = alpha;
    for (let i = j + 1; i < m; i++) R[i * n + j] = 0;
    vs.push(v);
  }
  // Q = H_0 H_1 ... H_{k-1}, built by applying the reflectors to I in reverse order.
  const Q = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Q[i * m + i] = 1;
  for (let j = vs.length - 1; j >= 0; j--) {
    const v = vs[j];
    if (v === null) continue;
    const len = m - j;
    w.fill(0, 0, m);
    for (let i = 0; i < len; i++) {
      const vi = v[i];
      const qi = (j + i) * m;
      for (let c = 0; c < m; c++) w[c] += vi * Q[qi + c];
    }
    for (let i = 0; i < len; i++) {
      const f = 2 * v[i];
      const qi = (j + i) * m;
      for (let c = 0; c < m; c++) Q[qi + c] -= f * w[c];
    }
  }
  return { Q: { rows: m, cols: m, data: Q }, R: { rows: m, cols: n, data: R } };
}
