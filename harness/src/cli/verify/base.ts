/** `--base REV`: print each claim whose verdict changed since expected.json at that revision. Called by cli/verify.ts. */
import type { VerdictsFile } from '../../types.js';
import { expectationsAt } from '../../verify/baseline.js';
import { compare } from '../../verify/compare.js';

export function printChangesSince(root: string, expectedFile: string, rev: string, results: readonly VerdictsFile[]): void {
  const baseChecks = compare(results, expectationsAt(root, expectedFile, rev).expectations);
  for (const c of baseChecks.filter((b) => b.expected !== null && b.expected !== b.actual && !b.name.endsWith('/control'))) {
    process.stdout.write(`changed since ${rev}: ${c.reproduction}/${c.name} ${c.expected} -> ${c.actual}\n`);
  }
}
