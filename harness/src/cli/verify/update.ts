/** `repro verify --update`: rewrite expected.json from the current results, for review. Called by cli/verify.ts. */
import path from 'node:path';
import { writeFileAtomic } from '../../results/atomic-file.js';
import type { VerdictsFile } from '../../types.js';
import { expectationsFrom } from '../../verify/compare.js';
import { formatExpectations, readExpectations, readHistory, readTolerances } from '../../verify/expected.js';

export function updateExpectations(root: string, expectedFile: string, results: readonly VerdictsFile[]): void {
  const current = expectationsFrom(results);
  writeFileAtomic(expectedFile, formatExpectations({ ...readExpectations(expectedFile), ...current }, readTolerances(expectedFile), readHistory(expectedFile)));
  const powerless = Object.entries(current).flatMap(([id, claims]) => Object.keys(claims).filter((k) => k.endsWith('/control')).map((k) => `${id}/${k}`));
  for (const p of powerless) process.stderr.write(`repro verify: recorded ${p} as not failing: that claim has no power at this scale; say why in its README\n`);
  process.stderr.write(`repro verify: wrote ${path.relative(root, expectedFile)}; review its diff before committing\n`);
}
