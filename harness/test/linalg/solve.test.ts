import test from 'ava';
import {
  cholesky, choleskySolve, determinant, fromRows, identity, inverse, luSolve, matmul, matrix,
  matmulTranspose, toRows,
} from '../../src/linalg/index.js';
import { distance, gaussian, spd } from './helpers.js';

test('cholesky reproduces a and is lower triangular', (t) => {
  const a = spd(12, 5);
  const L = cholesky(a);
  t.true(distance(matmulTranspose(L, L), a) < 1e-10);
  for (let i = 0; i < 12; i++) for (let j = i + 1; j < 12; j++) t.is(L.data[i * 12 + j], 0);
  t.deepEqual(toRows(cholesky(fromRows([[4, 2], [2, 5]]))), [[2, 0], [1, 2]]);
});

test('cholesky throws clearly on non-SPD input', (t) => {
  t.throws(() => cholesky(fromRows([[1, 2], [2, 1]])), { message: /not symmetric positive definite/ });
  t.throws(() => cholesky(fromRows([[1, 0], [0, 0]])), { message: /not symmetric positive definite/ });
  t.throws(() => cholesky(fromRows([[2, 1], [0, 2]])), { message: /symmetric/ });
  t.throws(() => cholesky(matrix(2, 3)), { message: /square.*2x3/ });
});

test('choleskySolve agrees with luSolve', (t) => {
  const a = spd(30, 7);
  const b = gaussian(30, 4, 8);
  const x1 = choleskySolve(a, b);
  const x2 = luSolve(a, b);
  t.true(distance(x1, x2) < 1e-12);
  t.true(distance(matmul(a, x1), b) < 1e-10);
  t.throws(() => choleskySolve(a, matrix(29, 1)), { message: /30x30.*29x1/ });
});

test('luSolve solves general systems and needs pivoting', (t) => {
  const a = fromRows([[0, 1], [1, 0]]);
  t.deepEqual(toRows(luSolve(a, fromRows([[2], [3]]))), [[3], [2]]);
  const g = gaussian(40, 40, 11);
  const b = gaussian(40, 3, 12);
  t.true(distance(matmul(g, luSolve(g, b)), b) < 1e-10);
  t.throws(() => luSolve(g, matrix(39, 3)), { message: /40x40.*39x3/ });
});

test('luSolve and inverse throw on singular matrices', (t) => {
  const s = fromRows([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
  t.throws(() => luSolve(s, identity(3)), { message: /singular/ });
  t.throws(() => inverse(s), { message: /singular/ });
  t.throws(() => inverse(matrix(2, 2)), { message: /singular/ });
  t.is(determinant(s), 0);
});

test('inverse * a = I to 1e-10', (t) => {
  for (const [n, seed] of [[3, 1], [20, 2], [100, 3]] as const) {
    const a = gaussian(n, n, seed);
    const inv = inverse(a);
    t.true(distance(matmul(inv, a), identity(n)) < 1e-10, `n = ${n}`);
    t.true(distance(matmul(a, inv), identity(n)) < 1e-10, `n = ${n}`);
  }
  const spdInv = inverse(spd(50, 4));
  t.true(distance(matmul(spdInv, spd(50, 4)), identity(50)) < 1e-10);
});

test('determinant', (t) => {
  t.true(Math.abs(determinant(fromRows([[1, 2], [3, 4]])) + 2) < 1e-14);
  t.true(Math.abs(determinant(fromRows([[0, 1], [1, 0]])) + 1) < 1e-14);
  t.is(determinant(identity(5)), 1);
});
