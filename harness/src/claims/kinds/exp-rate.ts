/**
 * `exponential-rate`: log y falls linearly in x (geometric convergence). The rate is the
 * per-seed OLS slope of log y on x, fitted only where y lies inside `yRange` (above the
 * floating-point floor and past the transient).
 */
import { seriesChart } from '../../charts/index.js';
import { expRateFit, windowed } from '../../stats/index.js';
import { bandText, decideEverySeed, formatNumber, type Band } from '../band.js';
import { requireSeries, type Check } from '../check.js';
import { acrossSeeds, curvePoints, perSeedEvidence, seedLabel } from '../summarize.js';

export interface ExpRateOptions { yRange: [number, number]; xTitle?: string; yTitle?: string; statistic?: 'rate' | 'factor' }

export function expRate(series: string, options: ExpRateOptions) {
  const [y0, y1] = options.yRange;
  const useFactor = options.statistic === 'factor';
  const name = useFactor ? 'per-step factor exp(rate)' : 'rate (slope of log y)';
  return {
    rateWithin(band: Band, { minR2 = 0 }: { minR2?: number } = {}): Check {
      const threshold = `${name} ${bandText(band)}${minR2 > 0 ? ` with R² ≥ ${minR2}` : ''} for every seed, fitted where y in [${y0}, ${y1}]`;
      return {
        kind: 'exponential-rate',
        threshold,
        decide(record) {
          const curves = requireSeries(record, series);
          const fits = curves.map((c) => {
            const w = windowed(c.x, c.y, (_x, y) => y >= y0 && y <= y1);
            return { seed: c.seed ?? 0, fit: w.x.length >= 3 ? expRateFit(w.x, w.y) : null, n: w.x.length };
          });
          const stat = fits.map((f) => ({ seed: f.seed, value: f.fit ? (useFactor ? f.fit.factor : f.fit.rate) : Number.NaN }));
          const r2 = fits.map((f) => f.fit?.r2 ?? Number.NaN);
          const bandVerdict = decideEverySeed(stat.map((s) => s.value), band);
          const r2Ok = r2.every((r) => Number.isFinite(r) && r >= minR2);
          const verdict = bandVerdict === 'pass' && !r2Ok ? 'fail' : bandVerdict;
          const { estimate, ci } = acrossSeeds(stat);
          const tooShort = fits.filter((f) => !f.fit).map((f) => f.seed);
          const best = fits.find((f) => f.fit);
          const fitLine = best?.fit
            ? (() => {
                const c = curves.find((k) => (k.seed ?? 0) === best.seed)!;
                const w = windowed(c.x, c.y, (_x, y) => y >= y0 && y <= y1);
                const xs = [w.x[0], w.x[w.x.length - 1]];
                return { label: `fit (${seedLabel(c.seed)}), rate ${formatNumber(best.fit.rate)}`, points: xs.map((x) => ({ x, y: Math.exp(best.fit!.intercept + best.fit!.rate * x) })) };
              })()
            : undefined;
          return {
            verdict,
            method: `OLS slope of ln y on x per seed where y in [${y0}, ${y1}]; mean and 95% t interval across seeds`,
            statistic: estimate,
            ci,
            alpha: 0.05,
            threshold,
            n: fits.length,
            seeds: fits.map((f) => f.seed),
            perSeed: perSeedEvidence(stat),
            reason: tooShort.length
              ? `seeds ${tooShort.join(', ')} have fewer than 3 points with y in [${y0}, ${y1}]`
              : verdict === 'pass'
                ? `every seed's ${name} is ${bandText(band)} (mean ${formatNumber(estimate)})`
                : !r2Ok && bandVerdict === 'pass'
                  ? `rates are in the band but the worst R² is ${formatNumber(Math.min(...r2))} < ${minR2}`
                  : `per-seed values ${stat.map((s) => formatNumber(s.value)).join(', ')} are not all ${bandText(band)}`,
            details: { worstR2: Math.min(...r2), pointsInWindow: Math.min(...fits.map((f) => f.n)) },
            chart: seriesChart({
              title: `${series}: exponential fit`,
              xTitle: options.xTitle ?? 'x',
              yTitle: options.yTitle ?? series,
              points: curvePoints(curves),
              mark: 'line',
              yLog: true,
              fit: fitLine,
              band: { lo: y0, hi: y1, label: 'fit range of y' },
            }),
          };
        },
      };
    },
  };
}
