/**
 * The evidence block of a claim or control. It leads with the DECIDING check: for a claim of
 * several conditions, the part that decided the verdict (its statistic, interval, threshold and
 * band), not the first part, which may well pass under a `fail` badge.
 */
import { chartBand, type Band, formatNumber } from '../claims/band.js';
import type { Evidence, Verdict } from '../types.js';
import { type ChartView, chartView } from './chartview.js';
import { explain } from './explain.js';
import { asVerdict, fmtInterval, fmtValue } from './format.js';
import { humanLabel } from './labels.js';
import { perSeedView, type PerSeedView } from './perseed.js';
import { ciStripSvg } from './strip.js';
import { parseThreshold } from './threshold.js';
import { isObject } from '../results/json.js';

export interface KV {
  key: string;
  value: string;
}

export interface PartView {
  verdict: Verdict;
  decides: boolean;
  label: string;
  statistic: string;
  ci: string | null;
  threshold: string;
  method: string;
  reason: string;
}

export interface EvidenceView {
  /** "part 2 of 3 decides (kind)", for a claim of several conditions. */
  decidedBy: string | null;
  statistic: string;
  ci: string | null;
  ciLevel: string | null;
  threshold: string;
  strip: string | null;
  method: string;
  n: string;
  seeds: string;
  alpha: string | null;
  reason: string;
  /** One plain sentence for a fail, inconclusive or error, from the evidence. */
  explanation: string | null;
  details: KV[];
  /** Past DETAILS_OPEN rows the details are folded behind their summary. */
  detailsFolded: boolean;
  /** A claim of several conditions: each part, the deciding one first and marked. */
  parts: PartView[];
  /** Why these data cannot show a test's power, when they cannot. */
  degenerate: string | null;
  perSeed: PerSeedView | null;
  chart: ChartView | null;
  moreCharts: ChartView[];
}

/** Up to this many secondary figures are shown open; more (e.g. a value per x) are folded. */
const DETAILS_OPEN = 6;

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const interval = (v: unknown): [number, number] | null =>
  Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number' ? [v[0], v[1]] : null;

/** The band to draw: the recorded one, else one read from the threshold's words. */
function bandOf(band: unknown, threshold: string): { lo?: number; hi?: number; label: string } | undefined {
  return isObject(band) && Object.keys(band).length > 0 ? chartBand(band as Band) : parseThreshold(threshold);
}

const seedList = (seeds: readonly unknown[]): string =>
  seeds.length === 0 ? '—' : seeds.length > 30 ? `${seeds.slice(0, 30).map(fmtValue).join(', ')}, … (${seeds.length} seeds)` : seeds.map(fmtValue).join(', ');

export async function evidenceView(
  ev: Partial<Evidence> | undefined,
  top: { verdict: unknown; statistic?: number | null; ci?: [number, number]; threshold?: string },
  chartTitle: string,
): Promise<EvidenceView> {
  const e = isObject(ev) ? (ev as Partial<Evidence>) : {};
  const parts = Array.isArray(e.parts) ? e.parts.filter(isObject) : [];
  const decidedIndex = typeof e.decidedBy === 'number' && isObject(parts[e.decidedBy]) ? e.decidedBy : -1;
  const decider = decidedIndex >= 0 ? (parts[decidedIndex] as Record<string, unknown>) : null;
  // The headline is the deciding part when there is one, else the claim's own numbers.
  const statistic = decider ? num(decider.statistic) : num(top.statistic) ?? num(e.statistic);
  const ci = decider ? interval(decider.ci) : interval(top.ci) ?? interval(e.ci);
  const threshold = decider ? String(decider.threshold ?? '') : String(top.threshold || e.threshold || '');
  const band = bandOf(decider ? decider.band : e.band, threshold);
  const alpha = typeof e.alpha === 'number' && Number.isFinite(e.alpha) ? e.alpha : null;
  const ciLevel = alpha !== null ? `${formatNumber(100 * (1 - alpha))}%` : null;
  const kindOf = (p: Record<string, unknown>) => (typeof p.kind === 'string' && p.kind !== '' ? p.kind : 'condition');
  const decidedBy = decider ? `part ${decidedIndex + 1} of ${parts.length} (${kindOf(decider)}) decides` : null;
  const method = decider ? String(decider.method ?? '') : String(e.method ?? '');
  const degenerate = typeof e.degenerate === 'string' && e.degenerate !== '' ? e.degenerate : null;
  const { view: perSeed, censored } = await perSeedView(e.perSeed, { chartTitle, evidenceChart: e.chart, band });
  const reason = decider ? String(decider.reason ?? e.reason ?? '') : String(e.reason ?? '');
  const explanation = explain({
    verdict: asVerdict(top.verdict),
    headline: { label: decider ? `part ${decidedIndex + 1} of ${parts.length} (${kindOf(decider)})` : 'the statistic', statistic, ci, ciLevel, threshold, band },
    reason,
    censored,
    degenerate,
    details: isObject(e.details) ? e.details : null,
    n: typeof e.n === 'number' ? e.n : null,
  });
  const partViews: PartView[] = parts
    .map((part, i) => ({
      verdict: asVerdict(part.verdict),
      decides: i === decidedIndex,
      label: `part ${i + 1}: ${kindOf(part)}`,
      statistic: formatNumber(part.statistic),
      ci: fmtInterval(part.ci),
      threshold: String(part.threshold ?? ''),
      method: String(part.method ?? ''),
      reason: String(part.reason ?? ''),
    }))
    .sort((a, b) => Number(b.decides) - Number(a.decides));
  const details = isObject(e.details) ? Object.entries(e.details).map(([key, raw]) => ({ key: humanLabel(key), value: typeof raw === 'number' ? formatNumber(raw) : fmtValue(raw) })) : [];

  return {
    decidedBy,
    statistic: formatNumber(statistic),
    ci: fmtInterval(ci),
    ciLevel,
    threshold,
    strip: ciStripSvg({ statistic, ci, band }),
    method,
    n: typeof e.n === 'number' ? String(e.n) : '—',
    seeds: seedList(Array.isArray(e.seeds) ? e.seeds : []),
    alpha: alpha !== null ? formatNumber(alpha) : null,
    reason: String(e.reason ?? ''),
    explanation,
    details,
    detailsFolded: details.length > DETAILS_OPEN,
    parts: partViews,
    degenerate,
    perSeed,
    chart: await chartView(e.chart, null),
    moreCharts: (await Promise.all((Array.isArray(e.moreCharts) ? e.moreCharts : []).map((c) => chartView(c, null)))).filter((c): c is ChartView => c !== null),
  };
}
