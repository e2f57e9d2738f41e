/**
 * The plan's synthetic proxy for the paper's image datasets: `classes` Gaussian clusters in
 * `input_dim` dimensions (means ~ N(0, spread²·I), noise N(0, I)) pushed through a fixed random
 * 2-layer map x ↦ A₂ᵀ tanh(A₁ᵀx/√d + c) (so the classes are not linearly placed Gaussians any
 * more), then standardised with the training set's per-feature mean and spread. Everything is
 * drawn from one seed: a seed is one replicate's whole world.
 */
import { createRng, type Rng } from '#harness/random';
import type { LabeledRows } from './protocol.js';

export interface ProxySpec {
  classes: number;
  dim: number;
  mapHidden: number;
  spread: number;
  trainPerClass: number;
  testPerClass: number;
}

export interface ProxyData {
  dim: number;
  classes: number;
  train: LabeledRows;
  test: LabeledRows;
}

function normals(rng: Rng, n: number, scale = 1): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = scale * rng.normal();
  return out;
}

/** Rows of every class in turn (class-major), before the map. */
function clusterRows(rng: Rng, means: Float64Array, classes: number, dim: number, perClass: number): { x: Float64Array; y: Int32Array } {
  const x = new Float64Array(classes * perClass * dim);
  const y = new Int32Array(classes * perClass);
  for (let c = 0; c < classes; c++) {
    for (let i = 0; i < perClass; i++) {
      const row = c * perClass + i;
      y[row] = c;
      for (let j = 0; j < dim; j++) x[row * dim + j] = means[c * dim + j] + rng.normal();
    }
  }
  return { x, y };
}

export function makeProxy(spec: ProxySpec, seed: number): ProxyData {
  const { classes, dim, mapHidden: m } = spec;
  const rng = createRng(seed);
  const means = normals(rng, classes * dim, spec.spread);
  const A1 = normals(rng, dim * m);
  const c = normals(rng, m, 0.5);
  const A2 = normals(rng, m * dim, 1 / Math.sqrt(m));
  const map = (raw: Float64Array, rows: number): Float64Array => {
    const out = new Float64Array(rows * dim);
    const h = new Float64Array(m);
    for (let r = 0; r < rows; r++) {
      for (let k = 0; k < m; k++) {
        let s = c[k];
        for (let j = 0; j < dim; j++) s += raw[r * dim + j] * A1[j * m + k];
        h[k] = Math.tanh(s / Math.sqrt(dim));
      }
      for (let j = 0; j < dim; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += h[k] * A2[k * dim + j];
        out[r * dim + j] = s;
      }
    }
    return out;
  };
  const train = clusterRows(rng, means, classes, dim, spec.trainPerClass);
  const test = clusterRows(rng, means, classes, dim, spec.testPerClass);
  const trainX = map(train.x, train.y.length);
  const testX = map(test.x, test.y.length);
  // Standardise with the training statistics (a fixed preprocessing, like image normalisation).
  const mu = new Float64Array(dim);
  const sd = new Float64Array(dim);
  const n = train.y.length;
  for (let r = 0; r < n; r++) for (let j = 0; j < dim; j++) mu[j] += trainX[r * dim + j] / n;
  for (let r = 0; r < n; r++) for (let j = 0; j < dim; j++) sd[j] += (trainX[r * dim + j] - mu[j]) ** 2 / n;
  for (let j = 0; j < dim; j++) sd[j] = Math.sqrt(sd[j]) || 1;
  const standardise = (x: Float64Array): Float32Array => Float32Array.from(x, (v, i) => (v - mu[i % dim]) / sd[i % dim]);
  return {
    dim,
    classes,
    train: { x: standardise(trainX), y: train.y },
    test: { x: standardise(testX), y: test.y },
  };
}

/** The rows of `data` whose labels satisfy `keep`, copied. */
export function selectRows(data: LabeledRows, dim: number, keep: (label: number) => boolean): LabeledRows {
  const rows: number[] = [];
  for (let i = 0; i < data.y.length; i++) if (keep(data.y[i])) rows.push(i);
  return takeRows(data, dim, rows);
}

export function takeRows(data: LabeledRows, dim: number, rows: readonly number[]): LabeledRows {
  const x = new Float32Array(rows.length * dim);
  const y = new Int32Array(rows.length);
  rows.forEach((r, i) => {
    x.set(data.x.subarray(r * dim, (r + 1) * dim), i * dim);
    y[i] = data.y[r];
  });
  return { x, y };
}

/** Classes of task t when tasks split the classes in order into equal groups. */
export function taskClasses(task: number, classesPerTask: number): number[] {
  return Array.from({ length: classesPerTask }, (_, i) => task * classesPerTask + i);
}
