/** A control judged against expected.json the same way in the gate, the Markdown summary and JUnit. */
import test from 'ava';
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeControl } from '../../src/report/control-judgement.js';
import type { ClaimResult } from '../../src/types.js';
import { makeResults } from '../fixtures/report/make-results.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));
const REASON = 'the control is a near miss at smoke scale: reviewed on 2026-12-04';

const claim = (verdict: ClaimResult['verdict']) => ({ id: 'c', control: { verdict, expect: 'fail' } }) as unknown as ClaimResult;
const file = (control: unknown) => ({ expectations: { p: { c: 'pass' as const, ...(control ? { 'c/control': control as 'inconclusive' } : {}) } }, tolerances: {}, history: [] });

test('judgeControl: as it must, accepted (with why), or departing', (t) => {
  t.like(judgeControl('p', claim('fail'), file(null)), { ok: true, accepted: false });
  t.like(judgeControl('p', claim('inconclusive'), file(null)), { ok: false, accepted: false });
  const accepted = judgeControl('p', claim('inconclusive'), { ...file('inconclusive'), history: [{ date: 'd', reason: REASON, changes: [{ reproduction: 'p', claim: 'c/control', from: 'none', to: 'inconclusive', before: '', after: '' }] }] });
  t.like(accepted, { ok: true, accepted: true, why: REASON });
  t.regex(accepted!.text, /expected\.json accepts this: the control is a near miss/);
  t.like(judgeControl('p', claim('fail'), file('inconclusive')), { ok: false, accepted: false });
  const tolerated = judgeControl('p', claim('pass'), { ...file(null), tolerances: { p: { 'c/control': { verdicts: ['fail', 'pass'], why: 'timing under load' } } } });
  t.like(tolerated, { ok: true, accepted: true, why: 'timing under load' });
});

test('verify: an accepted control shows its recorded why in the Markdown summary and in JUnit', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'repro-verify-control-'));
  try {
    await makeResults(join(root, 'results'));
    for (const extra of ['xss-test', 'broken']) await rm(join(root, 'results', extra), { recursive: true, force: true });
    const claims = { 'loss-power-law': 'pass', 'adam-beats-sgd': 'fail', 'compute-ratio': 'inconclusive', 'critical-batch': 'error', 'adam-beats-sgd/control': 'inconclusive' };
    const history = [{ date: '2026-12-04', reason: REASON, changes: [{ reproduction: 'scaling-laws', claim: 'adam-beats-sgd/control', from: 'none', to: 'inconclusive', before: '', after: '' }] }];
    await writeFile(join(root, 'expected.json'), JSON.stringify({ 'scaling-laws': claims, $history: history }, null, 2));
    const r = await execa(process.execPath, [CLI, 'verify', '--markdown', 'summary.md', '--junit', 'junit.xml'], { cwd: root, reject: false, all: true });
    t.is(r.exitCode, 0, r.all);
    const md = await readFile(join(root, 'summary.md'), 'utf8');
    t.regex(md, /\| adam-beats-sgd \|.*\| inconclusive \(accepted by expected\.json: the control is a near miss at smoke scale/);
    const xml = await readFile(join(root, 'junit.xml'), 'utf8');
    t.regex(xml, /name="adam-beats-sgd\/control"><system-out>verdict=inconclusive[^<]*accepted by expected\.json: the control is a near miss/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
