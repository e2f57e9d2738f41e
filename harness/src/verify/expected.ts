/**
 * expected.json: the verdict the project currently expects of every claim, reviewed like code.
 * `repro verify` fails when a result departs from it; `repro verify --update` rewrites it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { VERDICTS, type Verdict } from '../types.js';

export type Expectations = Record<string, Record<string, Verdict>>;

/**
 * The reserved key `$history` holds, newest last, every reviewed change of expected verdicts: when,
 * why, and for each moved claim the verdict and evidence before and after. It is kept as written by
 * `--update` and never read as a reproduction.
 */
export const HISTORY_KEY = '$history';

export interface HistoryEntry {
  date: string;
  reason: string;
  changes: { reproduction: string; claim: string; from: Verdict; to: Verdict; before: string; after: string }[];
}

export class ExpectationsError extends Error {}

export function parseExpectations(text: string, file: string): Expectations {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ExpectationsError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new ExpectationsError(`${file}: expected an object { "<reproduction>": { "<claim>": "pass" | ... } }`);
  }
  for (const [id, claims] of Object.entries(data as Record<string, unknown>)) {
    if (id === HISTORY_KEY) {
      if (!Array.isArray(claims)) throw new ExpectationsError(`${file}: ${HISTORY_KEY}: expected an array of { date, reason, changes }`);
      continue;
    }
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) {
      throw new ExpectationsError(`${file}: ${id}: expected an object of claim ids to verdicts`);
    }
    for (const [claim, verdict] of Object.entries(claims as Record<string, unknown>)) {
      if (!VERDICTS.includes(verdict as Verdict)) {
        throw new ExpectationsError(`${file}: ${id}.${claim}: got ${JSON.stringify(verdict)}; expected one of ${VERDICTS.join(', ')}`);
      }
    }
  }
  const { [HISTORY_KEY]: _history, ...expectations } = data as Record<string, unknown>;
  return expectations as Expectations;
}

/** The `$history` entries of an expected.json (empty when there are none). */
export function readHistory(file: string): HistoryEntry[] {
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return Array.isArray(data[HISTORY_KEY]) ? (data[HISTORY_KEY] as HistoryEntry[]) : [];
}

export function readExpectations(file: string): Expectations {
  return existsSync(file) ? parseExpectations(readFileSync(file, 'utf8'), file) : {};
}

export function formatExpectations(expectations: Expectations, history: readonly HistoryEntry[] = []): string {
  const sorted: Record<string, unknown> = Object.fromEntries(Object.keys(expectations).filter((id) => id !== HISTORY_KEY).sort().map((id) => [id, expectations[id]]));
  if (history.length > 0) sorted[HISTORY_KEY] = history;
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
