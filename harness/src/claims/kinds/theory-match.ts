/**
 * `theory-match`: Monte-Carlo means against a closed form, point by point, as an equivalence
 * test. The empirical series holds one curve per seed (one Monte-Carlo trial each), the theory
 * series one curve. At each of the m points of the theory, the t interval of mean − theory at
 * level 1 − 0.05/m (Bonferroni over the points) must lie inside ±tolerance, with tolerance =
 * relative·|theory| + absolute fixed in advance. Passes when every interval is inside; fails when
 * some interval lies entirely outside; otherwise inconclusive (too few trials to tell). Unlike a
 * tolerance that grows with the standard error, fewer trials can only make this harder to pass.
 * The headline is mean − theory at the deciding point (the first outside, else the first
 * undecided, else the one closest to its margin), with its interval and margin.
 */
import { seriesChart } from '../../charts/index.js';
import { meanOfValid, varianceOfValid } from '../../stats/descriptive.js';
import { studentTQuantile } from '../../stats/index.js';
import { formatNumber, judgeInterval } from '../band.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import { undecided } from '../decision.js';
import type { Verdict } from '../../types.js';

export interface TheoryTolerance {
  /** Relative error allowed: model or finite-size slack, as a share of |theory|. */
  relative: number;
  /** Absolute error allowed on top (default 0). */
  absolute?: number;
}

interface PointCheck { x: number; n: number; mean: number; se: number; theory: number; allowed: number; lo: number; hi: number; verdict: Verdict; ratio: number }

export function theoryMatch(empirical: string, theory: string, options: { label?: string; xTitle?: string; yTitle?: string; xLog?: boolean } = {}) {
  const label = options.label ?? `${empirical} vs ${theory}`;
  return {
    within(tolerance: TheoryTolerance): Check {
      const { relative, absolute = 0 } = tolerance;
      if ('ses' in tolerance) throw new Error(`theoryMatch('${empirical}'): 'ses' is gone; the tolerance is fixed (relative, absolute) and sampling error enters through the interval`);
      if (!(relative >= 0) || !(absolute >= 0) || relative + absolute === 0) throw new Error(`theoryMatch('${empirical}'): relative and absolute must be ≥ 0 and not both 0, got ${relative} and ${absolute}`);
      const tolText = `${formatNumber(relative)}·|theory|${absolute > 0 ? ` + ${formatNumber(absolute)}` : ''}`;
      const threshold = `|mean − theory| < ${tolText} at every x (${label}; equivalence test, Bonferroni-corrected 95% t intervals)`;
      return {
        kind: 'theory-match',
        threshold,
        decide(record) {
          const curves = requireSeries(record, empirical);
          const predicted = requireSeries(record, theory)[0];
          const groups = new Map<number, number[]>();
          for (const c of curves) c.x.forEach((x, i) => groups.set(x, [...(groups.get(x) ?? []), c.y[i]]));
          const m = predicted.x.length;
          const tQuantile = (n: number) => studentTQuantile(1 - 0.05 / (2 * m), n - 1);
          const points: PointCheck[] = [];
          const missing: number[] = [];
          predicted.x.forEach((x, i) => {
            const values = groups.get(x) ?? [];
            const th = predicted.y[i];
            if (values.length < 2 || values.some((v) => !Number.isFinite(v)) || !Number.isFinite(th)) {
              missing.push(x);
              return;
            }
            const mean = meanOfValid(values);
            const se = Math.sqrt(varianceOfValid(values) / values.length);
            const half = tQuantile(values.length) * se;
            const allowed = relative * Math.abs(th) + absolute;
            const lo = mean - th - half;
            const hi = mean - th + half;
            const verdict = allowed > 0 ? judgeInterval([lo, hi], { gt: -allowed, lt: allowed }) : 'inconclusive';
            points.push({ x, n: values.length, mean, se, theory: th, allowed, lo, hi, verdict, ratio: allowed > 0 ? Math.max(Math.abs(lo), Math.abs(hi)) / allowed : Infinity });
          });
          const chart = seriesChart({
            title: label,
            xTitle: options.xTitle ?? 'x',
            yTitle: options.yTitle ?? empirical,
            xLog: options.xLog,
            mark: 'point',
            points: points.map((p) => ({ x: p.x, y: p.mean, group: 'Monte-Carlo mean' })),
            references: [
              { label: 'closed form', points: points.map((p) => ({ x: p.x, y: p.theory })) },
              { label: 'closed form + tolerance', points: points.map((p) => ({ x: p.x, y: p.theory + p.allowed })) },
              { label: 'closed form − tolerance', points: points.map((p) => ({ x: p.x, y: p.theory - p.allowed })) },
            ],
          });
          const seeds = seedsOf(curves);
          const method = `mean of Monte-Carlo trials at each x minus the closed form, t interval at level 1 − 0.05/${m} per point; equivalence margin ±(${tolText})`;
          if (missing.length > 0 || points.length === 0) {
            return undecided('inconclusive', { threshold, method, n: points.length, seeds, chart, reason: `no finite Monte-Carlo mean from ≥ 2 trials (or no finite theory) at x = ${missing.join(', ') || 'any point'}` });
          }
          const outside = points.filter((p) => p.verdict === 'fail');
          const unsure = points.filter((p) => p.verdict === 'inconclusive');
          const verdict: Verdict = outside.length ? 'fail' : unsure.length ? 'inconclusive' : 'pass';
          const worst = (outside[0] ?? unsure[0]) ?? points.reduce((w, p) => (p.ratio > w.ratio ? p : w));
          const describe = (p: PointCheck) => `x = ${p.x}: mean − theory ${formatNumber(p.mean - p.theory)}, interval [${formatNumber(p.lo)}, ${formatNumber(p.hi)}] against ±${formatNumber(p.allowed)}`;
          const details: Record<string, number> = { 'deciding point x': worst.x, 'largest |interval end| / tolerance': worst.ratio };
          for (const p of points) {
            details[`mean at x = ${p.x}`] = p.mean;
            details[`standard error at x = ${p.x}`] = p.se;
            details[`theory at x = ${p.x}`] = p.theory;
          }
          return {
            verdict,
            method,
            statistic: worst.mean - worst.theory,
            ci: [worst.lo, worst.hi],
            alpha: 0.05,
            threshold,
            band: { gt: -worst.allowed, lt: worst.allowed },
            n: Math.min(...points.map((p) => p.n)),
            seeds,
            reason: verdict === 'fail'
              ? `outside the tolerance at ${outside.map(describe).join('; ')}`
              : verdict === 'inconclusive'
                ? `the interval reaches past the tolerance at ${unsure.map(describe).join('; ')}: more trials are needed to tell`
                : `every point is within the tolerance; the closest to its edge is ${describe(worst)}`,
            details,
            chart,
          };
        },
      };
    },
  };
}
