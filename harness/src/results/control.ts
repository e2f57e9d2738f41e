/**
 * What a claim's negative control shows, judged from the verdicts alone (never from a stored flag):
 * - `power`: the claim passed and its control did not, as expected: the test tells them apart;
 * - `no-power`: the claim passed but so did the control: the test cannot tell them apart;
 * - `not-shown`: the claim did not pass, so there is no power to show either way;
 * - `degenerate`: as `power`, but the control's data are degenerate (identical arms, constant
 *   values): it exercises the code path, not the claim's mechanism;
 * - `none`: no control was run.
 */
import type { ClaimResult } from '../types.js';

export type ControlStatus = 'power' | 'no-power' | 'not-shown' | 'degenerate' | 'none';

export function controlStatus(claim: Pick<ClaimResult, 'verdict' | 'control'>): ControlStatus {
  const control = claim.control;
  if (!control) return 'none';
  if (claim.verdict !== 'pass') return 'not-shown';
  if (control.verdict === 'pass') return 'no-power';
  if (control.verdict !== control.expect) return 'no-power';
  return control.evidence.degenerate ? 'degenerate' : 'power';
}

/** One line for the report and the summaries. */
export function controlStatusText(claim: Pick<ClaimResult, 'verdict' | 'control'>): string {
  const status = controlStatus(claim);
  const control = claim.control;
  switch (status) {
    case 'power': return `control ${control!.verdict} as expected: the test has power`;
    case 'degenerate': return `control ${control!.verdict} as expected, but degenerate (${control!.evidence.degenerate}): it shows the code path, not the test's power`;
    case 'no-power': return `control ${control!.verdict} (expected ${control!.expect}): the test did not tell the control apart`;
    case 'not-shown': return `control ${control!.verdict}${control!.verdict === control!.expect ? ' as expected' : ` (expected ${control!.expect})`}; the claim itself did not pass, so no power is shown`;
    case 'none': return 'no control';
  }
}
