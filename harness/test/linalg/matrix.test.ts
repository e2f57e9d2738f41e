import test from 'ava';
import {
  add, block, diag, fromRows, frobenius, get, gram, identity, matmul, matmulTranspose, matrix,
  scale, sub, symmetrize, toRows, transpose, transposeMatmul,
} from '../../src/linalg/index.js';
import { distance, gaussian } from './helpers.js';

test('constructors and accessors', (t) => {
  const m = fromRows([[1, 2, 3], [4, 5, 6]]);
  t.is(m.rows, 2);
  t.is(m.cols, 3);
  t.is(get(m, 1, 2), 6);
  t.deepEqual(toRows(m), [[1, 2, 3], [4, 5, 6]]);
  t.deepEqual(toRows(identity(2)), [[1, 0], [0, 1]]);
  t.deepEqual(toRows(diag([2, 3])), [[2, 0], [0, 3]]);
  t.deepEqual(toRows(matrix(1, 2)), [[0, 0]]);
  t.deepEqual(toRows(transpose(m)), [[1, 4], [2, 5], [3, 6]]);
  t.deepEqual(toRows(block(m, 0, 2, 1, 3)), [[2, 3], [5, 6]]);
  t.deepEqual(toRows(symmetrize(fromRows([[1, 2], [4, 3]]))), [[1, 3], [3, 3]]);
  t.throws(() => get(m, 2, 0), { message: /out of range/ });
  t.throws(() => matrix(2, 2, [1, 2, 3]), { message: /needs 4 values/ });
  t.throws(() => fromRows([[1, 2], [3]]), { message: /row 1/ });
  t.throws(() => block(m, 0, 3, 0, 1), { message: /out of range/ });
});

test('matrix data is copied, inputs are not mutated', (t) => {
  const src = [1, 2, 3, 4];
  const m = matrix(2, 2, src);
  m.data[0] = 9;
  t.is(src[0], 1);
  const a = fromRows([[1, 2], [3, 4]]);
  add(a, a);
  scale(a, 3);
  matmul(a, a);
  t.deepEqual(toRows(a), [[1, 2], [3, 4]]);
});

test('arithmetic', (t) => {
  const a = fromRows([[1, 2], [3, 4]]);
  const b = fromRows([[5, 6], [7, 8]]);
  t.deepEqual(toRows(add(a, b)), [[6, 8], [10, 12]]);
  t.deepEqual(toRows(sub(b, a)), [[4, 4], [4, 4]]);
  t.deepEqual(toRows(scale(a, 2)), [[2, 4], [6, 8]]);
  t.deepEqual(toRows(matmul(a, b)), [[19, 22], [43, 50]]);
  t.deepEqual(toRows(gram(fromRows([[1, 2, 0], [0, 1, 1]]))), [[5, 2], [2, 2]]);
  t.is(frobenius(fromRows([[3, 0], [0, 4]])), 5);
  t.true(Math.abs(frobenius(fromRows([[3e200, 4e200]])) / 5e200 - 1) < 1e-15);
  t.is(frobenius(matrix(0, 0)), 0);
});

test('transposed products agree with matmul', (t) => {
  const a = gaussian(7, 4, 1);
  const b = gaussian(7, 5, 2);
  const c = gaussian(3, 4, 3);
  t.true(distance(transposeMatmul(a, b), matmul(transpose(a), b)) < 1e-12);
  t.true(distance(matmulTranspose(a, c), matmul(a, transpose(c))) < 1e-12);
  t.true(distance(gram(a), matmul(a, transpose(a))) < 1e-12);
});

test('dimension mismatches name both shapes', (t) => {
  const a = matrix(2, 3);
  const b = matrix(4, 5);
  t.throws(() => add(a, b), { message: /2x3.*4x5/ });
  t.throws(() => sub(a, b), { message: /2x3.*4x5/ });
  t.throws(() => matmul(a, b), { message: /2x3.*4x5/ });
  t.throws(() => transposeMatmul(a, b), { message: /2x3.*4x5/ });
});
