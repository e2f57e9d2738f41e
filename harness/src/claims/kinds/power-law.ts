/**
 * `power-law`: y ∝ x^k over a window, fitted per seed by OLS on log-log axes.
 * Holds when every seed's exponent lies in the band with R² at least `minR2`.
 */
import { seriesChart } from '../../charts/index.js';
import { powerLawFit, windowed } from '../../stats/index.js';
import { bandText, decideEverySeed, formatNumber, type Band } from '../band.js';
import { requireSeries, type Check } from '../check.js';
import { acrossSeeds, curvePoints, perSeedEvidence } from '../summarize.js';

export interface PowerLawOptions { window: [number, number]; xTitle?: string; yTitle?: string }

export function powerLaw(series: string, options: PowerLawOptions) {
  const [x0, x1] = options.window;
  return {
    exponentWithin(band: Band, { minR2 = 0 }: { minR2?: number } = {}): Check {
      const threshold = `exponent ${bandText(band)}${minR2 > 0 ? ` with R² ≥ ${minR2}` : ''} for every seed, x in [${x0}, ${x1}]`;
      return {
        kind: 'power-law',
        threshold,
        decide(record) {
          const curves = requireSeries(record, series);
          const fits = curves.map((c) => {
            const w = windowed(c.x, c.y, (x, y) => x >= x0 && x <= x1 && x > 0 && y > 0);
            return { seed: c.seed ?? 0, fit: w.x.length >= 3 ? powerLawFit(w.x, w.y) : null };
          });
          const exponents = fits.map((f) => ({ seed: f.seed, value: f.fit?.exponent ?? Number.NaN }));
          const r2 = fits.map((f) => f.fit?.r2 ?? Number.NaN);
          const bandVerdict = decideEverySeed(exponents.map((e) => e.value), band);
          const r2Ok = r2.every((r) => Number.isFinite(r) && r >= minR2);
          const verdict = bandVerdict === 'pass' && !r2Ok ? 'fail' : bandVerdict;
          const { estimate, ci } = acrossSeeds(exponents);
          const worstR2 = Math.min(...r2);
          const best = fits.find((f) => f.fit)?.fit;
          const mid = band.lo !== undefined && band.hi !== undefined ? (band.lo + band.hi) / 2 : (band.lo ?? band.hi ?? -1);
          const curvesShown = curvePoints(curves);
          const reference = best
            ? [x0, x1].map((x) => ({ x, y: best.prefactor * Math.pow(x0, best.exponent) * Math.pow(x / x0, mid) }))
            : [];
          return {
            verdict,
            method: `OLS slope of log y on log x per seed over x in [${x0}, ${x1}]; mean and 95% t interval across seeds`,
            statistic: estimate,
            ci,
            alpha: 0.05,
            threshold,
            n: fits.length,
            seeds: fits.map((f) => f.seed),
            perSeed: perSeedEvidence(exponents),
            reason: verdict === 'pass'
              ? `every seed's exponent is ${bandText(band)} (mean ${formatNumber(estimate)}, worst R² ${formatNumber(worstR2)})`
              : !r2Ok && bandVerdict === 'pass'
                ? `exponents are in the band but the worst R² is ${formatNumber(worstR2)} < ${minR2}: not a clean power law`
                : `exponents ${exponents.map((e) => formatNumber(e.value)).join(', ')} are not all ${bandText(band)}`,
            details: { worstR2, window: `[${x0}, ${x1}]` },
            chart: seriesChart({
              title: `${series}: log-log fit`,
              xTitle: options.xTitle ?? 'x',
              yTitle: options.yTitle ?? series,
              points: curvesShown,
              mark: 'line',
              xLog: true,
              yLog: true,
              fit: best
                ? { label: `fit, exponent ${formatNumber(best.exponent)}`, points: [x0, x1].map((x) => ({ x, y: best.prefactor * Math.pow(x, best.exponent) })) }
                : undefined,
              references: reference.length ? [{ label: `reference slope ${formatNumber(mid)}`, points: reference }] : [],
              xWindow: [x0, x1],
            }),
          };
        },
      };
    },
  };
}
