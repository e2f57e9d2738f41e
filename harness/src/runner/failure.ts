/**
 * When the run process dies (crash, timeout, out of memory), `repro run --keep-going` records
 * that as an `error` verdict for every claim, so the pipeline and the report still complete and
 * show the failure with its reason instead of stopping at the first broken paper. The results take
 * the same path as a finished run's, with every planned run failed for that reason.
 */
import type { AnyReproduction } from '../reproduction/define.js';
import type { RunOutcome } from './decide.js';
import type { RunPlan } from './plan.js';
import { provenanceOf, runFactsOf, type RunRecord } from './provenance.js';
import { decideClaims } from './verdicts.js';
import { writeResults } from './write.js';

export function writeFailureResults(dir: string, def: AnyReproduction, plan: RunPlan, o: { root: string; profile: string; reason: string; seconds: number }): void {
  const failed: RunOutcome = { ok: false, error: o.reason };
  const { verdicts, metrics } = decideClaims(def, plan, () => failed, { profile: o.profile, backend: 'none', figures: [] });
  // No run got as far as its seeds or its wall time: only what was planned, and why it failed.
  const runs: RunRecord[] = plan.runs.map((run) => ({ run, error: o.reason }));
  const provenance = provenanceOf({ reproduction: def.id, profile: o.profile, backend: { name: 'none', note: o.reason }, seeds: [], params: plan.base, runs });
  const facts = runFactsOf({ reproduction: def.id, root: o.root, startedAt: new Date(Date.now() - o.seconds * 1000), durationSeconds: o.seconds, runs });
  writeResults(dir, { verdicts, metrics, runs: [], seeds: [], sectionParams: plan.base }, provenance, facts);
}
