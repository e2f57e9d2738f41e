import test from 'ava';
import { inverse, matmul, matmulTranspose, transpose, transposeMatmul, wrap } from '#harness/linalg';
import { createRng } from '#harness/random';
import { runDeepTrial } from '../deep-proxy.js';
import { LinearDesign, fitError } from '../linear-design.js';
import { runLinearTrial, type LinearPlan } from '../linear-trial.js';
import { meanSe, medianOf } from '../summary.js';
import { equicorrelatedTasks } from '../tasks.js';
import { averageSingleTaskError, forgetting, mtlError } from '../theory.js';
import { addBartlettWishart, addDirectGram, gamma } from '../wishart.js';

/** ŵ by the textbook formulas, from explicit X (r×p) and y: Xᵀ(XXᵀ)⁻¹y for p ≥ r, (XᵀX)⁻¹Xᵀy below. */
function referenceFit(X: Float64Array, r: number, p: number, y: Float64Array): Float64Array {
  const Xm = wrap(r, p, X);
  const ym = wrap(r, 1, y);
  if (p >= r) return matmul(transpose(Xm), matmul(inverse(matmulTranspose(Xm, Xm)), ym)).data;
  return matmul(inverse(transposeMatmul(Xm, Xm)), transposeMatmul(Xm, ym)).data;
}

test('LinearDesign fits equal the textbook minimum-norm and least-squares solutions', (t) => {
  const N = 12;
  const k = 3;
  const rng = createRng(5);
  const span = Float64Array.from({ length: N * k }, () => rng.normal());
  const design = new LinearDesign({ N, k, span, explicitColumns: 20, rng: createRng(6), sampler: 'direct' });
  const { data: F, stride } = design.explicitFeatures();
  const w = [0.3, -0.5, 0.8];
  const y = Float64Array.from({ length: N }, () => rng.normal());
  for (const [p, rows] of [[6, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]], [9, [1, 4, 5, 7]], [12, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]], [20, [2, 3, 5, 8, 11]]] as const) {
    design.advanceTo(p);
    const X = new Float64Array(rows.length * p);
    rows.forEach((row, a) => X.set(F.subarray(row * stride, row * stride + p), a * p));
    const ref = referenceFit(X, rows.length, p, Float64Array.from(rows, (row) => y[row]));
    let expected = 0;
    for (let c = 0; c < p; c++) expected += (ref[c] - (c < k ? w[c] : 0)) ** 2;
    const [fit] = design.fit(rows, [y]);
    t.true(Math.abs(fitError(fit, w) - expected) < 1e-9 * Math.max(1, expected), `p = ${p}, ${rows.length} rows: ${fitError(fit, w)} vs ${expected}`);
  }
  t.throws(() => design.advanceTo(10), { message: /must not decrease/ });
});

test('gamma sampler: mean and variance equal the shape', (t) => {
  const rng = createRng(11);
  for (const shape of [0.5, 3, 60]) {
    const xs = Array.from({ length: 20000 }, () => gamma(shape, rng));
    const { mean, se } = meanSe(xs);
    const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
    t.true(Math.abs(mean - shape) < 4 * se, `shape ${shape}: mean ${mean}`);
    t.true(Math.abs(variance / shape - 1) < 0.1, `shape ${shape}: variance ${variance}`);
  }
});

