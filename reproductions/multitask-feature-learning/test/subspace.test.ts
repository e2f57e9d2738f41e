import test from 'ava';
import { makeProblem } from '../data.js';
import { singularValueRatio, subspaceEnergy } from '../subspace.js';

const D = 10;
const R = 3;
const { M } = makeProblem(4, D, R, 1);

/** Rows of W (m×d) as combinations of M's columns (inside) or of directions orthogonal to them. */
function rowsFrom(coefficients: number[][], basis: (i: number, k: number) => number): Float32Array {
  const W = new Float32Array(coefficients.length * D);
  coefficients.forEach((c, j) => {
    for (let i = 0; i < D; i++) W[j * D + i] = c.reduce((s, ck, k) => s + ck * basis(i, k), 0);
  });
  return W;
}

test('energy is 1 inside span(M), 0 orthogonal to it, and ≈ r/d for isotropic rows', (t) => {
  const inside = rowsFrom([[1, 2, 0], [0, -1, 3]], (i, k) => M.data[i * R + k]);
  t.true(Math.abs(subspaceEnergy(inside, M) - 1) < 1e-6);
  // e_i minus its projection on span(M) is orthogonal to M.
  const outside = new Float32Array(2 * D);
  for (const [j, i0] of [[0, 0], [1, 5]] as const) {
    for (let i = 0; i < D; i++) {
      let proj = 0;
      for (let k = 0; k < R; k++) proj += M.data[i0 * R + k] * M.data[i * R + k];
      outside[j * D + i] = (i === i0 ? 1 : 0) - proj;
    }
  }
  t.true(subspaceEnergy(outside, M) < 1e-6);
  const wide = makeProblem(9, 64, 4, 4000);
  const e = subspaceEnergy(wide.W0, wide.M);
  t.true(Math.abs(e - 4 / 64) < 0.01, `isotropic energy ${e} vs r/d = ${4 / 64}`);
});

test('σ_min/σ_max of WM: 0 when every neuron sees one direction, 1 for an orthonormal frame', (t) => {
  const rankOne = rowsFrom([[1, 0, 0], [-2, 0, 0], [0.5, 0, 0]], (i, k) => M.data[i * R + k]);
  t.true(singularValueRatio(rankOne, M) < 1e-3);
  const frame = rowsFrom([[1, 0, 0], [0, 1, 0], [0, 0, 1]], (i, k) => M.data[i * R + k]);
  t.true(Math.abs(singularValueRatio(frame, M) - 1) < 1e-6);
  const stretched = rowsFrom([[2, 0, 0], [0, 1, 0], [0, 0, 0.5]], (i, k) => M.data[i * R + k]);
  t.true(Math.abs(singularValueRatio(stretched, M) - 0.25) < 1e-6);
});
