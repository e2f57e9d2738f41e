/**
 * Best-effort reading of a threshold written in words ("exponent in [-1.1, -0.9] ...",
 * "≥ 0.5", "<= 3") into a band, for drawing it. The words stay the reference.
 */
import type { ChartBand } from '../charts/types.js';

const NUM = String.raw`[-+−]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+−]?\d+)?`;
const PATTERNS: { re: RegExp; make: (m: RegExpExecArray) => ChartBand }[] = [
  { re: new RegExp(String.raw`\bin\s*\[\s*(${NUM})\s*,\s*(${NUM})\s*\]`), make: (m) => ({ lo: num(m[1]), hi: num(m[2]), label: '' }) },
  { re: new RegExp(String.raw`(?:≥|>=|>)\s*(${NUM})`), make: (m) => ({ lo: num(m[1]), label: '' }) },
  { re: new RegExp(String.raw`(?:≤|<=|<)\s*(${NUM})`), make: (m) => ({ hi: num(m[1]), label: '' }) },
];

function num(text: string): number {
  return Number(text.replace(/−/g, '-'));
}

/** The first band-like phrase in the threshold text, or undefined. */
export function parseThreshold(threshold: unknown): ChartBand | undefined {
  if (typeof threshold !== 'string') return undefined;
  let best: { index: number; band: ChartBand; text: string } | undefined;
  for (const { re, make } of PATTERNS) {
    const m = re.exec(threshold);
    if (m && (!best || m.index < best.index)) best = { index: m.index, band: make(m), text: m[0] };
  }
  if (!best) return undefined;
  const { lo, hi } = best.band;
  if ((lo !== undefined && !Number.isFinite(lo)) || (hi !== undefined && !Number.isFinite(hi))) return undefined;
  return { ...best.band, label: `threshold ${best.text.trim()}` };
}
