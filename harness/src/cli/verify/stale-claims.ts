/**
 * Claims expected.json names but the results lack: a failure too (a removed or renamed claim;
 * `repro verify --update` records the change for review). Called by cli/verify.ts.
 */
import type { LoadedResults } from '../../report/load.js';
import type { VerdictsFile } from '../../types.js';
import { missingResults } from '../../verify/compare.js';
import type { Expectations } from '../../verify/expected.js';

export function staleClaims(loaded: LoadedResults, results: readonly VerdictsFile[], expectations: Expectations): string[] {
  return missingResults(results, expectations)
    .filter((stale) => loaded.reproductions.some((r) => stale.startsWith(`${r.id}/`)))
    .map((stale) => `${stale}: expected.json names it but the results have no such claim (removed or renamed? run 'repro verify --update' and review the diff)`);
}
