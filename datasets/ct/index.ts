/** Seeded 2D CT data: a parallel-beam projector, a phantom with a metal insert, Poisson counts. */
export { csrFromRows, csrMultiply, csrSquaredNorm, csrToDense, csrTransposeMultiply, type CsrMatrix } from './sparse-matrix.js';
export { discLineIntegral, parallelBeamMatrix, rayOf, rayPixels, type ParallelBeamGeometry, type Ray } from './projector.js';
export { metalPhantom, tissueMask, type Ellipse, type MetalPhantom, type MetalPhantomSpec } from './phantom.js';
export { dilate, rasterize } from './raster.js';
export { poisson } from './poisson.js';
