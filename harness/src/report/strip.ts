/**
 * A tiny hand-drawn SVG number line: the threshold band, the confidence interval and the
 * statistic, so the decision can be read at a glance. Only numbers go into it; the one
 * piece of text (the ARIA label) is escaped.
 */
import type { ChartBand } from '../charts/types.js';
import { escapeHtml } from './format.js';
import { formatNumber } from '../claims/band.js';

const W = 320;
const H = 34;
const PAD = 10;

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function ciStripSvg(o: { statistic: number | null; ci?: [number, number] | null; band?: ChartBand }): string | null {
  const stat = finite(o.statistic) ? o.statistic : undefined;
  const ci = Array.isArray(o.ci) && finite(o.ci[0]) && finite(o.ci[1]) ? ([Math.min(o.ci[0], o.ci[1]), Math.max(o.ci[0], o.ci[1])] as const) : undefined;
  const lo = finite(o.band?.lo) ? o.band!.lo : undefined;
  const hi = finite(o.band?.hi) ? o.band!.hi : undefined;
  const values = [stat, ci?.[0], ci?.[1], lo, hi].filter(finite);
  if (stat === undefined && ci === undefined) return null;
  if (values.length === 0) return null;
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (max - min < 1e-12) {
    const d = Math.abs(min) * 0.1 || 1;
    min -= d;
    max += d;
  }
  const margin = (max - min) * 0.12;
  min -= margin;
  max += margin;
  const sx = (v: number) => PAD + ((v - min) / (max - min)) * (W - 2 * PAD);
  const f = (v: number) => v.toFixed(1);
  const parts: string[] = [];
  parts.push(`<line x1="${PAD}" y1="${H / 2}" x2="${W - PAD}" y2="${H / 2}" class="axis"/>`);
  if (lo !== undefined || hi !== undefined) {
    const x0 = lo !== undefined ? sx(lo) : PAD;
    const x1 = hi !== undefined ? sx(hi) : W - PAD;
    parts.push(`<rect x="${f(x0)}" y="4" width="${f(Math.max(1, x1 - x0))}" height="${H - 8}" class="band"/>`);
    if (lo !== undefined) parts.push(`<line x1="${f(sx(lo))}" y1="2" x2="${f(sx(lo))}" y2="${H - 2}" class="bound"/>`);
    if (hi !== undefined) parts.push(`<line x1="${f(sx(hi))}" y1="2" x2="${f(sx(hi))}" y2="${H - 2}" class="bound"/>`);
  }
  if (ci) {
    const [a, b] = ci;
    parts.push(`<line x1="${f(sx(a))}" y1="${H / 2}" x2="${f(sx(b))}" y2="${H / 2}" class="ci"/>`);
    for (const v of ci) parts.push(`<line x1="${f(sx(v))}" y1="${H / 2 - 6}" x2="${f(sx(v))}" y2="${H / 2 + 6}" class="ci"/>`);
  }
  if (stat !== undefined) parts.push(`<circle cx="${f(sx(stat))}" cy="${H / 2}" r="4.5" class="stat"/>`);
  const label = [
    stat !== undefined ? `statistic ${formatNumber(stat)}` : null,
    ci ? `interval [${formatNumber(ci[0])}, ${formatNumber(ci[1])}]` : null,
    lo !== undefined || hi !== undefined ? `threshold ${lo !== undefined ? `from ${formatNumber(lo)}` : ''}${lo !== undefined && hi !== undefined ? ' ' : ''}${hi !== undefined ? `to ${formatNumber(hi)}` : ''}` : null,
  ]
    .filter(Boolean)
    .join('; ');
  return `<svg class="strip" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}
