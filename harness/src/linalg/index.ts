/** Float64 small-matrix linear algebra (row-major Float64Array), for what tfjs cannot do. */
export * from './matrix.js';
export * from './cholesky.js';
export * from './lu.js';
export * from './qr.js';
export * from './eigen.js';
export * from './orthogonal.js';
