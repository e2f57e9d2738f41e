import test from 'ava';
import { createRng } from '../../src/random.js';
import {
  determinant, identity, matmul, qr, randomOrthogonal, transposeMatmul,
} from '../../src/linalg/index.js';
import { distance, gaussian } from './helpers.js';

test('randomOrthogonal: Q^T Q = I, deterministic per seed', (t) => {
  for (const n of [1, 3, 20, 100]) {
    const q = randomOrthogonal(n, createRng(n));
    t.true(distance(transposeMatmul(q, q), identity(n)) < 1e-12 * Math.max(1, n), `n = ${n}`);
    t.true(Math.abs(Math.abs(determinant(q)) - 1) < 1e-10);
  }
  const a = randomOrthogonal(10, createRng(5));
  const b = randomOrthogonal(10, createRng(5));
  const c = randomOrthogonal(10, createRng(6));
  t.deepEqual(a.data, b.data);
  t.true(distance(a, c) > 0.1);
});

test('randomOrthogonal looks Haar: entries have variance about 1/n', (t) => {
  const n = 50;
  const q = randomOrthogonal(n, createRng(1));
  let sumSq = 0;
  let sum = 0;
  for (const v of q.data) {
    sumSq += v * v;
    sum += v;
  }
  t.true(Math.abs(sum / (n * n)) < 0.01);
  t.true(Math.abs(sumSq / (n * n) - 1 / n) < 1e-12); // exact: rows are unit vectors
});

test('qr: a = Q R, Q orthogonal, R upper triangular (tall, wide, rank-deficient)', (t) => {
  const cases = [gaussian(7, 3, 1), gaussian(3, 7, 2), gaussian(5, 5, 3)];
  const rankDeficient = gaussian(6, 3, 4);
  for (let i = 0; i < 6; i++) rankDeficient.data[i * 3 + 2] = rankDeficient.data[i * 3] * 2;
  cases.push(rankDeficient);
  for (const a of cases) {
    const { Q, R } = qr(a);
    t.true(distance(matmul(Q, R), a) < 1e-13);
    t.true(distance(transposeMatmul(Q, Q), identity(a.rows)) < 1e-13);
    for (let i = 0; i < R.rows; i++) for (let j = 0; j < Math.min(i, R.cols); j++) t.is(R.data[i * R.cols + j], 0);
  }
  // The trailing columns of Q are orthogonal to the range of a full-rank tall a.
  const a = gaussian(8, 3, 7);
  const { Q } = qr(a);
  const qa = transposeMatmul(Q, a);
  for (let i = 3; i < 8; i++) for (let j = 0; j < 3; j++) t.true(Math.abs(qa.data[i * 3 + j]) < 1e-13);
});
