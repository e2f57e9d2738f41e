import test from 'ava';
import { makeProblem, taskBatch, taskDirection, xorData } from '../data.js';

test('makeProblem: M has orthonormal columns, W₀ rows have variance 1/d and are nested across widths', (t) => {
  const p = makeProblem(3, 20, 4, 50);
  for (let a = 0; a < 4; a++) {
    for (let b = 0; b < 4; b++) {
      let s = 0;
      for (let i = 0; i < 20; i++) s += p.M.data[i * 4 + a] * p.M.data[i * 4 + b];
      t.true(Math.abs(s - (a === b ? 1 : 0)) < 1e-12, `MᵀM[${a}][${b}] = ${s}`);
    }
  }
  const variance = p.W0.reduce((s, w) => s + w * w, 0) / p.W0.length;
  t.true(Math.abs(variance * 20 - 1) < 0.1, `d·var(W₀) = ${variance * 20}`);
  const narrow = makeProblem(3, 20, 4, 10);
  t.deepEqual(Array.from(narrow.W0), Array.from(p.W0.subarray(0, 10 * 20)));
  t.deepEqual(Array.from(narrow.M.data), Array.from(p.M.data));
  t.throws(() => makeProblem(0, 3, 4, 5), { message: /rank 4 exceeds the dimension 3/ });
});

test('taskBatch: teacher labels are sign(⟨Mv_t, x⟩); one task is a prefix of many; random labels keep x', (t) => {
  const p = makeProblem(1, 16, 4, 8);
  const many = taskBatch(p, 5, 30, 'teacher');
  const one = taskBatch(p, 1, 30, 'teacher');
  t.deepEqual(Array.from(one.X1), Array.from(many.X1.subarray(0, 30 * 16)));
  t.deepEqual(Array.from(one.y2), Array.from(many.y2.subarray(0, 30)));
  for (let task = 0; task < 5; task++) {
    const u = many.U.subarray(task * 16, (task + 1) * 16);
    t.true(Math.abs(Math.hypot(...u) - 1) < 1e-12, 'u_t = Mv_t is a unit vector');
    for (let i = 0; i < 30; i++) {
      let s = 0;
      for (let j = 0; j < 16; j++) s += many.X2[(task * 30 + i) * 16 + j] * u[j];
      t.is(many.y2[task * 30 + i], s >= 0 ? 1 : -1);
    }
  }
  const noise = taskBatch(p, 5, 30, 'random');
  t.deepEqual(Array.from(noise.X1), Array.from(many.X1));
  const agree = noise.y1.reduce((s, y, i) => s + (y === many.y1[i] ? 1 : 0), 0) / noise.y1.length;
  t.true(agree > 0.35 && agree < 0.65, `random labels agree with the teacher on ${agree}`);
  t.true(noise.y1.every((y) => y === 1 || y === -1));
});

test('taskDirection is Mv; xorData labels are 1[z₁z₂ > 0] with z = Mᵀx and about half positive', (t) => {
  const p = makeProblem(2, 12, 4, 4);
  const u = taskDirection(p.M, [0, 1, 0, 0]);
  for (let i = 0; i < 12; i++) t.is(u[i], p.M.data[i * 4 + 1]);
  const data = xorData(p, 300, 200);
  t.is(data.y.length, 500);
  for (let i = 0; i < 500; i++) {
    let z1 = 0;
    let z2 = 0;
    for (let j = 0; j < 12; j++) {
      z1 += data.X[i * 12 + j] * p.M.data[j * 4];
      z2 += data.X[i * 12 + j] * p.M.data[j * 4 + 1];
    }
    t.is(data.y[i], z1 * z2 > 0 ? 1 : 0);
  }
  const positive = data.y.reduce((s, y) => s + y, 0) / 500;
  t.true(positive > 0.4 && positive < 0.6, `share of positives ${positive}`);
});
