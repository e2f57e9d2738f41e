/** What a claim kind produces: a decision with its evidence, from a run's record alone. */
import type { RecordView } from '../record/recorder.js';
import type { Evidence, Verdict } from '../types.js';
import type { Band } from './band.js';
import { UserError } from '../errors.js';

export interface Decision extends Evidence {
  verdict: Verdict;
}

export interface Check {
  /** The registry name of the claim kind, e.g. `power-law`. */
  readonly kind: string;
  /** The pre-registered threshold in words (derived from `band` where there is one). */
  readonly threshold: string;
  /** The pre-registered threshold as data. */
  readonly band?: Band;
  decide(record: RecordView): Decision;
}

/** Thrown by kinds when the record lacks what they need: becomes an `error` verdict naming it. */
export class MissingDataError extends UserError {}

export function requireSeries(record: RecordView, name: string) {
  const curves = record.series(name);
  if (curves.length === 0) {
    const known = record.names().series.join(', ') || 'none';
    throw new MissingDataError(`no series '${name}' was recorded (recorded series: ${known})`);
  }
  return curves;
}

export function requireScalars(record: RecordView, name: string) {
  const values = record.scalars(name);
  if (values.length === 0) {
    const known = record.names().scalars.join(', ') || 'none';
    throw new MissingDataError(`no scalar '${name}' was recorded (recorded scalars: ${known})`);
  }
  return values;
}

export function seedsOf(items: readonly { seed: number | null }[]): number[] {
  return [...new Set(items.map((i) => i.seed).filter((s): s is number => s !== null))];
}
