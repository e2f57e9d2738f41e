/**
 * `correlation`: rank (Spearman) or linear (Pearson) correlation between the x and y of a series.
 * Points that share a seed are not independent, so with several seeds the coefficient is taken
 * seed by seed and the interval is the t interval over seeds of Fisher's z; a single curve of
 * independent points gets the Fisher z interval of its n pairs. A seed whose x or y is constant
 * has no association: its coefficient counts as 0 (decided, never thrown).
 */
import { seriesChart } from '../../charts/index.js';
import { correlationInterval, correlationOverSeeds, pearson, spearman } from '../../stats/index.js';
import { bandText, requireBand, type Band } from '../band.js';
import { requireSeries, seedsOf, type Check } from '../check.js';
import { decideEstimate, undecided } from '../decision.js';
import { curvePoints, perSeedEvidence } from '../summarize.js';

const MIN_POINTS = 10;
const MIN_SEEDS = 3;

export function correlation(series: string, options: { method?: 'spearman' | 'pearson'; xTitle?: string; yTitle?: string } = {}) {
  const method = options.method ?? 'spearman';
  const coefficient = method === 'spearman' ? spearman : pearson;
  const safe = (x: number[], y: number[]) => (new Set(x).size < 2 || new Set(y).size < 2 ? 0 : coefficient(x, y));
  return {
    within(band: Band): Check {
      requireBand(`correlation('${series}')`, band);
      const threshold = `${method} correlation ${bandText(band)} (95% interval: over seeds when there are several)`;
      return {
        kind: 'correlation',
        threshold,
        band,
        decide(record) {
          const curves = requireSeries(record, series).map((c) => {
            const keep = c.x.map((x, i) => Number.isFinite(x) && Number.isFinite(c.y[i]));
            return { seed: c.seed, x: c.x.filter((_, i) => keep[i]), y: c.y.filter((_, i) => keep[i]), dropped: keep.filter((k) => !k).length };
          });
          const dropped = curves.reduce((s, c) => s + c.dropped, 0);
          const chart = seriesChart({ title: `${series} (${method})`, xTitle: options.xTitle ?? 'x', yTitle: options.yTitle ?? 'y', points: curvePoints(curves), mark: 'point' });
          const seeds = seedsOf(curves);
          const details = { 'non-finite points left out': dropped, 'points': curves.reduce((s, c) => s + c.x.length, 0) };
          if (curves.length === 1) {
            const [only] = curves;
            const base = { threshold, band, n: only.x.length, seeds, chart, details };
            if (only.x.length < MIN_POINTS) return undecided('inconclusive', { ...base, method, reason: `only ${only.x.length} finite pairs; a single curve needs at least ${MIN_POINTS}` });
            const r = safe(only.x, only.y);
            const ci = correlationInterval(r, only.x.length, method);
            return decideEstimate({ ...base, label: `${method} ρ`, estimate: r, interval: { lo: ci.lo, hi: ci.hi, method: `${ci.method} (one curve; its points taken as independent)` }, degenerate: r === 0 && (new Set(only.y).size < 2 || new Set(only.x).size < 2) ? 'x or y is constant' : undefined });
          }
          const usable = curves.filter((c) => c.x.length >= 3);
          const perSeed = usable.map((c) => ({ seed: c.seed ?? 0, value: safe(c.x, c.y), points: c.x.length }));
          const base = { threshold, band, n: usable.length, seeds, chart, details, perSeed: perSeedEvidence(perSeed) };
          if (usable.length < MIN_SEEDS) return undecided('inconclusive', { ...base, method, reason: `only ${usable.length} seeds with at least 3 finite pairs; the interval over seeds needs ${MIN_SEEDS}` });
          const ci = correlationOverSeeds(perSeed.map((p) => ({ r: p.value, points: p.points })));
          const constant = usable.filter((c) => new Set(c.x).size < 2 || new Set(c.y).size < 2).length;
          return decideEstimate({
            ...base,
            label: `${method} ρ (mean over seeds on Fisher's z)`,
            estimate: ci.estimate,
            interval: { lo: ci.lo, hi: ci.hi, method: `${method} correlation per seed; ${ci.method}` },
            degenerate: constant === usable.length ? 'x or y is constant in every seed' : undefined,
          });
        },
      };
    },
  };
}
