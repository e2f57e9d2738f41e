/**
 * A negative control judged against expected.json, the same way everywhere (the gate, the report's
 * index and pages, the Markdown summary and JUnit): as expected when it gives what it must; else
 * accepted when expected.json records its verdict (`"<claim>/control": "<verdict>"`) or tolerates it
 * (`{ verdict, tolerate, why }`), with the recorded justification; else departing. It lives with the
 * report, which the DVC report stage depends on; `repro verify` imports it from here.
 */
import type { ClaimResult, Verdict } from '../types.js';
import type { Expectations, HistoryEntry, Tolerances } from '../verify/expected.js';

export interface ExpectedFile {
  expectations: Expectations;
  tolerances: Tolerances;
  history: readonly HistoryEntry[];
}

export interface ControlJudgement {
  /** As expected, or accepted by expected.json. */
  ok: boolean;
  /** Departs from what the control must give, but expected.json accepts that. */
  accepted: boolean;
  /** What expected.json records for this control, when it does. */
  recorded: Verdict | null;
  /** The justification recorded for an accepted control (its tolerance's `why`, or the `$history` reason). */
  why: string | null;
  /** One line for pages and summaries. */
  text: string;
}

/** The newest `$history` reason for a change that named this control. */
function historyWhy(history: readonly HistoryEntry[], reproduction: string, name: string): string | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const h = history[i];
    if (Array.isArray(h?.changes) && h.changes.some((c) => c.reproduction === reproduction && c.claim === name)) return typeof h.reason === 'string' ? h.reason : null;
  }
  return null;
}

export function judgeControl(reproduction: string, claim: Pick<ClaimResult, 'id' | 'control'>, file: ExpectedFile | null): ControlJudgement | null {
  const control = claim.control;
  if (!control) return null;
  const must = control.expect ?? 'fail';
  const name = `${claim.id}/control`;
  const recorded = file?.expectations[reproduction]?.[name] ?? null;
  const tolerance = file?.tolerances[reproduction]?.[name];
  const tolerated = tolerance?.verdicts.includes(control.verdict) ?? false;
  const asMust = control.verdict === must;
  const ok = (recorded === null ? asMust : recorded === control.verdict) || tolerated;
  const accepted = ok && !asMust;
  const why = accepted ? (tolerance?.why ?? historyWhy(file?.history ?? [], reproduction, name)) : null;
  const text = asMust && ok
    ? `control ${control.verdict}, as it must`
    : accepted
      ? `control ${control.verdict} (it must ${must}); expected.json accepts this: ${why ?? 'no reason recorded there'}`
      : recorded !== null
        ? `control ${control.verdict} (it must ${must}; expected.json records ${recorded}): departs from expected.json`
        : `control ${control.verdict} (it must ${must}): departs from expected.json`;
  return { ok, accepted, recorded, why, text };
}
