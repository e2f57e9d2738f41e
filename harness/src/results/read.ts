/**
 * Reading a verdicts.json: parsed against the one results schema (types.ts), with an error that
 * names the file, the key path, what was found and what is allowed. A control's `expected` is
 * derived from its verdict and its `expect` here, so an edited file cannot claim power it lacks.
 */
import { readFileSync } from 'node:fs';
import { RESULTS_VERSION, VerdictsFileSchema, type ClaimResult, type VerdictsFile } from '../types.js';
import { parseResults } from './json.js';
import { UserError } from '../errors.js';

export class ResultsFileError extends UserError {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ResultsFileError';
  }
}

/** Validate parsed JSON as a VerdictsFile (results format version RESULTS_VERSION). */
export function parseVerdictsFile(raw: unknown, file: string): VerdictsFile {
  const version = typeof raw === 'object' && raw !== null ? (raw as { version?: unknown }).version : undefined;
  if (version !== RESULTS_VERSION) {
    throw new ResultsFileError(file, `results format version ${JSON.stringify(version ?? null)}; this harness reads version ${RESULTS_VERSION} (rerun the reproduction to rewrite it)`);
  }
  const parsed = VerdictsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
    throw new ResultsFileError(file, `key ${where}: ${issue.message}`);
  }
  return { ...parsed.data, claims: parsed.data.claims.map(withDerivedControl) };
}

/** Read and validate a verdicts.json file. */
export function readVerdictsFile(file: string): VerdictsFile {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ResultsFileError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = parseResults(text);
  } catch (error) {
    throw new ResultsFileError(file, `is not valid JSON (${(error as Error).message}); truncated?`);
  }
  return parseVerdictsFile(raw, file);
}

function withDerivedControl(claim: ClaimResult): ClaimResult {
  if (!claim.control) return claim;
  return { ...claim, control: { ...claim.control, expected: claim.control.verdict === claim.control.expect } };
}
