import test from 'ava';
import { createRng } from '#harness/random';
import {
  add, block, frobenius, gram, identity, inverse, matmul, matrix, scale, sub, symmetricEigen,
  transposeMatmul, type Matrix,
} from '#harness/linalg';
import {
  SMOKE_SPEC, factorBlocks, initialX, makeInstance, makeProblem, measure, predictedSchur,
  saddleInit, schurComplement, schurFromFactor, simulate, type ProblemSpec,
} from '../dynamics.js';

/** Ordinary least-squares slope of y on x. */
function slope(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}

function relErr(a: Matrix, b: Matrix): number {
  return frobenius(sub(a, b)) / frobenius(b);
}

test('makeProblem: M has the prescribed spectrum, target is its PSD part', (t) => {
  const spec: ProblemSpec = { n: 8, s: 3, r: 4, lambda1: [3, 2, 1], lambda2: 0.5 };
  const p = makeProblem(spec, createRng(1));
  const vals = symmetricEigen(p.M).values;
  const expected = [...new Array(5).fill(-0.5), 1, 2, 3];
  vals.forEach((v, i) => t.true(Math.abs(v - expected[i]) < 1e-12, `${v} vs ${expected[i]}`));
  t.true(frobenius(sub(transposeMatmul(p.V, p.V), identity(8))) < 1e-12);
  const tv = symmetricEigen(p.target).values;
  t.true(Math.abs(tv[7] - 3) < 1e-12 && Math.abs(tv[5] - 1) < 1e-12 && Math.abs(tv[4]) < 1e-12);
  t.throws(() => makeProblem({ ...spec, lambda1: [1, 2] }, createRng(1)), { message: /lambda1 has 2 values/ });
  t.throws(() => makeProblem({ ...spec, lambda2: -1 }, createRng(1)), { message: /lambda2/ });
});

test('one Euler step matches the dense update X + eta (M - X X^T) X', (t) => {
  // Odd sizes too: the kernel unrolls by two.
  for (const spec of [
    { n: 9, s: 3, r: 5, lambda1: [2, 1, 0.5], lambda2: 0.3 },
    { n: 10, s: 2, r: 4, lambda1: [2, 1.5], lambda2: 0.7 },
  ] satisfies ProblemSpec[]) {
    const p = makeProblem(spec, createRng(3));
    const X0 = initialX(spec.n, spec.r, 0.5, createRng(4));
    const dense = add(X0, scale(matmul(sub(p.M, gram(X0)), X0), 0.05));
    const tr = simulate(p, X0, { eta: 0.05, steps: 1, recordEvery: 1 });
    t.true(frobenius(sub(tr.finalX, dense)) < 1e-14, `n = ${spec.n}, r = ${spec.r}`);
  }
  const spec: ProblemSpec = { n: 10, s: 2, r: 4, lambda1: [2, 1.5], lambda2: 0.7 };
  const p = makeProblem(spec, createRng(3));
  const X0 = initialX(10, 4, 0.5, createRng(4));
  const eta = 0.05;
  const tr = simulate(p, X0, { eta, steps: 1, recordEvery: 1 });
  t.deepEqual(tr.step, [0, 1]);
  // Records at 0, every recordEvery and the last step; onRecord sees each with a copy of X.
  const seen: { time: number; step: number; X: Matrix }[] = [];
  const tr2 = simulate(p, X0, { eta, steps: 5, recordEvery: 2, onRecord: (time, X, step) => seen.push({ time, step, X }) });
  t.deepEqual(tr2.step, [0, 2, 4, 5]);
  t.deepEqual(seen.map((r) => r.time), tr2.t);
  t.deepEqual(seen.map((r) => r.step), tr2.step);
  t.deepEqual(seen[0].X.data, X0.data);
  t.deepEqual(seen[3].X.data, tr2.finalX.data);
  t.throws(() => simulate(p, matrix(10, 3), { eta, steps: 1, recordEvery: 1 }), { message: /10x3.*10x4/ });
});

test('Schur complement from the factor agrees with the definition; K = P1^{-1} P12', (t) => {
  const Y = initialX(12, 5, 1, createRng(5));
  const P = gram(Y);
  const direct = schurComplement(P, 3);
  const fromY = schurFromFactor(Y, 3) as Matrix;
  t.true(relErr(fromY, direct) < 1e-12);
  // S has rank r - s = 2.
  const vals = symmetricEigen(fromY).values;
  t.true(Math.abs(vals[6]) < 1e-12 && vals[7] > 0.1);
  const { K } = factorBlocks(Y, 3) as { K: Matrix };
  const P1 = block(P, 0, 3, 0, 3);
  t.true(relErr(matmul(P1, K), block(P, 0, 3, 3, 12)) < 1e-12);
  // Rank-deficient Y1: undefined, reported as null.
  const Y0 = matrix(12, 5, Y.data);
  for (let c = 0; c < 5; c++) Y0.data[c] = 0;
  t.is(schurFromFactor(Y0, 3), null);
});

