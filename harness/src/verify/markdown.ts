/** A Markdown summary fit for a pull-request comment: counts, then what changed, then every claim. */
import { formatNumber } from '../claims/band.js';
import { controlStatus, type ControlStatus } from '../results/control.js';

const CONTROL_WORDS: Record<ControlStatus, string> = { power: 'power shown', 'no-power': '⚠ no power', 'not-shown': 'claim did not pass', degenerate: '⚠ degenerate', none: 'none' };
import type { ExpectationCheck } from './compare.js';

const ICON: Record<string, string> = { pass: '✅ pass', fail: '❌ fail', inconclusive: '⚠️ inconclusive', error: '💥 error' };

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}

export function markdown(checks: readonly ExpectationCheck[]): string {
  const claims = checks.filter((c) => !c.name.endsWith('/control'));
  const counts = { pass: 0, fail: 0, inconclusive: 0, error: 0 };
  for (const c of claims) counts[c.actual]++;
  const bad = checks.filter((c) => !c.ok);
  const lines = [
    `### Reproduced claims: ${counts.pass} pass, ${counts.fail} fail, ${counts.inconclusive} inconclusive, ${counts.error} error`,
    '',
    bad.length === 0 ? 'Every claim and control has the verdict the project expects.' : `**${bad.length} departure${bad.length > 1 ? 's' : ''} from expected.json:**`,
    ...bad.map((c) => `- \`${c.reproduction}/${c.name}\`: ${cell(c.message)}`),
    '',
    '| paper | claim | verdict | expected | statistic | threshold | control |',
    '|---|---|---|---|---|---|---|',
    ...claims.map((c) => {
      // Judged against expected.json like the gate: an accepted departure says so, with its recorded why.
      const judged = checks.find((k) => k.reproduction === c.reproduction && k.name === `${c.name}/control`)?.judgement;
      const control = !c.claim.control ? '—' : judged?.accepted
        ? `${c.claim.control.verdict} (accepted by expected.json: ${cell(judged.why ?? 'no reason recorded')})`
        : `${c.claim.control.verdict} (${judged && !judged.ok ? '❌ departs from expected.json' : CONTROL_WORDS[controlStatus(c.claim)]})`;
      const stat = c.claim.statistic === null ? 'n/a' : formatNumber(c.claim.statistic);
      const expected = `${c.expected ?? '—'}${c.tolerated !== undefined ? ` (${c.actual} tolerated: ${cell(c.tolerated)})` : ''}`;
      return `| ${cell(c.reproduction)} | ${cell(c.name)} | ${ICON[c.actual]} | ${expected} | ${stat} | ${cell(c.claim.threshold)} | ${control} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
