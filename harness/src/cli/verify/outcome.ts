/**
 * The end of `repro verify`: the tolerated departures, every departure and results-file problem,
 * the tally line; returns how many checks departed. Called by cli/verify.ts after every other job.
 */
import type { ExpectationCheck } from '../../verify/compare.js';

export function printOutcome(checks: readonly ExpectationCheck[], fileProblems: readonly string[]): number {
  for (const c of checks.filter((k) => k.tolerated !== undefined)) process.stdout.write(`~ ${c.reproduction}/${c.name}: expected ${c.expected}, got ${c.actual}, which expected.json tolerates: ${c.tolerated}\n`);
  const bad = checks.filter((c) => !c.ok);
  for (const c of bad) process.stdout.write(`✗ ${c.reproduction}/${c.name}: ${c.message}\n`);
  for (const p of fileProblems) process.stdout.write(`✗ ${p}\n`);
  const claims = checks.filter((c) => !c.name.endsWith('/control'));
  process.stdout.write(`${claims.length} claims and ${checks.length - claims.length} controls checked: ${bad.length === 0 ? 'all as expected' : `${bad.length} not as expected`}${fileProblems.length ? `; ${fileProblems.length} problem${fileProblems.length === 1 ? '' : 's'} with the results files` : ''}\n`);
  return bad.length;
}
