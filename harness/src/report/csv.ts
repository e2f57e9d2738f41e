/**
 * Each claim's numbers as CSV, for a reviewer's own tools: the headline statistic and interval of
 * the claim and of its control, then every per-seed value. Long format, one value per row:
 * `arm,quantity,seed,value` (arm: claim | control; quantity: statistic | ci_low | ci_high | per_seed;
 * seed empty except for per_seed; ∞ as Infinity, a missing value empty).
 */
import type { ClaimResult, Evidence } from '../types.js';

/** A cell: numbers as JavaScript writes them, text quoted when it holds a comma, quote or newline. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rows(arm: 'claim' | 'control', statistic: unknown, ci: unknown, e: Partial<Evidence> | undefined): string[][] {
  const out: string[][] = [[arm, 'statistic', '', cell(statistic)]];
  if (Array.isArray(ci) && ci.length === 2) out.push([arm, 'ci_low', '', cell(ci[0])], [arm, 'ci_high', '', cell(ci[1])]);
  for (const p of Array.isArray(e?.perSeed) ? e.perSeed : []) out.push([arm, 'per_seed', cell(p?.seed), cell(p?.value)]);
  return out;
}

export function claimCsv(claim: ClaimResult): string {
  const lines = [['arm', 'quantity', 'seed', 'value'], ...rows('claim', claim.statistic, claim.ci ?? claim.evidence?.ci, claim.evidence)];
  if (claim.control) lines.push(...rows('control', claim.control.evidence?.statistic, claim.control.evidence?.ci, claim.control.evidence));
  return `${lines.map((l) => l.join(',')).join('\n')}\n`;
}
