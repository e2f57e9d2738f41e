/**
 * What a paper's tests use from the harness, imported as `#harness/testing`: a tiny in-process run
 * through the real runner, the child-process spawner, and a single run with one set of params. Chart
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
export { runOne, type RunTask, type RunResult } from '../../src/runner/one-run.js';
