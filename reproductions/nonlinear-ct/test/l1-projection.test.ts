import test from 'ava';
import { createRng } from '#harness/random';
import { projectOntoL1Ball } from '../l1-projection.js';

const l1 = (x: ArrayLike<number>) => Array.from(x).reduce((s, v) => s + Math.abs(v), 0);

test('a point inside the ball is returned unchanged', (t) => {
  const v = Float64Array.from([0.1, -0.2, 0.3]);
  t.is(projectOntoL1Ball(v, 1), v);
});

test('a point outside lands on the sphere, soft-thresholded by one θ', (t) => {
  const rng = createRng(9);
  for (let trial = 0; trial < 20; trial++) {
    const v = Float64Array.from({ length: 30 }, () => rng.normal());
    const x = projectOntoL1Ball(v, 2);
    t.true(Math.abs(l1(x) - 2) < 1e-12);
    // KKT: every kept entry shrank by the same θ towards 0 and kept its sign; dropped ones had |v| ≤ θ.
    const kept = [...x.keys()].filter((i) => x[i] !== 0);
    const theta = Math.abs(v[kept[0]]) - Math.abs(x[kept[0]]);
    for (const i of kept) {
      t.true(Math.abs(Math.abs(v[i]) - Math.abs(x[i]) - theta) < 1e-12);
      t.is(Math.sign(x[i]), Math.sign(v[i]));
    }
    for (let i = 0; i < v.length; i++) if (x[i] === 0) t.true(Math.abs(v[i]) <= theta + 1e-12);
  }
});

test('the projection is the nearest point of the ball (against random feasible points)', (t) => {
  const rng = createRng(10);
  const v = Float64Array.from({ length: 8 }, () => 2 * rng.normal());
  const x = projectOntoL1Ball(v, 1);
  const dist = (a: ArrayLike<number>) => Math.hypot(...Array.from(a, (ai, i) => ai - v[i]));
  for (let k = 0; k < 2000; k++) {
    const y = Array.from({ length: 8 }, () => rng.normal());
    const s = l1(y) / rng.next();
    const feasible = y.map((yi) => yi / s);
    t.true(dist(feasible) >= dist(x) - 1e-12);
  }
});

test('a negative radius is rejected', (t) => {
  t.throws(() => projectOntoL1Ball(new Float64Array(2), -1), { message: /radius must be ≥ 0/ });
});