test('predictedSchur: closed forms, PSD and indefinite', (t) => {
  const S0 = gram(initialX(5, 3, 1, createRng(6)));
  const dt = 2.5;
  const closed = matmul(S0, inverse(add(identity(5), scale(S0, 2 * dt))));
  t.true(relErr(predictedSchur(S0, 0, dt), closed) < 1e-12);
  // lambda2 -> 0 is continuous, and dt = 0 is the identity map.
  t.true(relErr(predictedSchur(S0, 1e-12, dt), closed) < 1e-9);
  t.true(relErr(predictedSchur(S0, 0.8, 0), S0) < 1e-12);
  // Scalar Riccati check: sigma' = -2 a sigma - 2 sigma^2 by finite differences.
  const a = 0.8;
  const h = 1e-5;
  const Sp = predictedSchur(S0, a, dt + h);
  const Sm = predictedSchur(S0, a, dt - h);
  const S = predictedSchur(S0, a, dt);
  const derivative = scale(sub(Sp, Sm), 1 / (2 * h));
  const rhs = sub(scale(S, -2 * a), scale(matmul(S, S), 2));
  t.true(relErr(derivative, rhs) < 1e-6);
});

for (const lambda2 of [0, 0.5]) {
  test(`simulated S follows predictedSchur (lambda2 = ${lambda2})`, (t) => {
    const spec = { ...SMOKE_SPEC, lambda2 };
    const { problem, X0 } = makeInstance(spec, 11);
    const rk4 = simulate(problem, X0, { eta: 0.01, steps: 1500, recordEvery: 100, integrator: 'rk4', keepSchur: true });
    const euler = simulate(problem, X0, { eta: 0.002, steps: 7500, recordEvery: 500, keepSchur: true });
    const worst = { rk4: 0, euler: 0 };
    for (const [name, tr] of [['rk4', rk4], ['euler', euler]] as const) {
      const i0 = 1; // t0 = 1, away from t = 0
      for (let i = i0 + 1; i < tr.t.length; i++) {
        const predicted = predictedSchur(tr.schur[i0], lambda2, tr.t[i] - tr.t[i0]);
        worst[name] = Math.max(worst[name], relErr(tr.schur[i], predicted));
      }
    }
    t.log(`max relative error over t in (1, 15]: rk4 ${worst.rk4.toExponential(2)}, euler(eta=0.002) ${worst.euler.toExponential(2)}`);
    t.true(worst.rk4 < 1e-6);
    t.true(worst.euler < 2e-2);
  });
}

test('smoke setup: t * lambda_max(S) near 1/2 at t = 200, error ~ sqrt(k)/(2t)', (t) => {
  const { problem, X0 } = makeInstance(SMOKE_SPEC, 0);
  const tr = simulate(problem, X0, { eta: 0.01, steps: 20000, recordEvery: 50 });
  const last = tr.t.length - 1;
  t.is(tr.t[last], 200);
  const tl = tr.t[last] * tr.schurMax[last];
  const k = Math.min(SMOKE_SPEC.r - SMOKE_SPEC.s, SMOKE_SPEC.n - SMOKE_SPEC.s);
  const te = tr.t[last] * tr.error[last];
  t.log(`t lambda_max(S) = ${tl.toFixed(4)}, t error = ${te.toFixed(4)} vs sqrt(k)/2 = ${(Math.sqrt(k) / 2).toFixed(4)}`);
  t.true(Math.abs(tl - 0.5) < 0.02);
  t.true(Math.abs(te / (Math.sqrt(k) / 2) - 1) < 0.1);
  // lambda_max(S) decays like 1/t: log-log slope near -1 on [100, 200].
  const idx = tr.t.map((_, i) => i).filter((i) => tr.t[i] >= 100);
  const b = slope(idx.map((i) => Math.log(tr.t[i])), idx.map((i) => Math.log(tr.schurMax[i])));
  t.true(Math.abs(b + 1) < 0.05, `slope ${b}`);
  t.false(tr.diverged);
});

test('exact parameterisation r = s: S = 0 and error below 1e-5 by t = 50', (t) => {
  const spec = { ...SMOKE_SPEC, r: 3 };
  const { problem, X0 } = makeInstance(spec, 2);
  const tr = simulate(problem, X0, { eta: 0.01, steps: 5000, recordEvery: 100 });
  const last = tr.t.length - 1;
  t.is(tr.t[last], 50);
  t.log(`error at t = 50: ${tr.error[last].toExponential(2)}`);
  t.true(tr.error[last] < 1e-5);
  t.true(tr.schurMax.every((v) => v === 0));
  // Convergence is exponential: log error falls at a rate of at least lambda_min(Lambda1) = 1 late on.
  const idx = tr.t.map((_, i) => i).filter((i) => tr.t[i] >= 20 && tr.error[i] > 1e-12);
  const rate = slope(idx.map((i) => tr.t[i]), idx.map((i) => Math.log(tr.error[i])));
  t.log(`log-error slope on [20, 50]: ${rate.toFixed(3)}`);
  t.true(rate < -0.9);
});

