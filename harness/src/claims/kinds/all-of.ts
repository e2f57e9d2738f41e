/**
 * `all-of`: a claim that states several conditions at once ("error ≤ 1e-5 by step 3000 and a
 * geometric factor ≤ 0.995"). Every part must pass. The part that decided the verdict (the first
 * error, else the first fail, else the first inconclusive, else the first part) leads: its
 * statistic, interval, band and chart are the claim's headline; every part is kept as data.
 */
import { combineVerdicts, decidingIndex } from '../band.js';
import type { Check, Decision } from '../check.js';
import type { EvidencePart } from '../../types.js';

export function allOf(...checks: [Check, ...Check[]]): Check {
  const threshold = checks.map((c) => c.threshold).join('; and ');
  return {
    kind: `all-of(${checks.map((c) => c.kind).join(', ')})`,
    threshold,
    decide(record) {
      const decisions: Decision[] = checks.map((c) => c.decide(record));
      const verdicts = decisions.map((d) => d.verdict);
      const decidedBy = decidingIndex(verdicts);
      const lead = decisions[decidedBy];
      const parts: EvidencePart[] = decisions.map((d, i) => ({
        kind: checks[i].kind,
        verdict: d.verdict,
        statistic: d.statistic,
        ...(d.ci ? { ci: d.ci } : {}),
        threshold: d.threshold,
        ...(d.band ? { band: d.band } : {}),
        method: d.method,
        reason: d.reason,
        n: d.n,
      }));
      const others = decisions.filter((_, i) => i !== decidedBy);
      return {
        ...lead,
        verdict: combineVerdicts(verdicts),
        threshold,
        reason: `part ${decidedBy + 1} of ${decisions.length} decides: ${lead.reason}`,
        parts,
        decidedBy,
        moreCharts: [...(lead.moreCharts ?? []), ...others.flatMap((p) => [p.chart, ...(p.moreCharts ?? [])])].filter((c) => c !== undefined),
      };
    },
  };
}
