/**
 * What `repro verify` accepts as a results folder: a verdicts.json that parses, has the shape the
 * runner writes (the one results schema of types.ts, version included), and whose sha256 is the
 * one the runner recorded in provenance.json. Anything else fails the gate: a gate that warns on a
 * truncated or edited file can be fooled by one.
 */
import { sha256Hex } from '../results/hash.js';
import { parseResults } from '../results/json.js';
import { parseVerdictsFile } from '../results/read.js';

export { sha256Hex };

/** Problems with one results folder's raw files, as lines; empty when the folder passes. */
export function checkResultsFiles(id: string, verdictsText: string | null, provenanceText: string | null): string[] {
  if (verdictsText === null) return ['verdicts.json is missing'];
  let data: unknown;
  try {
    data = parseResults(verdictsText);
  } catch (error) {
    return [`verdicts.json is not valid JSON (truncated?): ${(error as Error).message}`];
  }
  const problems: string[] = [];
  try {
    const parsed = parseVerdictsFile(data, 'verdicts.json');
    if (parsed.claims.length === 0) problems.push('verdicts.json holds no claims');
    if (parsed.reproduction !== id) problems.push(`verdicts.json names reproduction ${JSON.stringify(parsed.reproduction)} but lives in results/${id}/`);
  } catch (error) {
    problems.push(`verdicts.json does not have the runner's shape: ${(error as Error).message}`);
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
