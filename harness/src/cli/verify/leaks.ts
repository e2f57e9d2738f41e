/** Runs that left tensors undisposed: they leak memory on every step at scale, a defect, not a verdict. Called by cli/verify.ts. */
import type { LoadedResults } from '../../report/load.js';

export function tensorLeaks(loaded: LoadedResults): string[] {
  return loaded.reproductions.flatMap((r) => (r.provenance?.runs ?? []).filter((run) => (run.leakedTensors ?? 0) > 0).map((run) => `${r.id}: the run with ${JSON.stringify(run.params)} leaked ${run.leakedTensors} tensors`));
}
