/**
 * What `--complete` fails on besides departures: results that could not be read, reproductions
 * expected.json names with no results at all, and claims it names that no result has. Called by cli/verify.ts.
 */
import type { VerdictsFile } from '../../types.js';
import { missingResults } from '../../verify/compare.js';
import type { Expectations } from '../../verify/expected.js';

export function incompleteResults(
  loaded: { reproductions: readonly { id: string }[]; problems: readonly { id: string; message: string }[] },
  expectations: Expectations,
  results: readonly VerdictsFile[],
  resultsDir: string,
): string[] {
  const unreadable = loaded.problems.map((p) => `${p.id}: its results could not be read (${p.message})`);
  const present = new Set([...loaded.reproductions.map((r) => r.id), ...loaded.problems.map((p) => p.id)]);
  const absent = Object.keys(expectations).filter((id) => !present.has(id)).map((id) => `${id}: no results under ${resultsDir}/${id}/, but expected.json expects its claims (did its stage run?)`);
  const stale = missingResults(results, expectations)
    .filter((key) => !key.endsWith('/control') && loaded.reproductions.some((r) => key.startsWith(`${r.id}/`)))
    .map((key) => `${key}: expected.json expects this claim, but its results have no such claim`);
  return [...unreadable, ...absent, ...stale];
}
