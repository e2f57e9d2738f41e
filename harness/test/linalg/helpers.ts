import { createRng } from '../../src/random.js';
import { frobenius, gram, matrix, sub, type Matrix } from '../../src/linalg/index.js';

/** n x m matrix of standard normals from a seeded generator. */
export function gaussian(rows: number, cols: number, seed: number): Matrix {
  const rng = createRng(seed);
  return matrix(rows, cols, Array.from({ length: rows * cols }, () => rng.normal()));
}

/** A well-conditioned SPD matrix: G G^T + n I. */
export function spd(n: number, seed: number): Matrix {
  const g = gram(gaussian(n, n, seed));
  for (let i = 0; i < n; i++) g.data[i * n + i] += n;
  return g;
}

/** ||a - b||_F. */
export function distance(a: Matrix, b: Matrix): number {
  return frobenius(sub(a, b));
}
