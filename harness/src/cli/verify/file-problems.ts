/**
 * `repro verify`'s own checks of the results files: every paper of expected.json has readable
 * results of the runner's shape whose hash is the one the run recorded. Papers outside
 * expected.json only warn (on stderr). Called by cli/verify.ts before anything is compared.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedResults } from '../../report/load.js';
import { checkResultsFiles } from '../../verify/schema.js';

export function fileProblems(loaded: LoadedResults, expectedIds: readonly string[], root: string, resultsDir: string): string[] {
  const problems: string[] = [];
  for (const p of loaded.problems) {
    const line = `${p.id}: ${p.message}`;
    if (expectedIds.includes(p.id)) problems.push(line);
    else process.stderr.write(`repro verify: ${line} (not in expected.json: not gated)\n`);
  }
  for (const id of expectedIds) {
    if (loaded.reproductions.some((r) => r.id === id) || loaded.problems.some((p) => p.id === id)) continue;
    problems.push(`${id}: expected.json names it but ${path.relative(root, path.join(resultsDir, id, 'verdicts.json'))} is missing (run 'repro run ${id}' or 'dvc repro')`);
  }
  for (const r of loaded.reproductions) {
    const text = (name: string) => (existsSync(path.join(r.dir, name)) ? readFileSync(path.join(r.dir, name), 'utf8') : null);
    for (const problem of checkResultsFiles(r.id, text('verdicts.json'), text('provenance.json'))) problems.push(`${r.id}: ${problem}`);
  }
  return problems;
}
