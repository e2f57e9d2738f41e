import test from 'ava';
import {
  diag, fromRows, identity, lambdaMax, lambdaMin, matmul, matrix, spectralNorm, symmetricEigen,
  symmetricEigenvalues, symmetrize, transpose, transposeMatmul,
} from '../../src/linalg/index.js';
import { distance, gaussian } from './helpers.js';

test('known eigenvalues of a 3x3', (t) => {
  const a = fromRows([[2, -1, 0], [-1, 2, -1], [0, -1, 2]]);
  const { values, vectors } = symmetricEigen(a);
  const expected = [2 - Math.SQRT2, 2, 2 + Math.SQRT2];
  for (let i = 0; i < 3; i++) t.true(Math.abs(values[i] - expected[i]) < 1e-14, `${values[i]}`);
  // The middle eigenvector is (1, 0, -1)/sqrt(2) up to sign.
  const v = [vectors.data[1], vectors.data[4], vectors.data[7]];
  t.true(Math.abs(Math.abs(v[0]) - Math.SQRT1_2) < 1e-14 && Math.abs(v[1]) < 1e-14 && Math.abs(v[0] + v[2]) < 1e-14);
  t.true(Math.abs(lambdaMax(a) - expected[2]) < 1e-14);
  t.true(Math.abs(lambdaMin(a) - expected[0]) < 1e-14);
});

test('eigen-decomposition reconstructs a, vectors orthonormal, values ascending', (t) => {
  for (const [n, seed] of [[1, 1], [2, 2], [10, 3], [60, 4]] as const) {
    const a = symmetrize(gaussian(n, n, seed));
    const { values, vectors } = symmetricEigen(a);
    const rebuilt = matmul(matmul(vectors, diag(values)), transpose(vectors));
    t.true(distance(rebuilt, a) < 1e-12 * n, `n = ${n}`);
    t.true(distance(transposeMatmul(vectors, vectors), identity(n)) < 1e-12 * n, `n = ${n}`);
    for (let i = 1; i < n; i++) t.true(values[i - 1] <= values[i]);
    const valuesOnly = symmetricEigenvalues(a);
    for (let i = 0; i < n; i++) t.true(Math.abs(valuesOnly[i] - values[i]) < 1e-12);
  }
});

test('degenerate and diagonal inputs', (t) => {
  const { values, vectors } = symmetricEigen(diag([3, -1, 3, 0]));
  t.deepEqual(values, [-1, 0, 3, 3]);
  t.true(distance(transposeMatmul(vectors, vectors), identity(4)) < 1e-15);
  t.deepEqual(symmetricEigen(matrix(3, 3)).values, [0, 0, 0]);
  t.deepEqual(symmetricEigen(matrix(0, 0)).values, []);
  // A rank-one matrix: eigenvalues 0, 0, |u|^2.
  const u = fromRows([[1], [2], [2]]);
  const vals = symmetricEigen(matmul(u, transpose(u))).values;
  t.true(Math.abs(vals[2] - 9) < 1e-13 && Math.abs(vals[0]) < 1e-14 && Math.abs(vals[1]) < 1e-14);
});

test('symmetricEigen rejects non-symmetric and non-square input', (t) => {
  t.throws(() => symmetricEigen(fromRows([[1, 2], [0, 1]])), { message: /symmetric/ });
  t.throws(() => symmetricEigen(matrix(2, 3)), { message: /2x3/ });
});

test('spectralNorm', (t) => {
  t.true(Math.abs(spectralNorm(fromRows([[3, 0], [0, -5], [0, 0]])) - 5) < 1e-14);
  t.true(Math.abs(spectralNorm(fromRows([[1, 1]])) - Math.SQRT2) < 1e-14);
  t.is(spectralNorm(matrix(3, 0)), 0);
  const g = gaussian(8, 5, 9);
  const s = spectralNorm(g);
  // sigma_max bounds ||g x|| for unit x and is attained at the top right singular vector.
  const { values, vectors } = symmetricEigen(transposeMatmul(g, g));
  t.true(Math.abs(s - Math.sqrt(values[4])) < 1e-12);
  const x = matrix(5, 1, Array.from({ length: 5 }, (_, i) => vectors.data[i * 5 + 4]));
  const gx = matmul(g, x);
  t.true(Math.abs(Math.hypot(...gx.data) - s) < 1e-12);
});

// Speed is measured by `npm run bench`, never asserted in tests (a loaded machine would flake).
test('200x200 symmetricEigen is accurate', (t) => {
  const n = 200;
  const a = symmetrize(gaussian(n, n, 42));
  const { values, vectors } = symmetricEigen(a);
  const rebuilt = matmul(matmul(vectors, diag(values)), transpose(vectors));
  t.true(distance(rebuilt, a) < 1e-12 * 200);
  t.true(distance(transposeMatmul(vectors, vectors), identity(n)) < 1e-11);
});

test('symmetricEigen rescales before its convergence test: huge and tiny matrices are diagonalised', (t) => {
  for (const scale of [1e200, 1e-200]) {
    const a = fromRows([[2 * scale, scale], [scale, 2 * scale]]);
    const values = symmetricEigenvalues(a);
    t.true(Math.abs(values[0] / scale - 1) < 1e-12 && Math.abs(values[1] / scale - 3) < 1e-12, `scale ${scale}: ${values}`);
  }
});
