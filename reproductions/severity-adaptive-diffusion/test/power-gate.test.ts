import test from 'ava';
import type { Check, Decision, RecordView } from '#harness';
import { blankVariances } from '../evaluate.js';
import { powerGate } from '../power-gate.js';

const fixed = (verdict: Decision['verdict'], statistic: number): Check => ({
  kind: 'fixed',
  threshold: `always ${verdict}`,
  decide: () => ({ verdict, statistic, threshold: `always ${verdict}`, method: 'fixed', reason: `said ${verdict}`, n: 1, seeds: [0] }),
});
const record = {} as RecordView;

test('an open gate decides by the inner check, both kept as parts', (t) => {
  for (const inner of ['pass', 'fail', 'inconclusive'] as const) {
    const d = powerGate(fixed('pass', 1), fixed(inner, 2), 'steps do not help').decide(record);
    t.is(d.verdict, inner);
    t.is(d.statistic, 2);
    t.deepEqual(d.parts?.map((p) => p.verdict), ['pass', inner]);
  }
});

test('a closed gate reports no power, whatever the inner check says', (t) => {
  for (const gate of ['fail', 'inconclusive'] as const) {
    for (const inner of ['pass', 'fail'] as const) {
      const d = powerGate(fixed(gate, 1), fixed(inner, 2), 'steps do not help').decide(record);
      t.is(d.verdict, 'inconclusive');
      t.regex(d.reason, /^no power: steps do not help/);
      t.is(d.statistic, 2, 'the headline stays the inner comparison');
    }
  }
  t.is(powerGate(fixed('error', 1), fixed('pass', 2), 'x').decide(record).verdict, 'error');
});

test('the blank encoder hands every image the same σ̂², the geometric mean', (t) => {
  const out = blankVariances([0.1, 1, 10]);
  t.is(new Set(out).size, 1);
  t.true(Math.abs(out[0] - 1) < 1e-12);
});
