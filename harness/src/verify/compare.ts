/** Results against expectations: one row per claim and per control, each either as expected or not. */
import type { ClaimResult, Verdict, VerdictsFile } from '../types.js';
import type { Expectations } from './expected.js';

export interface Check {
  reproduction: string;
  /** `<claim>` or `<claim>/control`. */
  name: string;
  actual: Verdict;
  expected: Verdict | null;
  ok: boolean;
  /** Why it is not ok, for the log, JUnit and Markdown. */
  message: string;
  claim: ClaimResult;
}

export function compare(results: readonly VerdictsFile[], expectations: Expectations): Check[] {
  const checks: Check[] = [];
  for (const v of results) {
    for (const claim of v.claims) {
      const expected = expectations[v.reproduction]?.[claim.id] ?? null;
      checks.push({
        reproduction: v.reproduction,
        name: claim.id,
        actual: claim.verdict,
        expected,
        ok: expected === claim.verdict,
        message: expected === null
          ? `no expectation recorded (run 'repro verify --update' and review the diff of expected.json)`
          : expected === claim.verdict ? '' : `expected ${expected}, got ${claim.verdict}: ${claim.evidence.reason}`,
        claim,
      });
      if (claim.control) {
        checks.push({
          reproduction: v.reproduction,
          name: `${claim.id}/control`,
          actual: claim.control.verdict,
          expected: claim.control.expect,
          ok: claim.control.expected,
          message: claim.control.expected ? '' : `the negative control must ${claim.control.expect} but got ${claim.control.verdict}: the claim has no power (${claim.control.evidence.reason})`,
          claim,
        });
      }
    }
  }
  return checks;
}

/** Expectations that name claims no result has: stale entries a reviewer should see. */
export function missingResults(results: readonly VerdictsFile[], expectations: Expectations): string[] {
  const have = new Set(results.flatMap((v) => v.claims.map((c) => `${v.reproduction}/${c.id}`)));
  return Object.entries(expectations).flatMap(([id, claims]) => Object.keys(claims).map((c) => `${id}/${c}`)).filter((k) => !have.has(k));
}

export function expectationsFrom(results: readonly VerdictsFile[]): Expectations {
  return Object.fromEntries(results.map((v) => [v.reproduction, Object.fromEntries(v.claims.map((c) => [c.id, c.verdict]))]));
}
