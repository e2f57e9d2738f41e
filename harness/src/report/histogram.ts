/**
 * A small hand-drawn histogram of per-seed values with the threshold band: the distribution at a
 * glance where a table of many seeds would be a wall of numbers. Only numbers go into it; its one
 * piece of text (the ARIA label) is escaped.
 */
import { escapeHtml } from './format.js';
import { formatNumber } from '../claims/band.js';

const W = 320;
const H = 72;
const PAD = 8;
const AXIS = 14;

export function histogramSvg(values: readonly number[], band?: { lo?: number; hi?: number }, what = 'per-seed values'): string | null {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length < 2) return null;
  let min = Math.min(...v);
  let max = Math.max(...v);
  if (max - min < 1e-12) {
    const d = Math.abs(min) * 0.1 || 1;
    min -= d;
    max += d;
  }
  const bins = Math.max(5, Math.min(30, Math.ceil(Math.sqrt(v.length))));
  const counts = new Array<number>(bins).fill(0);
  for (const x of v) counts[Math.min(bins - 1, Math.floor(((x - min) / (max - min)) * bins))]++;
  const top = Math.max(...counts);
  const sx = (x: number) => PAD + ((x - min) / (max - min)) * (W - 2 * PAD);
  const f = (x: number) => x.toFixed(1);
  const inner = H - AXIS - 4;
  const parts: string[] = [];
  const lo = band?.lo !== undefined && Number.isFinite(band.lo) ? Math.max(min, band.lo) : undefined;
  const hi = band?.hi !== undefined && Number.isFinite(band.hi) ? Math.min(max, band.hi) : undefined;
  if ((lo !== undefined || hi !== undefined) && (lo ?? min) <= (hi ?? max)) {
    const x0 = sx(lo ?? min);
    const x1 = sx(hi ?? max);
    parts.push(`<rect x="${f(x0)}" y="2" width="${f(Math.max(1, x1 - x0))}" height="${inner + 2}" class="band"/>`);
  }
  const bw = (W - 2 * PAD) / bins;
  counts.forEach((n, i) => {
    if (n === 0) return;
    const h = (n / top) * inner;
    parts.push(`<rect x="${f(PAD + i * bw + 0.5)}" y="${f(4 + inner - h)}" width="${f(Math.max(1, bw - 1))}" height="${f(h)}" class="bar"/>`);
  });
  parts.push(`<line x1="${PAD}" y1="${inner + 4}" x2="${W - PAD}" y2="${inner + 4}" class="axis"/>`);
  parts.push(`<text x="${PAD}" y="${H - 2}" class="tick">${escapeHtml(formatNumber(min))}</text>`);
  parts.push(`<text x="${W - PAD}" y="${H - 2}" class="tick" text-anchor="end">${escapeHtml(formatNumber(max))}</text>`);
  const bandText = band && (band.lo !== undefined || band.hi !== undefined)
    ? `; shaded: the threshold band${band.lo !== undefined ? ` from ${formatNumber(band.lo)}` : ''}${band.hi !== undefined ? ` to ${formatNumber(band.hi)}` : ''}`
    : '';
  const label = `Histogram of ${v.length} ${what} from ${formatNumber(min)} to ${formatNumber(max)} in ${bins} bins, tallest bin ${top} seed${top === 1 ? '' : 's'}${bandText}`;
  return `<svg class="hist" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(label)}">${parts.join('')}</svg>`;
}
