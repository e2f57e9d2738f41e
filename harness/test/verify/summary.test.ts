/** The terminal summary `make repro` ends with: per-paper counts, totals, departures with reasons. */
import test from 'ava';
import { compare } from '../../src/verify/compare.js';
import { terminalSummary } from '../../src/verify/summary.js';
import type { VerdictsFile } from '../../src/types.js';

const claim = (id: string, verdict: 'pass' | 'fail', control: 'fail' | 'inconclusive' | null) => ({
  id, quote: '', kind: 'k', why: '', params: {}, verdict, statistic: 1, threshold: 't',
  evidence: { method: '', statistic: 1, threshold: 't', n: 1, seeds: [0], reason: `${id} reason` },
  control: control ? { params: {}, why: '', expect: 'fail' as const, verdict: control, expected: control === 'fail', evidence: { method: '', statistic: 0, threshold: 't', n: 1, seeds: [0], reason: 'r' } } : null,
});
const results = [{ reproduction: 'paper', claims: [claim('a', 'pass', 'fail'), claim('b', 'fail', 'inconclusive')] }] as unknown as VerdictsFile[];

test('every verdict as recorded: counts, and the gate named', (t) => {
  const text = terminalSummary(compare(results, { paper: { a: 'pass', b: 'fail', 'b/control': 'inconclusive' } }));
  t.regex(text, /^ {2}paper {2}1 pass, 1 fail, 0 inconclusive, 0 error; controls 2\/2$/m);
  t.regex(text, /repro: 1 paper, 2 claims: 1 pass, 1 fail, 0 inconclusive, 0 error; controls 2\/2 as expected \(1 accepted by expected\.json\)/);
  t.regex(text, /every verdict is as expected\.json records it/);
  t.regex(text, /the gate is 'make verify'/);
});

test('a departure is named with its reason', (t) => {
  const text = terminalSummary(compare(results, { paper: { a: 'fail', b: 'fail' } }));
  t.regex(text, /repro: 2 verdicts departed from expected\.json:/);
  t.regex(text, /✗ paper\/a: expected fail, got pass: a reason/);
  t.regex(text, /✗ paper\/b\/control: the negative control must fail but got inconclusive/);
});
