/**
 * `theory-match`: Monte-Carlo means against a closed form, point by point. The empirical series
 * holds one curve per seed (one seed per Monte-Carlo trial); the theory series one curve (seed
 * null). At every x of the theory, the mean over seeds must satisfy
 * |mean − theory| ≤ k·SE + rel·|theory| (SE = sample standard deviation / √n). Any point outside
 * fails; a point with fewer than two finite values is inconclusive. The statistic is the largest
 * ratio |mean − theory| / (k·SE + rel·|theory|) over the points: ≤ 1 passes.
 */
import { seriesChart } from '../../charts/index.js';
import { mean, std } from '../../stats/index.js';
import { formatNumber } from '../band.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import type { Verdict } from '../../types.js';

export interface TheoryTolerance {
  /** k: standard errors of the Monte-Carlo mean allowed. */
  ses: number;
  /** rel: relative error allowed on top (model or finite-size slack). */
  relative: number;
}

interface PointCheck { x: number; n: number; mean: number; se: number; theory: number; allowed: number; ratio: number }

export function theoryMatch(empirical: string, theory: string, options: { label?: string; xTitle?: string; yTitle?: string; xLog?: boolean } = {}) {
  const label = options.label ?? `${empirical} vs ${theory}`;
  return {
    within(tolerance: TheoryTolerance): Check {
      const { ses, relative } = tolerance;
      if (!(ses >= 0) || !(relative >= 0)) throw new Error(`theoryMatch: ses and relative must be ≥ 0, got ${ses} and ${relative}`);
      const threshold = `|mean − theory| ≤ ${ses}·SE + ${formatNumber(relative)}·|theory| at every x (${label})`;
      return {
        kind: 'theory-match',
        threshold,
        decide(record) {
          const curves = requireSeries(record, empirical);
          const predicted = requireSeries(record, theory)[0];
          // Grouped by hand: a trial may hold +∞ (a singular fit), which the mean-taking groupByX rejects.
          const groups = new Map<number, number[]>();
          for (const c of curves) {
            c.x.forEach((x, i) => {
              const list = groups.get(x) ?? [];
              list.push(c.y[i]);
              groups.set(x, list);
            });
          }
          const points: PointCheck[] = [];
          const missing: number[] = [];
          predicted.x.forEach((x, i) => {
            const values = groups.get(x) ?? [];
            const th = predicted.y[i];
            if (values.length < 2 || values.some((v) => !Number.isFinite(v)) || !Number.isFinite(th)) {
              missing.push(x);
              return;
            }
            const m = mean(values);
            const se = std(values) / Math.sqrt(values.length);
            const allowed = ses * se + relative * Math.abs(th);
            points.push({ x, n: values.length, mean: m, se, theory: th, allowed, ratio: allowed > 0 ? Math.abs(m - th) / allowed : (m === th ? 0 : Number.POSITIVE_INFINITY) });
          });
          const worst = points.reduce<PointCheck | null>((w, p) => (w === null || p.ratio > w.ratio ? p : w), null);
          const outside = points.filter((p) => p.ratio > 1);
          const verdict: Verdict = outside.length > 0 ? 'fail' : missing.length > 0 || points.length === 0 ? 'inconclusive' : 'pass';
          const details: Record<string, number> = {};
          for (const p of points) {
            details[`mean at x = ${p.x}`] = p.mean;
            details[`SE at x = ${p.x}`] = p.se;
            details[`theory at x = ${p.x}`] = p.theory;
          }
          const describe = (p: PointCheck) => `x = ${p.x}: mean ${formatNumber(p.mean)} ± ${formatNumber(p.se)} (SE) vs theory ${formatNumber(p.theory)}`;
          return {
            verdict,
            method: `Monte-Carlo mean over seeds at each x against the closed form; tolerance ${ses}·SE + ${formatNumber(relative)}·|theory|`,
            statistic: worst ? worst.ratio : null,
            threshold,
            n: points.length ? Math.min(...points.map((p) => p.n)) : 0,
            seeds: seedsOf(curves),
            reason: verdict === 'fail'
              ? `outside the tolerance at ${outside.map(describe).join('; ')}`
              : verdict === 'inconclusive'
                ? `no finite Monte-Carlo mean (or theory) at x = ${missing.join(', ') || 'any point'}`
                : `every point within tolerance; worst ${worst ? describe(worst) : ''} (ratio ${formatNumber(worst?.ratio ?? Number.NaN)})`,
            details,
            chart: seriesChart({
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
            }),
          };
        },
      };
    },
  };
}
