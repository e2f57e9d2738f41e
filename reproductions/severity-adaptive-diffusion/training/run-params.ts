/** The params sets the runner will run for a params file: the training stage trains what they need. */
import { readParamsFile } from '#harness/params';
import { planRuns } from '#harness';
import reproduction from '../index.js';
import type { Params } from '../params.js';

/** Every distinct params set the runner will run, in the runner's order (its own plan of them). */
export function runParams(file: string): Params[] {
  return planRuns(reproduction, readParamsFile(file)).runs.map((run) => run.params as Params);
}
