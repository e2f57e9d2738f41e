/**
 * What `repro verify` accepts as a results folder: a verdicts.json that parses, has the shape the
 * runner writes (checked strictly where verdicts live, loosely elsewhere), and whose sha256 is the
 * one the runner recorded in provenance.json. Anything else fails the gate: a gate that warns on a
 * truncated or edited file can be fooled by one.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { VERDICTS } from '../types.js';

export const sha256Hex = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');

const verdict = z.enum(VERDICTS as unknown as [string, ...string[]]);
const evidence = z.looseObject({ reason: z.string(), method: z.string() });

const control = z.looseObject({
  verdict,
  expect: verdict,
  expected: z.boolean(),
  evidence,
});

const claim = z.looseObject({
  id: z.string().min(1),
  quote: z.string(),
  verdict,
  threshold: z.string(),
  evidence,
  control: control.nullable(),
});

export const verdictsSchema = z.looseObject({
  reproduction: z.string().min(1),
  profile: z.string(),
  backend: z.string(),
  paper: z.looseObject({ title: z.string() }),
  claims: z.array(claim).min(1),
  figures: z.array(z.unknown()),
});

/** Problems with one results folder's raw files, as lines; empty when the folder passes. */
export function checkResultsFiles(id: string, verdictsText: string | null, provenanceText: string | null): string[] {
  if (verdictsText === null) return ['verdicts.json is missing'];
  let data: unknown;
  try {
    data = JSON.parse(verdictsText);
  } catch (error) {
    return [`verdicts.json is not valid JSON (truncated?): ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const parsed = verdictsSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      problems.push(`verdicts.json does not have the runner's shape at ${issue.path.length ? issue.path.join('.') : 'the top level'}: ${issue.message}`);
    }
  } else if (parsed.data.reproduction !== id) {
    problems.push(`verdicts.json names reproduction ${JSON.stringify(parsed.data.reproduction)} but lives in results/${id}/`);
  }
  let recorded: unknown;
  try {
    recorded = provenanceText === null ? undefined : (JSON.parse(provenanceText) as { verdictsSha256?: unknown })?.verdictsSha256;
  } catch {
    return [...problems, 'provenance.json is not valid JSON, so the verdicts cannot be checked against the hash the run recorded'];
  }
  if (provenanceText === null) problems.push('provenance.json is missing, so the verdicts cannot be checked against the hash the run recorded');
  else if (typeof recorded !== 'string') problems.push('provenance.json records no verdictsSha256 (written by hand or by an older harness): rerun the paper');
  else if (recorded !== sha256Hex(verdictsText)) problems.push(`verdicts.json does not match the sha256 recorded in provenance.json (${recorded.slice(0, 12)}…): it was changed after the run`);
  return problems;
}
