/**
 * The deep-network proxy: frozen random ReLU features φ(x) = max(0, Vx) of a d-dimensional
 * input, V with iid N(0, 1/d) rows, and a minimum-norm linear readout on the first p features,
 * trained on the pooled data of T tasks (or per task, the control). The error is the test mean
 * squared error against the noiseless targets, averaged over the tasks, at each p of a grid.
 */
import { createRng, deriveSeed } from '#harness/random';
import { accumulateGram, leadingBlock, normalMatrix, subBlock } from './gram.js';
import { spdSolve } from './minnorm.js';
import { equicorrelatedTasks } from './tasks.js';

export interface DeepPlan {
  T: number;
  n: number;
  sigma: number;
  rho: number;
  inputDim: number;
  testPerTask: number;
  /** Ascending p grid. */
  grid: readonly number[];
  solver: 'pooled' | 'separate';
}

/** Row-major ReLU features max(0, X Vᵀ): rows × P. */
function reluFeatures(X: Float64Array, rows: number, V: Float64Array, P: number, d: number): Float64Array {
  const out = new Float64Array(rows * P);
  for (let i = 0; i < rows; i++) {
    for (let c = 0; c < P; c++) {
      let s = 0;
      for (let a = 0; a < d; a++) s += X[i * d + a] * V[c * d + a];
      out[i * P + c] = s > 0 ? s : 0;
    }
  }
  return out;
}

/** Inputs of `tasksCount × perTask` samples and their noiseless targets xᵀw_t. */
function draw(rng: ReturnType<typeof createRng>, tasks: number[][], perTask: number, d: number) {
  const rows = tasks.length * perTask;
  const X = Float64Array.from({ length: rows * d }, () => rng.normal());
  const target = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const w = tasks[Math.floor(r / perTask)];
    for (let a = 0; a < w.length; a++) target[r] += X[r * d + a] * w[a];
  }
  return { X, target };
}

/** One trial: the test error at each p of the grid (+∞ where a solve is singular). */
export function runDeepTrial(plan: DeepPlan, seed: number): number[] {
  const { T, n, sigma, inputDim: d, testPerTask: nt, grid } = plan;
  const rng = createRng(deriveSeed(seed, 3));
  const N = T * n;
  const P = grid[grid.length - 1];
  const tasks = equicorrelatedTasks(T, plan.rho).map((w) => [...w, ...new Array<number>(d - w.length).fill(0)]);
  const train = draw(rng, tasks, n, d);
  const y = Float64Array.from(train.target, (v) => v + sigma * rng.normal());
  const test = draw(rng, tasks, nt, d);
  const V = Float64Array.from({ length: P * d }, () => rng.normal() / Math.sqrt(d));
  const Phi = reluFeatures(train.X, N, V, P, d);
  const PhiTest = reluFeatures(test.X, T * nt, V, P, d);

  const G = new Float64Array(N * N);
  let done = 0;
  let fullNormal: Float64Array | null = null;
  const groups = plan.solver === 'pooled'
    ? [{ rows: Array.from({ length: N }, (_, i) => i), tasks: Array.from({ length: T }, (_, t) => t) }]
    : Array.from({ length: T }, (_, t) => ({ rows: Array.from({ length: n }, (_, a) => t * n + a), tasks: [t] }));

  return grid.map((p) => {
    accumulateGram(G, N, Phi, P, done, p);
    done = p;
    let total = 0;
    for (const group of groups) {
      const w = readout(group.rows, p);
      if (!w) return Number.POSITIVE_INFINITY;
      for (const t of group.tasks) total += testError(w, p, t) / T;
    }
    return total;
  });

  /** Minimum-norm readout on the first p features of `rows`. */
  function readout(rows: number[], p: number): Float64Array | null {
    const r = rows.length;
    const yr = Float64Array.from(rows, (i) => y[i]);
    if (r <= p) {
      const alpha = spdSolve(subBlock(G, N, rows), r, yr, 1);
      if (!alpha) return null;
      const w = new Float64Array(p);
      rows.forEach((row, a) => {
        for (let c = 0; c < p; c++) w[c] += Phi[row * P + c] * alpha[a];
      });
      return w;
    }
    let A: Float64Array;
    if (r === N) {
      fullNormal ??= normalMatrix(Phi, P, rows, P);
      A = leadingBlock(fullNormal, P, p);
    } else {
      A = normalMatrix(Phi, P, rows, p);
    }
    const b = new Float64Array(p);
    rows.forEach((row) => {
      for (let c = 0; c < p; c++) b[c] += Phi[row * P + c] * y[row];
    });
    return spdSolve(A, p, b, 1);
  }

  function testError(w: Float64Array, p: number, t: number): number {
    let s = 0;
    for (let i = t * nt; i < (t + 1) * nt; i++) {
      let f = 0;
      for (let c = 0; c < p; c++) f += PhiTest[i * P + c] * w[c];
      s += (f - test.target[i]) ** 2;
    }
    return s / nt;
  }
}
