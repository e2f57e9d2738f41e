/**
 * `monotone-trend`: the mean of a metric moves strictly one way as a parameter grows ("forgetting
 * decreases with buffer size"). Each step between successive parameter values gets a 95% interval
 * of its change in mean (paired t over the seeds recorded at both, Welch otherwise). Passes when
 * every step's interval lies strictly in the claimed direction (an intersection-union test, so no
 * correction is needed); fails when some step's interval lies entirely at or against it;
 * otherwise inconclusive. Kendall's τ of the means is reported beside it when defined.
 */
import { kendallTau, pairedTTest, welchInterval } from '../../stats/index.js';
import { formatNumber, judgeInterval, type Band } from '../band.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import { undecided } from '../decision.js';
import { groupByX, trendChart, type Group } from './grouped.js';
import type { Verdict } from '../../types.js';

interface Step { from: number; to: number; estimate: number; lo: number; hi: number; verdict: Verdict; method: string }

function stepInterval(a: Group, b: Group): { estimate: number; lo: number; hi: number; method: string } | null {
  const bySeed = new Map(a.values.map((v) => [v.seed, v.y]));
  const pairs = b.values.filter((v) => bySeed.has(v.seed)).map((v) => ({ after: v.y, before: bySeed.get(v.seed)! }));
  if (pairs.length >= 2 && pairs.length === a.values.length && pairs.length === b.values.length) {
    const d = pairedTTest(pairs.map((p) => p.after), pairs.map((p) => p.before));
    return { estimate: d.estimate, lo: d.lo, hi: d.hi, method: 'paired t' };
  }
  if (a.values.length < 2 || b.values.length < 2) return null;
  const w = welchInterval(b.values.map((v) => v.y), a.values.map((v) => v.y));
  return { estimate: w.estimate, lo: w.lo, hi: w.hi, method: 'Welch t' };
}

export function monotoneTrend(series: string, options: { xTitle?: string; yTitle?: string; xLog?: boolean } = {}) {
  return {
    monotone(direction: 'increasing' | 'decreasing'): Check {
      const stepBand: Band = direction === 'increasing' ? { gt: 0 } : { lt: 0 };
      const threshold = `every step of the mean strictly ${direction} in x (95% interval of each step ${direction === 'increasing' ? '> 0' : '< 0'})`;
      return {
        kind: 'monotone-trend',
        threshold,
        band: stepBand,
        decide(record) {
          const curves = requireSeries(record, series);
          const groups = groupByX(curves);
          const chart = trendChart(series, curves, groups, options);
          const base = { threshold, band: stepBand, n: groups.length, seeds: seedsOf(curves), chart };
          if (groups.length < 2) return undecided('inconclusive', { ...base, method: 'steps between parameter values', reason: `only ${groups.length} parameter value: no step to judge` });
          const broken = groups.filter((g) => !Number.isFinite(g.mean));
          if (broken.length > 0) return undecided('inconclusive', { ...base, method: 'steps between parameter values', reason: `non-finite values at x = ${broken.map((g) => g.x).join(', ')}` });
          const steps: Step[] = [];
          for (let i = 1; i < groups.length; i++) {
            const s = stepInterval(groups[i - 1], groups[i]);
            if (!s) return undecided('inconclusive', { ...base, method: 'steps between parameter values', reason: `fewer than 2 seeds at x = ${groups[i - 1].x} or ${groups[i].x}: no interval for that step` });
            steps.push({ from: groups[i - 1].x, to: groups[i].x, ...s, verdict: judgeInterval([s.lo, s.hi], stepBand) });
          }
          const deciding = steps.find((s) => s.verdict === 'fail') ?? steps.find((s) => s.verdict === 'inconclusive') ?? steps.reduce((w, s) => (Math.abs(s.estimate) < Math.abs(w.estimate) ? s : w));
          const verdict: Verdict = steps.some((s) => s.verdict === 'fail') ? 'fail' : steps.some((s) => s.verdict === 'inconclusive') ? 'inconclusive' : 'pass';
          const means = groups.map((g) => g.mean);
          const tau = new Set(means).size > 1 ? kendallTau(groups.map((g) => g.x), means) : null;
          const step = (s: Step) => `x ${s.from} → ${s.to}: ${formatNumber(s.estimate)} [${formatNumber(s.lo)}, ${formatNumber(s.hi)}]`;
          const details: Record<string, number | string | null> = { "Kendall's τ of the means": tau };
          for (const s of steps) details[`step x ${s.from} → ${s.to}`] = `${formatNumber(s.estimate)} [${formatNumber(s.lo)}, ${formatNumber(s.hi)}] (${s.method})`;
          return {
            verdict,
            method: `change in the mean between successive x, 95% ${deciding.method} interval per step; all steps must be ${direction === 'increasing' ? '> 0' : '< 0'}`,
            statistic: deciding.estimate,
            ci: [deciding.lo, deciding.hi],
            alpha: 0.05,
            threshold,
            band: stepBand,
            n: groups.length,
            seeds: seedsOf(curves),
            reason: verdict === 'pass'
              ? `every step is strictly ${direction}; the smallest is ${step(deciding)}`
              : verdict === 'fail'
                ? `the step ${step(deciding)} is not ${direction}`
                : `the step ${step(deciding)} reaches across 0: these seeds cannot tell its direction`,
            details,
            chart,
          };
        },
      };
    },
  };
}
