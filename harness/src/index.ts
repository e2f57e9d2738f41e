/** The harness's public API for reproductions. */
export { defineReproduction, type RunContext, type ReproductionDef, type BaseParams } from './reproduction/define.js';
export * from './claims/index.js';
export { tuningSeeds, isTuningSeed, TUNING_SEED_BASE } from './reproduction/seeds.js';
export { createRng, deriveSeed, type Rng } from './random.js';
export type { Recorder } from './record/recorder.js';
export { FlatAdam, type AdamOptions } from './optim/flat-adam.js';
