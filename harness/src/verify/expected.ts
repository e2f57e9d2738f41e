/**
 * expected.json: the verdict the project currently expects of every claim, reviewed like code.
 * `repro verify` fails when a result departs from it; `repro verify --update` rewrites it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { VERDICTS, type Verdict } from '../types.js';

export type Expectations = Record<string, Record<string, Verdict>>;

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
    if (!claims || typeof claims !== 'object' || Array.isArray(claims)) {
      throw new ExpectationsError(`${file}: ${id}: expected an object of claim ids to verdicts`);
    }
    for (const [claim, verdict] of Object.entries(claims as Record<string, unknown>)) {
      if (!VERDICTS.includes(verdict as Verdict)) {
        throw new ExpectationsError(`${file}: ${id}.${claim}: got ${JSON.stringify(verdict)}; expected one of ${VERDICTS.join(', ')}`);
      }
    }
  }
  return data as Expectations;
}

export function readExpectations(file: string): Expectations {
  return existsSync(file) ? parseExpectations(readFileSync(file, 'utf8'), file) : {};
}

export function formatExpectations(expectations: Expectations): string {
  const sorted = Object.fromEntries(Object.keys(expectations).sort().map((id) => [id, expectations[id]]));
  return `${JSON.stringify(sorted, null, 2)}\n`;
}