test('coupling ||K|| decays at rate about lambda_min(Lambda1) = 1 and obeys the bound', (t) => {
  const { problem, X0 } = makeInstance(SMOKE_SPEC, 3);
  const tr = simulate(problem, X0, { eta: 0.01, steps: 2000, recordEvery: 25 });
  const idx = tr.t.map((_, i) => i).filter((i) => tr.couplingNorm[i] >= 1e-5 && tr.couplingNorm[i] <= 1e-1);
  t.true(idx.length > 10);
  const rate = slope(idx.map((i) => tr.t[i]), idx.map((i) => Math.log(tr.couplingNorm[i])));
  t.log(`slope of log ||K|| on ||K|| in [1e-5, 1e-1]: ${rate.toFixed(4)}`);
  t.true(rate < -0.95 && rate > -1.2);
  // ||K(t)|| <= e^{-t} ||K(0)|| (Euler contracts at least as fast: (1 - eta)^k <= e^{-eta k}).
  for (let i = 0; i < tr.t.length; i++) {
    t.true(tr.couplingNorm[i] <= Math.exp(-tr.t[i]) * tr.couplingNorm[0] * (1 + 1e-9), `t = ${tr.t[i]}`);
  }
});

test('indefinite target: S decays like e^{-2 lambda_min(Lambda2) t}', (t) => {
  const spec = { ...SMOKE_SPEC, lambda2: 0.5 };
  const { problem, X0 } = makeInstance(spec, 4);
  const tr = simulate(problem, X0, { eta: 0.01, steps: 2000, recordEvery: 50, integrator: 'rk4' });
  const idx = tr.t.map((_, i) => i).filter((i) => tr.t[i] >= 5);
  const rate = slope(idx.map((i) => tr.t[i]), idx.map((i) => Math.log(tr.schurMax[i])));
  t.log(`slope of log lambda_max(S) on [5, 20]: ${rate.toFixed(4)}`);
  t.true(Math.abs(rate + 1) < 0.05);
});

test('saddle init stays at the saddle J = all but j; a small push escapes at rate 2 lambda_j', (t) => {
  const j = 2; // lambda_j = 1
  const { problem, X0 } = makeInstance(SMOKE_SPEC, 5);
  const Xs = saddleInit(problem, X0, j);
  t.true(measure(problem, Xs).signalNorms[j] < 1e-15);
  const tr = simulate(problem, Xs, { eta: 0.01, steps: 1500, recordEvery: 50 });
  const last = tr.t.length - 1;
  t.log(`t = 15: error ${tr.error[last].toFixed(5)} (lambda_j = 1), ||v_j^T X|| ${tr.signalNorms[last][j].toExponential(2)}`);
  t.true(tr.signalNorms.every((v) => v[j] < 1e-8));
  t.true(Math.abs(tr.error[last] - 1) < 0.01);
  // The other directions converged to their eigenvalues: ||v_i^T X||^2 -> lambda_i.
  t.true(Math.abs(tr.signalNorms[last][0] ** 2 - 3) < 1e-3 && Math.abs(tr.signalNorms[last][1] ** 2 - 2) < 1e-3);
  t.true(tr.schurMax.every(Number.isNaN)); // P1 singular at the saddle

  // Push: add 1e-6 along v_j from the converged saddle; ||v_j^T X||^2 (= P_jj) grows at ~2 lambda_j.
  const pushed = matrix(20, 6, tr.finalX.data);
  const noise = createRng(99);
  for (let c = 0; c < 6; c++) {
    const d = 1e-6 * noise.normal();
    for (let i = 0; i < 20; i++) pushed.data[i * 6 + c] += d * problem.V.data[i * 20 + j];
  }
  const esc = simulate(problem, pushed, { eta: 0.01, steps: 3000, recordEvery: 25 });
  const idx = esc.t.map((_, i) => i).filter((i) => esc.signalNorms[i][j] ** 2 < 1e-4);
  const rate = slope(idx.map((i) => esc.t[i]), idx.map((i) => Math.log(esc.signalNorms[i][j] ** 2)));
  t.log(`growth rate of ||v_j^T X||^2 while below 1e-4: ${rate.toFixed(3)} (2 lambda_j = 2)`);
  t.true(rate > 1.5 && rate < 2.05);
  const end = esc.t.length - 1;
  t.true(esc.error[end] < 0.1, 'escaped to the global minimum');
});

// Formerly the claim saddle-is-invariant (2026-12-05): in the eigenbasis the removed direction is
// an exact zero that the flow only multiplies, so ||v_jᵀX|| = 0 holds by construction: a property
// of the code, tested here. In a random basis rounding re-seeds it (see the test above: < 1e-8 to t = 15).
test('through the experiment, in the eigenbasis, the saddle\'s invariant subspace is kept exactly', async (t) => {
  const { recordOf } = await import('./tiny.js');
  const record = await recordOf({ init: 'saddle' });
  const maxima = record.scalars('escape-coordinate-max').map((s) => s.value);
  t.is(maxima.length, 2);
  t.true(maxima.every((v) => v === 0), `max ||v_jᵀX|| = ${maxima.join(', ')}`);
});
