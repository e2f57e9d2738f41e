/**
 * `exponential-rate`: log y falls linearly in x (geometric convergence). The rate is the per-seed
 * OLS slope of ln y on x, fitted only where y lies inside `yRange` (above the floating-point floor
 * and past the transient); the mean over seeds with its t interval is decided against the band.
 */
import { expRateFit } from '../../stats/index.js';
import { bandText, formatNumber, requireBand, type Band } from '../band.js';
import type { Check } from '../check.js';
import { seedLabel } from '../summarize.js';
import { decideSlopes, fitChart, fitSeries } from './slopes.js';

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
          const { curves, fits } = fitSeries(record, series, (x, y) => Number.isFinite(x) && y >= y0 && y <= y1, expRateFit);
          const shown = fits.find((f) => f.fit);
          const shownFit = shown?.fit;
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
            chart: fitChart(series, curves, options, {
              title: `${series}: exponential fit`,
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
