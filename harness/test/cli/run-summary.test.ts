/** After a run, a departing control is said to be accepted (or not) by expected.json. */
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { controlsAgainstExpected } from '../../src/cli/run-summary.js';

const claim = (id: string, control: string) => ({ id, verdict: 'pass', control: { verdict: control, expect: 'fail', evidence: {} } });

test('a departing control accepted by expected.json, with its why; silent when all give what they must', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'run-summary-'));
  try {
    await writeFile(join(root, 'verdicts.json'), JSON.stringify({ claims: [claim('a', 'fail'), claim('b', 'inconclusive'), claim('c', 'pass')] }));
    await writeFile(join(root, 'expected.json'), JSON.stringify({ p: { a: 'pass', b: 'pass', c: 'pass', 'b/control': { verdict: 'inconclusive', tolerate: ['inconclusive', 'fail'], why: 'a near miss at smoke scale' } } }));
    const text = controlsAgainstExpected(root, 'p', root)!;
    t.regex(text, /^\[p\] controls against expected\.json: 2\/3 as expected or accepted$/m);
    t.regex(text, /~ b\/control: control inconclusive \(it must fail\); expected\.json accepts this: a near miss at smoke scale/);
    t.regex(text, /✗ c\/control: control pass \(it must fail\): departs from expected\.json/);
    await writeFile(join(root, 'verdicts.json'), JSON.stringify({ claims: [claim('a', 'fail')] }));
    t.is(controlsAgainstExpected(root, 'p', root), null);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
