/**
 * `--seeds N`: rerun every reproduction N times with fresh seeds, write its stability.json, print
 * each claim's pass rate, and return the claims whose verdict changes with the seeds. Called by cli/verify.ts.
 */
import type { LoadedResults } from '../../report/load.js';
import { measureStability, writeStability } from '../../verify/stability.js';

export async function unstableClaims(loaded: LoadedResults, root: string, resultsDir: string, seedRuns: number): Promise<string[]> {
  const unstable: string[] = [];
  for (const r of seedRuns > 0 ? loaded.reproductions : []) {
    const stability = await measureStability({ root, id: r.id, runs: seedRuns, main: r.verdicts, log: (l) => process.stderr.write(`${l}\n`) });
    writeStability(resultsDir, stability);
    for (const [claim, s] of Object.entries(stability.claims)) {
      process.stdout.write(`${r.id}/${claim}: pass in ${Math.round(100 * s.passRate)}% of ${seedRuns} fresh-seed runs (${s.verdicts.join(', ')})\n`);
      if (s.agreesWithMain < 1) unstable.push(`${r.id}/${claim}`);
    }
  }
  return unstable;
}
