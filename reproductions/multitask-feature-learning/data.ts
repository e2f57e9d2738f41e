/**
 * The data model (a proxy; the paper's exact one was not found): x ~ N(0, I_d), a random
 * orthonormal frame M ∈ R^{d×r}, tasks y_t = sign(⟨Mv_t, x⟩) with v_t uniform on the sphere, and
 * the downstream XOR y = sign(z₁z₂), z = Mᵀx. Every draw comes from its own seeded stream, so a
 * run with T = 1 sees exactly task 0 of a run with T = 32 (same v₀, same samples).
 */
import { createRng, deriveSeed, type Rng } from '#harness/random';
import { randomOrthogonal, type Matrix } from '#harness/linalg';

/** One (seed, d) instance: the hidden frame and the network's initialization. */
export interface Problem {
  d: number;
  r: number;
  /** d×r, orthonormal columns: the ground-truth directions. */
  M: Matrix;
  /** m×d row-major, rows ~ N(0, I/d): W₀, and the random-feature baseline. */
  W0: Float32Array;
  m: number;
  /** Root of this instance's streams. */
  root: number;
}

/** Stream ids under a problem's root; tasks use TASK_STREAM + t and RANDOM_LABEL_STREAM + t. */
const FRAME_STREAM = 1;
const INIT_STREAM = 2;
const DOWNSTREAM_STREAM = 3;
const TASK_STREAM = 100;
const RANDOM_LABEL_STREAM = 1_000_000;

export function fillGaussian(rng: Rng, out: Float32Array, scale = 1): Float32Array {
  for (let i = 0; i < out.length; i++) out[i] = scale * rng.normal();
  return out;
}

export function makeProblem(seed: number, d: number, r: number, m: number): Problem {
  if (r > d) throw new Error(`makeProblem: rank ${r} exceeds the dimension ${d}`);
  const root = deriveSeed(seed, d);
  const Q = randomOrthogonal(d, createRng(deriveSeed(root, FRAME_STREAM)));
  const M = new Float64Array(d * r);
  for (let i = 0; i < d; i++) for (let k = 0; k < r; k++) M[i * r + k] = Q.data[i * d + k];
  // Row by row from one stream, so the first k rows are the same whatever m is (nested widths).
  const W0 = fillGaussian(createRng(deriveSeed(root, INIT_STREAM)), new Float32Array(m * d), 1 / Math.sqrt(d));
  return { d, r, M: { rows: d, cols: r, data: M }, W0, m, root };
}

/** u = Mv for a unit v ∈ R^r. */
export function taskDirection(M: Matrix, v: ArrayLike<number>): Float64Array {
  const u = new Float64Array(M.rows);
  for (let i = 0; i < M.rows; i++) {
    let s = 0;
    for (let k = 0; k < M.cols; k++) s += M.data[i * M.cols + k] * v[k];
    u[i] = s;
  }
  return u;
}

function unitVector(rng: Rng, r: number): Float64Array {
  const v = new Float64Array(r);
  let norm = 0;
  for (let k = 0; k < r; k++) norm += (v[k] = rng.normal()) ** 2;
  norm = Math.sqrt(norm);
  for (let k = 0; k < r; k++) v[k] /= norm;
  return v;
}

/** sign(⟨u, x_i⟩) ∈ {−1, +1} for each row of X (n×d). */
export function teacherLabels(X: Float32Array, u: ArrayLike<number>, d: number, out: Float32Array): void {
  if (X.length !== out.length * d) throw new Error(`teacherLabels: X has ${X.length} entries, expected ${out.length}×${d}`);
  for (let i = 0; i < out.length; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += X[i * d + j] * u[j];
    out[i] = s >= 0 ? 1 : -1;
  }
}

/** The upstream data of T tasks, stacked task-major: X is T·n×d, y is T·n (±1), one set per step. */
export interface TaskBatch {
  T: number;
  n: number;
  d: number;
  X1: Float32Array;
  y1: Float32Array;
  X2: Float32Array;
  y2: Float32Array;
  /** T×d: the task directions u_t = Mv_t. */
  U: Float64Array;
}

export function taskBatch(problem: Problem, T: number, n: number, labels: 'teacher' | 'random'): TaskBatch {
  const { d, r, M, root } = problem;
  const batch: TaskBatch = {
    T, n, d,
    X1: new Float32Array(T * n * d), y1: new Float32Array(T * n),
    X2: new Float32Array(T * n * d), y2: new Float32Array(T * n),
    U: new Float64Array(T * d),
  };
  for (let t = 0; t < T; t++) {
    const rng = createRng(deriveSeed(root, TASK_STREAM + t));
    const u = taskDirection(M, unitVector(rng, r));
    batch.U.set(u, t * d);
    const X1 = batch.X1.subarray(t * n * d, (t + 1) * n * d);
    const X2 = batch.X2.subarray(t * n * d, (t + 1) * n * d);
    fillGaussian(rng, X1);
    fillGaussian(rng, X2);
    if (labels === 'teacher') {
      teacherLabels(X1, u, d, batch.y1.subarray(t * n, (t + 1) * n));
      teacherLabels(X2, u, d, batch.y2.subarray(t * n, (t + 1) * n));
    } else {
      const noise = createRng(deriveSeed(root, RANDOM_LABEL_STREAM + t));
      for (const y of [batch.y1.subarray(t * n, (t + 1) * n), batch.y2.subarray(t * n, (t + 1) * n)]) {
        for (let i = 0; i < n; i++) y[i] = noise.next() < 0.5 ? -1 : 1;
      }
    }
  }
  return batch;
}

/** The downstream task: N = train + test samples, y = 1[z₁z₂ > 0] (0/1), z = Mᵀx. */
export interface XorData { X: Float32Array; y: Float32Array; train: number; test: number; d: number }

export function xorData(problem: Problem, train: number, test: number): XorData {
  const { d, M } = problem;
  const N = train + test;
  const rng = createRng(deriveSeed(problem.root, DOWNSTREAM_STREAM));
  const X = fillGaussian(rng, new Float32Array(N * d));
  const y = new Float32Array(N);
  for (let i = 0; i < N; i++) {
    let z1 = 0;
    let z2 = 0;
    for (let j = 0; j < d; j++) {
      z1 += X[i * d + j] * M.data[j * M.cols];
      z2 += X[i * d + j] * M.data[j * M.cols + 1];
    }
    y[i] = z1 * z2 > 0 ? 1 : 0;
  }
  return { X, y, train, test, d };
}
