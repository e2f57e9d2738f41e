/** Turns a claim and the records of its runs into a ClaimResult (verdict, evidence, control). */
import type { ClaimDef } from '../claims/claim.js';
import type { Decision } from '../claims/check.js';
import type { RecordView } from '../record/recorder.js';
import type { ClaimResult, Verdict } from '../types.js';

export type RunOutcome = { ok: true; record: RecordView } | { ok: false; error: string };

function errorDecision(threshold: string, reason: string): Decision {
  return { verdict: 'error', method: 'not computed', statistic: null, threshold, n: 0, seeds: [], reason };
}

export function decideOn(claim: ClaimDef<unknown>, outcome: RunOutcome): Decision {
  if (!outcome.ok) return errorDecision(claim.check.threshold, `the run failed: ${outcome.error}`);
  try {
    return claim.check.decide(outcome.record);
  } catch (error) {
    return errorDecision(claim.check.threshold, `the check could not be computed: ${(error as Error).message}`);
  }
}

export function claimResult(claim: ClaimDef<unknown>, main: RunOutcome, control: RunOutcome): ClaimResult {
  const decision = decideOn(claim, main);
  const controlDecision = decideOn(claim, control);
  const expect: Verdict = claim.control.expect ?? 'fail';
  const { verdict, ...evidence } = decision;
  const { verdict: controlVerdict, chart: _controlChart, ...controlEvidence } = controlDecision;
  return {
    id: claim.id,
    quote: claim.quote,
    kind: claim.check.kind,
    why: claim.why,
    params: { ...(claim.params ?? {}) } as Record<string, unknown>,
    verdict,
    statistic: evidence.statistic,
    ...(evidence.ci ? { ci: evidence.ci } : {}),
    threshold: claim.check.threshold,
    evidence,
    control: {
      params: { ...(claim.control.params as Record<string, unknown>) },
      why: claim.control.why,
      expect,
      verdict: controlVerdict,
      expected: controlVerdict === expect,
      evidence: controlEvidence,
    },
    ...(claim.note ? { note: claim.note } : {}),
    ...(claim.timed ? { timed: true as const } : {}),
  };
}
