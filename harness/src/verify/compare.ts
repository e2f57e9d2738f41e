/** Results against expectations: one row per claim and per control, each either as expected or not. */
import type { ClaimResult, ControlResult, Verdict, VerdictsFile } from '../types.js';
import { judgeControl, type ControlJudgement } from '../report/control-judgement.js';
import type { Expectations, HistoryEntry, Tolerances } from './expected.js';

export interface ExpectationCheck {
  reproduction: string;
  /** `<claim>` or `<claim>/control`. */
  name: string;
  actual: Verdict;
  expected: Verdict | null;
  ok: boolean;
  /** Why it is not ok, for the log, JUnit and Markdown. */
  message: string;
  claim: ClaimResult;
  /** Set when the verdict departs from the expected one but expected.json tolerates it: the reason. */
  tolerated?: string;
  /** For a control: how it stands against expected.json, with the recorded why when accepted. */
  judgement?: ControlJudgement;
}

/** Whether a control came out as it must: its verdict is its `expect` (default fail). */
export function controlAsExpected(control: Pick<ControlResult, 'verdict' | 'expect'>): boolean {
  return control.verdict === (control.expect ?? 'fail');
}

export function compare(results: readonly VerdictsFile[], expectations: Expectations, tolerances: Tolerances = {}, history: readonly HistoryEntry[] = []): ExpectationCheck[] {
  const checks: ExpectationCheck[] = [];
  for (const v of results) {
    for (const claim of v.claims) {
      const expected = expectations[v.reproduction]?.[claim.id] ?? null;
      const tolerance = tolerances[v.reproduction]?.[claim.id];
      const tolerated = expected !== null && expected !== claim.verdict && tolerance?.verdicts.includes(claim.verdict) ? tolerance.why : undefined;
      checks.push({
        reproduction: v.reproduction,
        name: claim.id,
        actual: claim.verdict,
        expected,
        ok: expected === claim.verdict || tolerated !== undefined,
        message: expected === null
          ? `no expectation recorded (run 'repro verify --update' and review the diff of expected.json)`
          : expected === claim.verdict || tolerated !== undefined ? '' : `expected ${expected}, got ${claim.verdict}: ${claim.evidence.reason}`,
        claim,
        ...(tolerated !== undefined ? { tolerated } : {}),
      });
      if (claim.control) {
        // A control that is known not to fail can be recorded as `<claim>/control` in expected.json:
        // the lack of power is then a reviewed fact, and only a change from it fails verify.
        const known = expectations[v.reproduction]?.[`${claim.id}/control`] ?? null;
        // Derived from the verdict and what the control must give, never from the stored `expected`
        // flag: an edited verdict with a stale flag would otherwise pass.
        const asRecorded = known === null ? controlAsExpected(claim.control) : known === claim.control.verdict;
        // A load-dependent control may be tolerated like a claim: `"<claim>/control": { verdict, tolerate, why }`.
        const controlTolerance = tolerances[v.reproduction]?.[`${claim.id}/control`];
        const controlTolerated = !asRecorded && controlTolerance?.verdicts.includes(claim.control.verdict) ? controlTolerance.why : undefined;
        const ok = asRecorded || controlTolerated !== undefined;
        checks.push({
          reproduction: v.reproduction,
          name: `${claim.id}/control`,
          actual: claim.control.verdict,
          expected: known ?? claim.control.expect,
          ok,
          message: ok ? '' : known === null
            ? `the negative control must ${claim.control.expect} but got ${claim.control.verdict}: the claim has no power (${claim.control.evidence.reason})`
            : `expected.json records this control as ${known}, got ${claim.control.verdict}`,
          ...(controlTolerated !== undefined ? { tolerated: controlTolerated } : {}),
          judgement: judgeControl(v.reproduction, claim, { expectations, tolerances, history })!,
          claim,
        });
      }
    }
  }
  return checks;
}

/** Expectations that name claims no result has: stale entries a reviewer should see. */
export function missingResults(results: readonly VerdictsFile[], expectations: Expectations): string[] {
  const have = new Set(results.flatMap((v) => v.claims.flatMap((c) => [`${v.reproduction}/${c.id}`, `${v.reproduction}/${c.id}/control`])));
  return Object.entries(expectations).flatMap(([id, claims]) => Object.keys(claims).map((c) => `${id}/${c}`)).filter((k) => !have.has(k));
}

/** Every claim's verdict, plus `<claim>/control` for controls that did not come out as they must. */
export function expectationsFrom(results: readonly VerdictsFile[]): Expectations {
  return Object.fromEntries(results.map((v) => [v.reproduction, Object.fromEntries(v.claims.flatMap((c) => [
    [c.id, c.verdict] as const,
    ...(c.control && !controlAsExpected(c.control) ? [[`${c.id}/control`, c.control.verdict] as const] : []),
  ]))]));
}
