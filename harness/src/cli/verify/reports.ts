/** `--junit FILE` and `--markdown FILE`: the checks written for CI and for a pull-request comment. Called by cli/verify.ts. */
import path from 'node:path';
import { writeFileAtomic } from '../../results/atomic-file.js';
import type { ExpectationCheck } from '../../verify/compare.js';
import { junit } from '../../verify/junit.js';
import { markdown } from '../../verify/markdown.js';

export function writeReports(checks: readonly ExpectationCheck[], files: { junit?: string; markdown?: string }): void {
  if (files.junit) writeFileAtomic(path.resolve(files.junit), junit(checks));
  if (files.markdown) writeFileAtomic(path.resolve(files.markdown), markdown(checks));
}