test('Bartlett and direct Wishart draws agree in mean (k·I) and in the variances (2k diagonal, k off-diagonal)', (t) => {
  const N = 4;
  const dof = 9;
  const draws = 6000;
  for (const [name, add] of [['bartlett', addBartlettWishart], ['direct', addDirectGram]] as const) {
    const rng = createRng(name === 'bartlett' ? 1 : 2);
    const d00: number[] = [];
    const d13: number[] = [];
    for (let i = 0; i < draws; i++) {
      const G = new Float64Array(N * N);
      add(G, N, dof, rng);
      t.is(G[1 * N + 3], G[3 * N + 1]);
      d00.push(G[0]);
      d13.push(G[1 * N + 3]);
    }
    const a = meanSe(d00);
    const b = meanSe(d13);
    t.true(Math.abs(a.mean - dof) < 4 * a.se, `${name}: E W00 = ${a.mean}`);
    t.true(Math.abs(b.mean) < 4 * b.se, `${name}: E W13 = ${b.mean}`);
    t.true(Math.abs((a.se ** 2 * draws) / (2 * dof) - 1) < 0.1, `${name}: var W00`);
    t.true(Math.abs((b.se ** 2 * draws) / dof - 1) < 0.1, `${name}: var W13`);
  }
  t.throws(() => addBartlettWishart(new Float64Array(16), 4, 3, createRng(0)), { message: /dof ≥ N/ });
});

/** A small setting where many trials are cheap: T = 3, n = 6, σ = 0.5, ρ = 0.5 and 0. */
const SMALL: LinearPlan = {
  T: 3, n: 6, sigma: 0.5, signalVariance: 1, sampler: 'bartlett', mtlSolver: 'pooled',
  rhos: [0.5, 0], singleP: [4, 12, 60], mtlP: [30, 60], replay: [{ name: 'r', rho: 0.5, p: 40 }], buffers: [0, 3, 6],
};

test('high-trial Monte-Carlo matches every closed form at a small setting, with both samplers', (t) => {
  for (const sampler of ['bartlett', 'direct'] as const) {
    const plan = { ...SMALL, sampler };
    const trials = Array.from({ length: 6000 }, (_, s) => runLinearTrial(plan, s));
    const check = (label: string, values: number[], theory: number) => {
      const { mean, se } = meanSe(values);
      t.true(Math.abs(mean - theory) <= 4 * se + 0.005 * Math.abs(theory), `${sampler} ${label}: ${mean} ± ${se} vs ${theory}`);
    };
    plan.rhos.forEach((rho, j) => {
      const tasks = equicorrelatedTasks(plan.T, rho);
      for (const p of plan.singleP) check(`single p=${p} ρ=${rho}`, trials.map((tr) => tr.single.get(p)![j]), averageSingleTaskError({ n: plan.n, tasks, p, sigma: plan.sigma }));
      for (const p of plan.mtlP) check(`MTL p=${p} ρ=${rho}`, trials.map((tr) => tr.mtl.get(p)![j]), mtlError({ n: plan.n, tasks, p, sigma: plan.sigma }));
    });
    plan.buffers.forEach((m, j) => check(`forgetting m=${m}`, trials.map((tr) => tr.forgetting.get('r')![j]), forgetting({ n: plan.n, m, tasks: equicorrelatedTasks(plan.T, 0.5), p: 40, sigma: plan.sigma })));
  }
});

test('a trial is a pure function of its seed, and the span coordinates do not depend on the sampler', (t) => {
  const a = runLinearTrial(SMALL, 3);
  t.deepEqual(runLinearTrial(SMALL, 3), a);
  const direct = runLinearTrial({ ...SMALL, sampler: 'direct' }, 3);
  // Below the first Bartlett increment both samplers draw the same explicit columns.
  t.deepEqual(direct.single.get(4), a.single.get(4));
});

test('random-feature proxy: errors on the grid are finite away from N and peak at p = N in the median', (t) => {
  const plan = { T: 3, n: 8, sigma: 0.3, rho: 0.9, inputDim: 8, testPerTask: 20, grid: [12, 16, 20, 22, 24, 26, 28, 32, 40], solver: 'pooled' as const };
  const errors = Array.from({ length: 60 }, (_, s) => runDeepTrial(plan, s));
  t.is(errors[0].length, plan.grid.length);
  t.true(errors.every((e) => Number.isFinite(e[0]) && Number.isFinite(e[e.length - 1])));
  const medians = plan.grid.map((_, j) => medianOf(errors.map((e) => e[j])));
  t.is(plan.grid[medians.indexOf(Math.max(...medians))], 24);
});
