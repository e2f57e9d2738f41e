/**
 * The per-seed block of a claim: a summary that names censored seeds, a small distribution chart,
 * and the table, collapsed behind its summary past COLLAPSE_ROWS rows (a 200-row table is a wall).
 */
import { chartKind, perSeedChart } from '../charts/index.js';
import { censoring, censoringText, type Censoring } from './censored.js';
import { type ChartView, chartView } from './chartview.js';
import { fmtValue, summarize } from './format.js';
import { histogramSvg } from './histogram.js';
import { isObject } from '../results/json.js';
import { formatNumber } from '../claims/band.js';

/** Tables longer than this are folded behind a `<details>` summary. */
export const COLLAPSE_ROWS = 20;

export interface PerSeedView {
  rows: { seed: string; value: string }[];
  count: number;
  collapsed: boolean;
  summary: string | null;
  censored: string | null;
  histogram: string | null;
  chart: ChartView | null;
}


export async function perSeedView(
  perSeed: unknown,
  o: { chartTitle: string; evidenceChart: unknown; band: { lo?: number; hi?: number; label: string } | undefined },
): Promise<{ view: PerSeedView | null; censored: Censoring | null }> {
  if (!Array.isArray(perSeed) || perSeed.length === 0) return { view: null, censored: null };
  const entries = perSeed.filter(isObject);
  const c = censoring(entries.map((p) => ({ seed: p.seed, value: p.value })));
  const s = summarize(c.finite.map((p) => p.value));
  const over = c.finite.length === c.total ? `${c.total} seed${c.total === 1 ? '' : 's'}` : `the ${c.finite.length} finite of ${c.total} seeds`;
  const summary = s
    ? `mean ${formatNumber(s.mean)}${s.sd !== null ? `, sd ${formatNumber(s.sd)}` : ''}, range [${formatNumber(s.min)}, ${formatNumber(s.max)}] over ${over}`
    : `no finite value among ${c.total} seed${c.total === 1 ? '' : 's'}`;
  // No second per-seed chart when the evidence chart already is one.
  const chart =
    c.finite.length >= 2 && chartKind(o.evidenceChart) !== 'per-seed'
      ? await chartView(perSeedChart({ title: `${o.chartTitle}: per seed`, yTitle: 'statistic', values: c.finite, band: o.band }))
      : null;
  const collapsed = entries.length > COLLAPSE_ROWS;
  return {
    view: {
      rows: entries.map((p) => ({ seed: fmtValue(p.seed), value: formatNumber(p.value) })),
      count: entries.length,
      collapsed,
      summary,
      censored: censoringText(c),
      histogram: collapsed ? histogramSvg(c.finite.map((p) => p.value), o.band, 'per-seed values') : null,
      chart,
    },
    censored: c,
  };
}
