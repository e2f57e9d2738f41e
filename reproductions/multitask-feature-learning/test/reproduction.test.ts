import test from 'ava';
import { runTiny } from '#harness/testing';
import { TINY } from './tiny.js';

test('at a tiny size, through the runner, every claim is decided and every control gets its expected verdict', async (t) => {
  const verdicts = await runTiny(t, { id: 'multitask-feature-learning', params: TINY });
  t.is(verdicts.claims.length, 5);
  for (const c of verdicts.claims) {
    t.not(c.verdict, 'error', `${c.id}: ${c.evidence.reason}`);
    t.true(c.control?.expected, `control of ${c.id}: ${c.control?.verdict} (${c.control?.evidence.reason})`);
  }
  // Every test-bearing claim's control must fail; only the report-only row expects inconclusive.
  t.deepEqual(verdicts.claims.filter((c) => c.kind !== 'report-only').map((c) => c.control?.verdict), [
    'fail', 'fail', 'fail', 'fail',
  ]);
  t.true(verdicts.claims.every((c) => c.evidence.chart !== undefined));
  t.deepEqual(verdicts.figures.map((f) => f.id), ['subspace-energy-vs-d', 'downstream-accuracy-vs-d']);
});
