/**
 * `exponential-rate`: log y falls linearly in x (geometric convergence). The rate is the per-seed
 * OLS slope of ln y on x, fitted only where y lies inside `yRange` (above the floating-point floor
 * and past the transient); the mean over seeds with its t interval is decided against the band.
 */
import { seriesChart } from '../../charts/index.js';
import { expRateFit, windowed } from '../../stats/index.js';
import { bandText, formatNumber, requireBand, type Band } from '../band.js';
import { requireSeries, type Check } from '../check.js';
import { curvePoints, seedLabel } from '../summarize.js';
import { decideSlopes } from './slopes.js';

export interface ExponentialRateOptions { yRange: [number, number]; xTitle?: string; yTitle?: string; statistic?: 'rate' | 'factor' }

export function exponentialRate(series: string, options: ExponentialRateOptions) {
  const [y0, y1] = options.yRange;
  const useFactor = options.statistic === 'factor';
  const name = useFactor ? 'per-step factor exp(rate)' : 'rate (slope of ln y)';
  return {
    rateWithin(band: Band, { minR2 = 0 }: { minR2?: number } = {}): Check {
      requireBand(`exponentialRate('${series}')`, band);
      const threshold = `${name} ${bandText(band)}${minR2 > 0 ? ` with R² ≥ ${minR2}` : ''}, fitted where y in [${y0}, ${y1}] (mean over seeds, 95% t interval)`;
      return {
        kind: 'exponential-rate',
        threshold,
        band,
        decide(record) {
          const curves = requireSeries(record, series);
          const windows = curves.map((c) => ({ curve: c, w: windowed(c.x, c.y, (x, y) => Number.isFinite(x) && y >= y0 && y <= y1) }));
          const fits = windows.map(({ curve, w }) => ({ seed: curve.seed ?? 0, fit: w.x.length >= 3 && new Set(w.x).size > 1 ? expRateFit(w.x, w.y) : null, points: w.x.length }));
          const shown = windows.find((_, i) => fits[i].fit);
          const shownFit = fits.find((f) => f.fit)?.fit;
          const fitLine = shown && shownFit
            ? { label: `fit (${seedLabel(shown.curve.seed)}), rate ${formatNumber(shownFit.rate)}`, points: [shown.w.x[0], shown.w.x[shown.w.x.length - 1]].map((x) => ({ x, y: Math.exp(shownFit.intercept + shownFit.rate * x) })) }
            : undefined;
          return decideSlopes({
            band,
            threshold,
            label: name,
            fits,
            statistic: useFactor ? Math.exp : (slope) => slope,
            minR2,
            window: `y in [${y0}, ${y1}]`,
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
          });
        },
      };
    },
  };
}
