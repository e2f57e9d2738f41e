/**
 * `all-of`: a claim that states several conditions at once ("error ≤ 1e-5 by step 3000 and a
 * geometric factor ≤ 0.995"). Every part must pass; the first part's statistic and chart lead.
 */
import { allOf as combine } from '../band.js';
import type { Check, Decision } from '../check.js';

export function allOf(...checks: [Check, ...Check[]]): Check {
  const threshold = checks.map((c) => c.threshold).join('; and ');
  return {
    kind: `all-of(${checks.map((c) => c.kind).join(', ')})`,
    threshold,
    decide(record) {
      const parts: Decision[] = checks.map((c) => c.decide(record));
      const [lead] = parts;
      const details: Record<string, number | string | boolean | null> = { ...lead.details };
      parts.forEach((p, i) => {
        details[`part ${i + 1} verdict`] = p.verdict;
        details[`part ${i + 1} statistic`] = p.statistic;
        details[`part ${i + 1} threshold`] = p.threshold;
      });
      return {
        ...lead,
        verdict: combine(parts.map((p) => p.verdict)),
        threshold,
        method: parts.map((p) => p.method).join('; '),
        reason: parts.map((p, i) => `(${i + 1}) ${p.verdict}: ${p.reason}`).join(' '),
        details,
        moreCharts: parts.slice(1).flatMap((p) => [p.chart, ...(p.moreCharts ?? [])]).filter((c) => c !== undefined),
      };
    },
  };
}
