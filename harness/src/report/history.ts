/**
 * A claim's history, asv-style but from the reviewed record: every entry of expected.json's
 * `$history` that moved this claim (or its control), oldest first, with the verdict before and
 * after and the evidence (statistic, interval, threshold) each side recorded when it moved.
 */
import type { HistoryEntry } from '../verify/expected.js';

export interface HistoryRow {
  date: string;
  /** 'claim' or 'control'. */
  of: string;
  change: string;
  before: string;
  after: string;
  reason: string;
}

export function claimHistory(history: readonly HistoryEntry[], reproduction: string, claimId: string): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const entry of history) {
    for (const change of entry.changes) {
      if (change.reproduction !== reproduction) continue;
      const of = change.claim === claimId ? 'claim' : change.claim === `${claimId}/control` ? 'control' : null;
      if (!of) continue;
      rows.push({ date: entry.date, of, change: `${change.from} → ${change.to}`, before: change.before, after: change.after, reason: entry.reason });
    }
  }
  return rows;
}
