/** The optimizers, each `{ step(params, grads) }` over a flat Float64Array. */
export type { Optimizer } from './types.js';
export { SgdMomentum } from './sgd.js';
export { Adam } from './adam.js';
export { Mlbfgs, type MlbfgsOptions } from './mlbfgs.js';
export { CurvatureHistory } from './two-loop.js';
export { dampingTau, dampInPlace, type Damping } from './damping.js';
