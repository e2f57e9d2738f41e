import test from 'ava';
import { createRng } from '../../harness/src/random.js';
import { csrMultiply, csrToDense, csrTransposeMultiply, discLineIntegral, parallelBeamMatrix, rasterize, rayOf } from '../ct/index.js';

const GEOMETRY = { size: 32, angles: 60, detectors: 32 };

test('the system matrix has one row per ray and one column per pixel, a few dozen entries per row', (t) => {
  const A = parallelBeamMatrix(GEOMETRY);
  t.is(A.rows, 60 * 32);
  t.is(A.cols, 32 * 32);
  const perRow = A.rowStart[A.rows] / A.rows;
  t.true(perRow > 20 && perRow < 64, `mean non-zeros per row ${perRow}`);
  t.true(A.values.every((v) => v > 0 && v <= Math.SQRT2 + 1e-12), 'a ray crosses a unit pixel over at most √2');
});

test('a ray through the all-ones image integrates the chord of the square exactly', (t) => {
  const A = parallelBeamMatrix(GEOMETRY);
  const p = csrMultiply(A, new Float64Array(32 * 32).fill(1));
  for (let i = 0; i < A.rows; i++) {
    const { theta, s } = rayOf(GEOMETRY, i);
    if (Math.abs(Math.sin(theta)) < 1e-12 || Math.abs(Math.cos(theta)) < 1e-12) {
      // Axis-aligned rays (θ = 0, π/2) see the full side of the square.
      t.true(Math.abs(p[i] - 32) < 1e-9, `ray ${i}: ${p[i]}`);
    }
    if (Math.abs(theta - Math.PI / 4) < 1e-12 && Math.abs(s) < 1e-12) t.fail('no detector sits at s = 0 with an even count');
  }
  // θ = π/4 through s = ±0.5: the chord of the square at distance 0.5 from the centre along the diagonal.
  const k = 15; // θ = 15π/60 = π/4
  const j = 16; // s = 0.5
  const expected = 32 * Math.SQRT2 - 2 * 0.5; // diagonal length minus the corner cut (2·|s| for 45°)
  t.true(Math.abs(p[k * 32 + j] - expected) < 1e-9, `${p[k * 32 + j]} vs ${expected}`);
});

/** Relative RMS error of the projected rasterized disc against its exact line integrals. */
function discError(scale: number): { relative: number; meanBias: number } {
  const size = 32 * scale;
  const geometry = { size, angles: 30, detectors: size };
  const A = parallelBeamMatrix(geometry);
  const disc = { cx: 2.65 * scale, cy: -3.55 * scale, radius: 8 * scale, value: 0.7 };
  const image = rasterize(size, (x, y) => ((x - disc.cx) ** 2 + (y - disc.cy) ** 2 <= disc.radius ** 2 ? disc.value : 0), 16);
  const p = csrMultiply(A, image);
  let sq = 0;
  let ref = 0;
  let bias = 0;
  for (let i = 0; i < A.rows; i++) {
    const exact = discLineIntegral(rayOf(geometry, i), disc);
    sq += (p[i] - exact) ** 2;
    ref += exact ** 2;
    bias += p[i] - exact;
  }
  return { relative: Math.sqrt(sq / ref), meanBias: bias / A.rows };
}

test('projections of a rasterized disc match its analytic line integrals, to the pixelization error', (t) => {
  // The only error is the disc's pixelization, O(pixel / radius): it halves when the grid doubles.
  const coarse = discError(2);
  const fine = discError(4);
  t.true(coarse.relative < 0.02, `relative RMS error ${coarse.relative} at 64×64`);
  t.true(fine.relative < 0.6 * coarse.relative, `error ${fine.relative} at 128×128 did not shrink from ${coarse.relative}`);
  t.true(Math.abs(coarse.meanBias) < 1e-3 && Math.abs(fine.meanBias) < 1e-3, 'no systematic bias');
});

test('the transpose is the adjoint: <Ax, y> = <x, Aᵀy>', (t) => {
  const A = parallelBeamMatrix(GEOMETRY);
  const rng = createRng(7);
  const x = Float64Array.from({ length: A.cols }, () => rng.normal());
  const y = Float64Array.from({ length: A.rows }, () => rng.normal());
  const Ax = csrMultiply(A, x);
  const Aty = csrTransposeMultiply(A, y);
  let lhs = 0;
  let rhs = 0;
  for (let i = 0; i < A.rows; i++) lhs += Ax[i] * y[i];
  for (let j = 0; j < A.cols; j++) rhs += x[j] * Aty[j];
  t.true(Math.abs(lhs - rhs) < 1e-9 * Math.max(1, Math.abs(lhs)), `${lhs} vs ${rhs}`);
});

test('the sparse product equals the dense product', (t) => {
  const geometry = { size: 8, angles: 7, detectors: 9, spacing: 0.9 };
  const A = parallelBeamMatrix(geometry);
  const dense = csrToDense(A);
  const rng = createRng(3);
  const x = Float64Array.from({ length: A.cols }, () => rng.normal());
  const sparse = csrMultiply(A, x);
  for (let r = 0; r < A.rows; r++) {
    let s = 0;
    for (let c = 0; c < A.cols; c++) s += dense[r * A.cols + c] * x[c];
    t.true(Math.abs(s - sparse[r]) < 1e-12);
  }
});

test('bad geometry is rejected with the offending field', (t) => {
  t.throws(() => parallelBeamMatrix({ size: 0, angles: 4, detectors: 4 }), { message: /size must be a positive integer/ });
  t.throws(() => parallelBeamMatrix({ size: 4, angles: 4, detectors: 4, spacing: -1 }), { message: /spacing must be > 0/ });
});
