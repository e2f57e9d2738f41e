/**
 * The terminal summary that closes `make repro`: one line per paper, one line of totals, each
 * departure from expected.json with its reason, and where the gate is. Information only: the
 * gate is `repro verify` (`make verify`), which exits non-zero on a departure.
 */
import type { ExpectationCheck } from './compare.js';

const count = (checks: readonly ExpectationCheck[]) => {
  const c = { pass: 0, fail: 0, inconclusive: 0, error: 0 };
  for (const k of checks) c[k.actual]++;
  return `${c.pass} pass, ${c.fail} fail, ${c.inconclusive} inconclusive, ${c.error} error`;
};

export function terminalSummary(checks: readonly ExpectationCheck[], problems: readonly string[] = []): string {
  const papers = [...new Set(checks.map((c) => c.reproduction))];
  const claims = checks.filter((c) => !c.name.endsWith('/control'));
  const controls = checks.filter((c) => c.name.endsWith('/control'));
  const width = Math.max(0, ...papers.map((p) => p.length));
  const lines = papers.map((p) => {
    const mine = checks.filter((c) => c.reproduction === p);
    const ctl = mine.filter((c) => c.name.endsWith('/control'));
    const departs = mine.filter((c) => !c.ok).length;
    return `  ${p.padEnd(width)}  ${count(mine.filter((c) => !c.name.endsWith('/control')))}; controls ${ctl.filter((c) => c.ok).length}/${ctl.length}${departs ? `; ${departs} departure${departs === 1 ? '' : 's'}` : ''}`;
  });
  const bad = checks.filter((c) => !c.ok);
  const accepted = controls.filter((c) => c.judgement?.accepted).length;
  lines.push(
    `repro: ${papers.length} paper${papers.length === 1 ? '' : 's'}, ${claims.length} claims: ${count(claims)}; controls ${controls.filter((c) => c.ok).length}/${controls.length} as expected${accepted ? ` (${accepted} accepted by expected.json)` : ''}`,
  );
  for (const c of checks.filter((k) => k.tolerated !== undefined)) lines.push(`  ~ ${c.reproduction}/${c.name}: ${c.actual}, tolerated by expected.json: ${c.tolerated}`);
  if (bad.length === 0 && problems.length === 0) lines.push('repro: every verdict is as expected.json records it');
  else {
    lines.push(`repro: ${bad.length} verdict${bad.length === 1 ? '' : 's'} departed from expected.json${problems.length ? `, ${problems.length} problem${problems.length === 1 ? '' : 's'} with the results files` : ''}:`);
    for (const c of bad) lines.push(`  ✗ ${c.reproduction}/${c.name}: ${c.message}`);
    for (const p of problems) lines.push(`  ✗ ${p}`);
  }
  lines.push("repro: the gate is 'make verify' (repro verify --complete), which fails on any departure");
  return `${lines.join('\n')}\n`;
}
