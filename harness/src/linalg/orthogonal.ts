import type { Rng } from '../random.js';
import type { Matrix } from './matrix.js';
import { qr } from './qr.js';

/**
 * A Haar-distributed random n x n orthogonal matrix: Householder QR of a matrix of independent
 * standard normals (drawn row by row from `rng`), with Q's columns sign-corrected so that R has a
 * positive diagonal.
 */
export function randomOrthogonal(n: number, rng: Rng): Matrix {
  if (!Number.isInteger(n) || n < 0) throw new Error(`randomOrthogonal: n must be a non-negative integer, got ${n}`);
  const g = new Float64Array(n * n);
  for (let k = 0; k < g.length; k++) g[k] = rng.normal();
  const { Q, R } = qr({ rows: n, cols: n, data: g });
  const q = Q.data;
  for (let j = 0; j < n; j++) {
    if (R.data[j * n + j] < 0) {
      for (let i = 0; i < n; i++) q[i * n + j] = -q[i * n + j];
    }
  }
  return Q;
}
