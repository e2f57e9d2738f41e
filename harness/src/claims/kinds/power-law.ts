/**
 * `power-law`: y ∝ x^k over a window, fitted per seed by OLS on log-log axes; the mean exponent
 * over seeds with its t interval must lie in the band, and every fit must reach R² ≥ `minR2`.
 */
import { powerLawFit } from '../../stats/index.js';
import { bandEnds, bandText, formatNumber, requireBand, type Band } from '../band.js';
import type { Check } from '../check.js';
import { decideSlopes, fitChart, fitSeries } from './slopes.js';

export interface PowerLawOptions { window: [number, number]; xTitle?: string; yTitle?: string }

export function powerLaw(series: string, options: PowerLawOptions) {
  const [x0, x1] = options.window;
  return {
    exponentWithin(band: Band, { minR2 = 0 }: { minR2?: number } = {}): Check {
      requireBand(`powerLaw('${series}')`, band);
      const threshold = `exponent ${bandText(band)}${minR2 > 0 ? ` with R² ≥ ${minR2}` : ''}, x in [${x0}, ${x1}] (mean over seeds, 95% t interval)`;
      return {
        kind: 'power-law',
        threshold,
        band,
        decide(record) {
          const { curves, fits } = fitSeries(record, series, (x, y) => x >= x0 && x <= x1 && x > 0 && y > 0 && Number.isFinite(y), powerLawFit);
          const best = fits.find((f) => f.fit)?.fit ?? null;
          const { lo, hi } = bandEnds(band);
          const mid = lo && hi ? (lo.value + hi.value) / 2 : (lo?.value ?? hi?.value ?? -1);
          return decideSlopes({
            band,
            threshold,
            label: 'exponent',
            fits,
            statistic: (slope) => slope,
            minR2,
            window: `x in [${x0}, ${x1}]`,
            chart: fitChart(series, curves, options, {
              title: `${series}: log-log fit`,
              xLog: true,
              yLog: true,
              fit: best ? { label: `fit, exponent ${formatNumber(best.slope)}`, points: [x0, x1].map((x) => ({ x, y: best.prefactor * Math.pow(x, best.slope) })) } : undefined,
              references: best ? [{ label: `reference slope ${formatNumber(mid)}`, points: [x0, x1].map((x) => ({ x, y: best.prefactor * Math.pow(x0, best.slope) * Math.pow(x / x0, mid) })) }] : [],
              xWindow: [x0, x1],
            }),
          });
        },
      };
    },
  };
}
