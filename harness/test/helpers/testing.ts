/**
 * What a paper's tests use from the harness, imported as `#harness/testing`: a tiny in-process run
 * through the real runner, the child-process spawner, and a single run of one variant. Chart
 * helpers (schema checks, SVG rendering) are `#harness/testing/charts`, apart because they load vega.
 */
export {
  assertDecidedWithFailingControls,
  mechanismTests,
  runTiny,
  runTinyWithStderr,
  type MechanismTests,
  type TinyRun,
} from './tiny-run.js';
export { runInChild, type SpawnOptions, type SpawnResult } from '../../src/runner/spawn.js';
export { runVariant, type VariantTask, type VariantResult } from '../../src/runner/variant.js';
