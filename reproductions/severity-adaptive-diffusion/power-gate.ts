/**
 * A power gate: a claim decided only where the experiment can show it. adaptivity-matters asks
 * whether placing the diffusion steps by severity beats one fixed start at the same mean cost.
 * Where diffusion steps do not improve on the severity encoder's own estimate D(ẑ) at all (every
 * step raises the pixel MSE), the comparison measures only who ran fewer harmful steps on the
 * hardest images, not whether severity-aware placement helps: such a run has no power for the
 * claim and is reported inconclusive, whatever the inner comparison says.
 */
import type { Check } from '#harness';

/** Decides `inner` when `gate` passes on the same record; otherwise inconclusive, "no power", both decisions kept as parts. */
export function powerGate(gate: Check, inner: Check, noPower: string): Check {
  return {
    kind: `power-gated(${inner.kind})`,
    threshold: `${inner.threshold}; decided only where ${gate.threshold}`,
    ...(inner.band ? { band: inner.band } : {}),
    decide(record) {
      const g = gate.decide(record);
      const d = inner.decide(record);
      const parts = [g, d].map((x, i) => ({
        kind: i === 0 ? `gate: ${gate.kind}` : inner.kind,
        verdict: x.verdict,
        statistic: x.statistic,
        ...(x.ci ? { ci: x.ci } : {}),
        threshold: x.threshold,
        ...(x.band ? { band: x.band } : {}),
        method: x.method,
        reason: x.reason,
        n: x.n,
      }));
      if (g.verdict === 'pass') return { ...d, parts, decidedBy: 1, reason: `power gate open (${g.reason}); ${d.reason}` };
      if (g.verdict === 'error') return { ...g, parts, decidedBy: 0, reason: `power gate could not be decided: ${g.reason}` };
      const reason = `no power: ${noPower} (gate ${g.verdict}: ${g.reason}); the comparison itself said ${d.verdict}: ${d.reason}`;
      return { ...d, verdict: 'inconclusive', parts, decidedBy: 0, reason };
    },
  };
}
