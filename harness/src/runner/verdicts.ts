/**
 * verdicts.json and metrics.json from the outcome of each planned run: the one path from runs to
 * claim results, taken by a finished run process and by the failure path (where every run failed).
 */
import type { FigureResult, ClaimResult, MetricsFile, VerdictsFile } from '../types.js';
import { RESULTS_VERSION } from '../types.js';
import type { AnyReproduction } from '../reproduction/define.js';
import { claimResult, type RunOutcome } from './decide.js';
import { claimOverrides, controlOverrides, type PlannedRun, type RunPlan } from './plan.js';

export interface Decided {
  verdicts: VerdictsFile;
  metrics: MetricsFile;
}

export function decideClaims(
  def: AnyReproduction,
  plan: RunPlan,
  outcomeOf: (run: PlannedRun) => RunOutcome,
  o: { profile: string; backend: string; figures: FigureResult[] },
): Decided {
  const outcome = (overrides: Record<string, unknown>) => outcomeOf(plan.runOf(overrides));
  const claims = def.claims.map((c) => claimResult(c, outcome(claimOverrides(c)), outcome(controlOverrides(c))));
  const verdicts: VerdictsFile = { version: RESULTS_VERSION, reproduction: def.id, paper: def.paper, profile: o.profile, backend: o.backend, claims, figures: o.figures };
  return { verdicts, metrics: metricsOf(claims) };
}

/** The first claim's statistic, skipping timed claims: metrics.json is hashed and must not hold a time. */
function headlineStatistic(claims: readonly ClaimResult[]): number | null {
  const first = claims.find((c) => !c.timed);
  return first && first.statistic !== null && Number.isFinite(first.statistic) ? first.statistic : null;
}

export function metricsOf(claims: readonly ClaimResult[]): MetricsFile {
  const verdicts = { pass: 0, fail: 0, inconclusive: 0, error: 0 };
  for (const c of claims) verdicts[c.verdict]++;
  const controls = claims.filter((c) => c.control);
  return {
    verdicts,
    controls_as_expected: controls.filter((c) => c.control!.expected).length,
    controls_total: controls.length,
    headline_statistic: headlineStatistic(claims),
  };
}
