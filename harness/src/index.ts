/**
 * The harness's public API for reproductions, imported as `#harness`. The other entry points papers
 * may use are the subpaths of `#harness/...` in package.json's `imports` (random, tf, linalg, stats,
 * charts, types, params, timing, pin-threads, testing); eslint.config.js rejects any other path.
 */
export { defineReproduction, type RunContext, type ReproductionDef, type BaseParams } from './reproduction/define.js';
export * from './claims/index.js';
export { tuningSeeds, isTuningSeed, verdictSeeds, TUNING_SEED_BASE } from './reproduction/seeds.js';
export { createRng, deriveSeed, type Rng } from './random.js';
export { Recorder, type RecordView, type SeriesData } from './record/recorder.js';
export { FlatAdam, type AdamOptions } from './optim/flat-adam.js';
// For papers whose own code plans or keys runs the way the runner does (a training stage, a memo).
export { planRuns, type RunPlan, type PlannedRun } from './runner/plan.js';
export { stableJson } from './runner/stable-json.js';
