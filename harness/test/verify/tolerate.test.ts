/** expected.json's optional tolerance for load-dependent claims: { verdict, tolerate, why }. */
import test from 'ava';
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatExpectations, parseExpectations, parseTolerances } from '../../src/verify/expected.js';
import { makeResults } from '../fixtures/report/make-results.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));
const WHY = 'wall-clock timing on a shared machine';
// The fixture's results as they are (its loss-power-law claim passes).
const base = { 'loss-power-law': 'pass', 'adam-beats-sgd': 'fail', 'compute-ratio': 'inconclusive', 'critical-batch': 'error', 'adam-beats-sgd/control': 'inconclusive' };

async function project(claims: Record<string, unknown>) {
  const root = await mkdtemp(join(tmpdir(), 'repro-verify-tolerate-'));
  await makeResults(join(root, 'results'));
  for (const extra of ['xss-test', 'broken']) await rm(join(root, 'results', extra), { recursive: true, force: true });
  await writeFile(join(root, 'expected.json'), JSON.stringify({ 'scaling-laws': { ...base, ...claims } }, null, 2));
  const run = (...args: string[]) => execa(process.execPath, [CLI, 'verify', ...args], { cwd: root, reject: false, all: true });
  return { root, run };
}

test('a tolerated departure passes the gate and is said; an untolerated one still fails', async (t) => {
  const tolerated = await project({ 'loss-power-law': { verdict: 'fail', tolerate: ['fail', 'pass'], why: WHY } });
  const ok = await tolerated.run('--complete', '--markdown', 'summary.md');
  t.is(ok.exitCode, 0, ok.all);
  t.regex(ok.stdout, /~ scaling-laws\/loss-power-law: expected fail, got pass, which expected\.json tolerates: wall-clock timing/);
  t.regex(await readFile(join(tolerated.root, 'summary.md'), 'utf8'), /\| fail \(pass tolerated: wall-clock timing on a shared machine\) \|/);
  const strict = await project({ 'loss-power-law': { verdict: 'fail', tolerate: ['fail', 'inconclusive'], why: WHY } });
  const bad = await strict.run('--complete');
  t.is(bad.exitCode, 1, bad.all);
  t.regex(bad.stdout, /✗ scaling-laws\/loss-power-law: expected fail, got pass/);
});

test('--update keeps a claim\'s tolerance and its reason', async (t) => {
  const { root, run } = await project({ 'loss-power-law': { verdict: 'pass', tolerate: ['pass', 'fail'], why: WHY } });
  t.is((await run('--update')).exitCode, 0);
  const written = JSON.parse(await readFile(join(root, 'expected.json'), 'utf8'));
  t.deepEqual(written['scaling-laws']['loss-power-law'], { verdict: 'pass', tolerate: ['pass', 'fail'], why: WHY });
  t.is(written['scaling-laws']['compute-ratio'], 'inconclusive');
});

test('parse: an object entry gives its verdict and its tolerance; the text round-trips', (t) => {
  const text = formatExpectations({ p: { a: 'pass', b: 'fail' } }, { p: { b: { verdicts: ['fail', 'pass'], why: WHY } } });
  t.deepEqual(parseExpectations(text, 'expected.json'), { p: { a: 'pass', b: 'fail' } });
  t.deepEqual(parseTolerances(text, 'expected.json'), { p: { b: { verdicts: ['fail', 'pass'], why: WHY } } });
});

test('a malformed tolerance is refused naming the file, the key, the value and what is allowed', (t) => {
  const bad = (entry: unknown) => JSON.stringify({ p: { c: entry } });
  t.throws(() => parseExpectations(bad({ verdict: 'pass', tolerate: ['fail'], why: WHY }), 'expected.json'), { message: 'expected.json: p.c.tolerate: got ["fail"]; it must include the expected verdict "pass"' });
  t.throws(() => parseExpectations(bad({ verdict: 'pass', tolerate: ['pass', 'maybe'], why: WHY }), 'expected.json'), { message: /^expected\.json: p\.c\.tolerate: got \["pass","maybe"\]; expected a non-empty list of verdicts/ });
  t.throws(() => parseExpectations(bad({ verdict: 'pass', tolerate: ['pass'], why: '' }), 'expected.json'), { message: /^expected\.json: p\.c\.why: got ""; expected the reason/ });
  t.throws(() => parseExpectations(bad({ verdict: 'pass', tolerate: ['pass'], why: WHY, tolerance: 1 }), 'expected.json'), { message: /^expected\.json: p\.c: unknown key "tolerance"; allowed: verdict, tolerate, why/ });
  t.throws(() => parseExpectations(bad('passed'), 'expected.json'), { message: /^expected\.json: p\.c: got "passed"; expected one of pass, fail, inconclusive, error/ });
});

test('a load-dependent control can be tolerated too ("<claim>/control"), and never beyond its list', async (t) => {
  // The fixture's adam-beats-sgd control comes out inconclusive.
  const tolerated = await project({ 'adam-beats-sgd/control': { verdict: 'fail', tolerate: ['fail', 'inconclusive'], why: WHY } });
  const ok = await tolerated.run('--complete');
  t.is(ok.exitCode, 0, ok.all);
  const strict = await project({ 'adam-beats-sgd/control': { verdict: 'fail', tolerate: ['fail', 'pass'], why: WHY } });
  const bad = await strict.run('--complete');
  t.is(bad.exitCode, 1, bad.all);
  t.regex(bad.stdout, /✗ scaling-laws\/adam-beats-sgd\/control: expected\.json records this control as fail, got inconclusive/);
});
