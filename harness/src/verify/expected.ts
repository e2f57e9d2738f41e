/**
 * expected.json: the verdict the project currently expects of every claim, reviewed like code.
 * `repro verify` fails when a result departs from it; `repro verify --update` rewrites it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { VERDICTS, type Verdict } from '../types.js';
import { UserError } from '../errors.js';

export type Expectations = Record<string, Record<string, Verdict>>;

/**
 * A claim whose verdict depends on the machine's load (wall-clock or CPU timing on a shared
 * machine) may list, beside its expected verdict, the verdicts the gate tolerates and why:
 * `"<claim>": { "verdict": "pass", "tolerate": ["pass", "fail"], "why": "..." }`.
 */
export interface Tolerance { verdicts: Verdict[]; why: string }
export type Tolerances = Record<string, Record<string, Tolerance>>;

/**
 * The reserved key `$history` holds, newest last, every reviewed change of expected verdicts: when,
 * why, and for each moved claim the verdict and evidence before and after. It is kept as written by
 * `--update` and never read as a reproduction.
 */
export const HISTORY_KEY = '$history';

export interface HistoryEntry {
  date: string;
  reason: string;
  changes: { reproduction: string; claim: string; from: Verdict | 'none'; to: Verdict; before: string; after: string }[];
}

export class ExpectationsError extends UserError {}

/** The entries of expected.json's object other than `$history` (validated as an array). */
function papersOf(data: Record<string, unknown>, file: string): [string, unknown][] {
  if (HISTORY_KEY in data && !Array.isArray(data[HISTORY_KEY])) {
    throw new ExpectationsError(`${file}: ${HISTORY_KEY}: expected an array of { date, reason, changes }`);
  }
  return Object.entries(data).filter(([id]) => id !== HISTORY_KEY);
}

/** One claim's entry: a verdict, or { verdict, tolerate, why }. */
function entryOf(value: unknown, where: string): { verdict: Verdict; tolerance: Tolerance | null } {
  if (typeof value === 'string' || value === null || typeof value !== 'object' || Array.isArray(value)) {
    if (!VERDICTS.includes(value as Verdict)) {
      throw new ExpectationsError(`${where}: got ${JSON.stringify(value)}; expected one of ${VERDICTS.join(', ')}, or { "verdict", "tolerate", "why" }`);
    }
    return { verdict: value as Verdict, tolerance: null };
  }
  const o = value as Record<string, unknown>;
  const extra = Object.keys(o).filter((k) => !['verdict', 'tolerate', 'why'].includes(k));
  if (extra.length) throw new ExpectationsError(`${where}: unknown key ${JSON.stringify(extra[0])}; allowed: verdict, tolerate, why`);
  if (!VERDICTS.includes(o.verdict as Verdict)) throw new ExpectationsError(`${where}.verdict: got ${JSON.stringify(o.verdict)}; expected one of ${VERDICTS.join(', ')}`);
  if (!Array.isArray(o.tolerate) || o.tolerate.length === 0 || !o.tolerate.every((v) => VERDICTS.includes(v as Verdict))) {
    throw new ExpectationsError(`${where}.tolerate: got ${JSON.stringify(o.tolerate)}; expected a non-empty list of verdicts (${VERDICTS.join(', ')})`);
  }
  if (!o.tolerate.includes(o.verdict)) throw new ExpectationsError(`${where}.tolerate: got ${JSON.stringify(o.tolerate)}; it must include the expected verdict ${JSON.stringify(o.verdict)}`);
  if (typeof o.why !== 'string' || o.why.trim().length < 10) throw new ExpectationsError(`${where}.why: got ${JSON.stringify(o.why)}; expected the reason the verdict may vary (at least 10 characters)`);
  return { verdict: o.verdict as Verdict, tolerance: { verdicts: o.tolerate as Verdict[], why: o.why } };
}

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
  for (const [id, claims] of papersOf(data as Record<string, unknown>, file)) {
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) {
      throw new ExpectationsError(`${file}: ${id}: expected an object of claim ids to verdicts`);
    }
    for (const [claim, value] of Object.entries(claims as Record<string, unknown>)) entryOf(value, `${file}: ${id}.${claim}`);
  }
  return Object.fromEntries((papersOf(data as Record<string, unknown>, file) as [string, Record<string, unknown>][]).map(([id, claims]) => [
    id, Object.fromEntries(Object.entries(claims).map(([claim, value]) => [claim, entryOf(value, `${file}: ${id}.${claim}`).verdict])),
  ]));
}

/** The tolerances of the claims whose entry is { verdict, tolerate, why } (validated by parseExpectations). */
export function parseTolerances(text: string, file: string): Tolerances {
  parseExpectations(text, file);
  const data = JSON.parse(text) as Record<string, unknown>;
  const out: Tolerances = {};
  for (const [id, claims] of papersOf(data, file) as [string, Record<string, unknown>][]) {
    for (const [claim, value] of Object.entries(claims)) {
      const { tolerance } = entryOf(value, `${file}: ${id}.${claim}`);
      if (tolerance) (out[id] ??= {})[claim] = tolerance;
    }
  }
  return out;
}

export function readTolerances(file: string): Tolerances {
  return existsSync(file) ? parseTolerances(readFileSync(file, 'utf8'), file) : {};
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

/** expected.json's text; a claim with a tolerance keeps it (the tolerated list gains the new verdict). */
export function formatExpectations(expectations: Expectations, tolerances: Tolerances = {}, history: readonly HistoryEntry[] = []): string {
  const sorted: Record<string, unknown> = Object.fromEntries(Object.keys(expectations).filter((id) => id !== HISTORY_KEY).sort().map((id) => [id, Object.fromEntries(Object.entries(expectations[id]).map(([claim, verdict]) => {
    const t = tolerances[id]?.[claim];
    return [claim, t ? { verdict, tolerate: t.verdicts.includes(verdict) ? t.verdicts : [...t.verdicts, verdict], why: t.why } : verdict];
  }))]));
  if (history.length > 0) sorted[HISTORY_KEY] = history;
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
