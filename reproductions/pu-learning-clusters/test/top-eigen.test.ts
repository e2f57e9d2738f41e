import test from 'ava';
import { matrix, symmetricEigen } from '#harness/linalg';
import { createRng } from '#harness/random';
import { covarianceOperator, topPrincipalComponent, tridiagonalTop } from '../top-eigen.js';

function covariance(X: Float64Array, n: number, d: number) {
  const m = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m[j] += X[i * d + j] / n;
  const C = matrix(d, d);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) for (let b = 0; b < d; b++) C.data[a * d + b] += ((X[i * d + a] - m[a]) * (X[i * d + b] - m[b])) / n;
  return C;
}

for (const [n, d] of [[100, 30], [40, 70], [300, 5], [10, 1]]) {
  test(`Lanczos top component equals the dense eigensolver's (n = ${n}, d = ${d})`, (t) => {
    const rng = createRng(n + d);
    const X = Float64Array.from({ length: n * d }, () => rng.normal());
    // A mild spike along the first axis, so the top eigenvalue is well separated in some cases and not in others.
    for (let i = 0; i < n; i++) X[i * d] *= 1.5;
    const pc = topPrincipalComponent(X, n, d);
    const { values, vectors } = symmetricEigen(covariance(X, n, d));
    t.true(Math.abs(pc.value - values[d - 1]) < 1e-9 * values[d - 1], `${pc.value} vs ${values[d - 1]}`);
    let align = 0;
    for (let j = 0; j < d; j++) align += pc.vector[j] * vectors.data[j * d + d - 1];
    t.true(Math.abs(Math.abs(align) - 1) < 1e-6, `|⟨v, v_dense⟩| = ${Math.abs(align)}`);
    t.true(pc.residual < 1e-6);
  });
}

test('tridiagonalTop matches the dense eigensolver on random tridiagonal matrices', (t) => {
  const rng = createRng(7);
  for (const m of [1, 2, 5, 40]) {
    const a = Array.from({ length: m }, () => rng.normal());
    const b = Array.from({ length: m - 1 }, () => rng.normal());
    const T = matrix(m, m);
    for (let i = 0; i < m; i++) {
      T.data[i * m + i] = a[i];
      if (i < m - 1) T.data[i * m + i + 1] = T.data[(i + 1) * m + i] = b[i];
    }
    const { values, vectors } = symmetricEigen(T);
    const top = tridiagonalTop(a, b);
    t.true(Math.abs(top.value - values[m - 1]) < 1e-10, `m = ${m}`);
    let align = 0;
    for (let i = 0; i < m; i++) align += top.vector[i] * vectors.data[i * m + m - 1];
    t.true(Math.abs(Math.abs(align) - 1) < 1e-8, `m = ${m}: alignment ${align}`);
  }
});

test('bad input is refused with a clear message', (t) => {
  t.throws(() => topPrincipalComponent(new Float64Array(10), 3, 4), { message: /expected n·d/ });
  // Identical rows: no variance at all, the top eigenvalue is 0 (and no NaN).
  const flat = topPrincipalComponent(new Float64Array(6).fill(2), 2, 3);
  t.is(flat.value, 0);
  t.true(flat.vector.every(Number.isFinite));
  t.throws(() => tridiagonalTop([], []), { message: /m ≥ 1/ });
});

test('the covariance operator, four rows at a time, gives the one-row loops bit for bit', (t) => {
  const oneRow = (Xc: Float64Array, n: number, d: number, v: Float64Array) => {
    const u = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += Xc[i * d + j] * v[j];
      u[i] = s / n;
    }
    const out = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) out[j] += Xc[i * d + j] * u[i];
    return out;
  };
  const rng = createRng(11);
  for (const [n, d] of [[9, 5], [8, 3], [3, 7], [1, 4]]) {
    const Xc = Float64Array.from({ length: n * d }, () => rng.normal());
    const v = Float64Array.from({ length: d }, () => rng.normal());
    const got = new Float64Array(d);
    covarianceOperator(Xc, n, d)(v, got);
    const want = oneRow(Xc, n, d, v);
    t.true(got.every((g, j) => Object.is(g, want[j])), `n = ${n}, d = ${d}`);
  }
});
