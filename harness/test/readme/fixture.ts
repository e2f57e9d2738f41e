/** A small verdicts.json for the README outcome tests: one claim of each shape the block renders. */
import { RESULTS_VERSION } from '../../src/types.js';

const evidence = (statistic: number | null, ci: [number, number] | undefined, band: Record<string, number> | undefined, threshold: string) => ({
  method: 'mean over seeds, 95% t interval', statistic, ...(ci ? { ci } : {}), alpha: 0.05, threshold, ...(band ? { band } : {}), n: 5, seeds: [0, 1, 2, 3, 4], reason: 'r',
});

const control = (verdict: string, expect = 'fail', degenerate?: string) => ({
  params: { knob: 0 }, why: 'the mechanism removed', expect, verdict, expected: false,
  evidence: { ...evidence(0.1, [0.05, 0.15], { ge: 0.45 }, '≥ 0.45'), ...(degenerate ? { degenerate } : {}) },
});

const claim = (id: string, verdict: string, statistic: number | null, ci: [number, number] | undefined, band: Record<string, number> | undefined, threshold: string, extra: Record<string, unknown> = {}) => ({
  id, quote: 'q', kind: 'mean', why: 'w', params: {}, verdict, statistic, ...(ci ? { ci } : {}), threshold,
  evidence: evidence(statistic, ci, band, threshold), control: null, ...extra,
});

export function verdictsFixture(): Record<string, unknown> {
  const parts = [
    { kind: 'mean', verdict: 'pass', statistic: 0.5, ci: [0.49, 0.51], threshold: 'a in [0.45, 0.55]', band: { ge: 0.45, le: 0.55 }, method: 'm', reason: 'r', n: 5 },
    { kind: 'mean', verdict: 'fail', statistic: -0.7, ci: [-0.8, -0.6], threshold: 'b ≤ -0.9', band: { le: -0.9 }, method: 'm', reason: 'r', n: 5 },
  ];
  return {
    version: RESULTS_VERSION, reproduction: 'toy', paper: { title: 'T', authors: [], year: 2026 }, profile: 'smoke', backend: 'native', figures: [],
    claims: [
      claim('rate-holds', 'pass', 0.49333, [0.4921, 0.49457], { ge: 0.45, le: 0.55 }, 'in [0.45, 0.55]', { control: control('fail') }),
      claim('two-parts', 'fail', 0.5, [0.49, 0.51], { ge: 0.45, le: 0.55 }, 'a in [0.45, 0.55]; and b ≤ -0.9', {
        evidence: { ...evidence(0.5, [0.49, 0.51], { ge: 0.45, le: 0.55 }, 'x'), parts, decidedBy: 1 }, control: control('fail'),
      }),
      claim('open-ended', 'inconclusive', 1.142857, [0.9, Infinity], { gt: 1 }, '> 1', { control: control('pass') }),
      claim('control-passes', 'pass', 2e-5, [1e-6, 3e-5], { lt: 1e-4 }, '< 1e-4', { control: control('pass') }),
      claim('degenerate-control', 'pass', 3, undefined, { ge: 2 }, '≥ 2 (exact value)', { control: control('fail', 'fail', 'identical arms') }),
      claim('report-only', 'inconclusive', null, undefined, undefined, '|a − b| (report only)'),
      claim('wall-clock', 'fail', 9.87654, [8.5, 11.25], { gt: 1 }, 'time ratio > 1', { timed: true, control: control('fail') }),
    ],
  };
}
