/**
 * When the child process dies (crash, timeout, out of memory), `repro run --keep-going` records
 * that as an `error` verdict for every claim, so the pipeline and the report still complete and
 * show the failure with its reason instead of stopping at the first broken paper.
 */
import type { AnyReproduction } from '../reproduction/define.js';
import type { ClaimResult, Evidence, Provenance, RunFacts } from '../types.js';
import { RESULTS_VERSION } from '../types.js';
import { metricsOf } from './execute.js';
import { gitState, harnessVersions, machine } from './provenance.js';
import { writeResults } from './write.js';

export function failureClaims(def: AnyReproduction, reason: string): ClaimResult[] {
  return def.claims.map((c) => {
    const evidence: Evidence = { method: 'not computed', statistic: null, threshold: c.check.threshold, n: 0, seeds: [], reason };
    return {
      id: c.id,
      quote: c.quote,
      kind: c.check.kind,
      why: c.why,
      params: { ...(c.params ?? {}) } as Record<string, unknown>,
      verdict: 'error',
      statistic: null,
      threshold: c.check.threshold,
      evidence,
      control: {
        params: { ...(c.control.params as Record<string, unknown>) },
        why: c.control.why,
        expect: c.control.expect ?? 'fail',
        verdict: 'error',
        expected: false,
        evidence,
      },
    };
  });
}

export function writeFailureResults(dir: string, def: AnyReproduction, o: { root: string; profile: string; reason: string; seconds: number }): void {
  const claims = failureClaims(def, o.reason);
  const provenance: Provenance = {
    reproduction: def.id,
    profile: o.profile,
    backend: 'none',
    backendNote: o.reason,
    versions: harnessVersions(),
    seeds: [],
    params: {},
    runs: [],
  };
  const facts: RunFacts = {
    reproduction: def.id,
    git: gitState(o.root),
    machine: machine(),
    startedAt: new Date(Date.now() - o.seconds * 1000).toISOString(),
    durationSeconds: o.seconds,
    runs: [],
  };
  writeResults(dir, {
    verdicts: { version: RESULTS_VERSION, reproduction: def.id, paper: def.paper, profile: o.profile, backend: 'none', claims, figures: [] },
    metrics: metricsOf(claims),
    runs: [],
    seeds: [],
    sectionParams: {},
  }, provenance, facts);
}
