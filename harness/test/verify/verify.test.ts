import test from 'ava';
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeResults } from '../fixtures/report/make-results.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));

async function project(expected: unknown | null) {
  const root = await mkdtemp(join(tmpdir(), 'repro-verify-'));
  await makeResults(join(root, 'results'));
  // One fixture paper is enough here; the other exists for the report's escaping tests.
  await rm(join(root, 'results', 'xss-test'), { recursive: true, force: true });
  if (expected !== null) await writeFile(join(root, 'expected.json'), JSON.stringify(expected));
  const run = (...args: string[]) => execa(process.execPath, [CLI, 'verify', ...args], { cwd: root, reject: false, all: true });
  return { root, run };
}

const matching = {
  'scaling-laws': { 'loss-power-law': 'pass', 'adam-beats-sgd': 'fail', 'compute-ratio': 'inconclusive', 'critical-batch': 'error' },
};

test('verify fails on a control without power even when every verdict matches expected.json', async (t) => {
  const { run, root } = await project(matching);
  const result = await run('--junit', 'junit.xml', '--markdown', 'summary.md');
  // The fixture's adam-beats-sgd control came out inconclusive instead of fail.
  t.is(result.exitCode, 1, result.all);
  t.regex(result.stdout, /✗ scaling-laws\/adam-beats-sgd\/control: the negative control must fail but got inconclusive/);
  const xml = await readFile(join(root, 'junit.xml'), 'utf8');
  t.regex(xml, /<testsuites name="repro verify" tests="\d+" failures="1">/);
  t.regex(xml, /<testcase classname="scaling-laws" name="adam-beats-sgd\/control"><failure /);
  t.regex(xml, /<testcase classname="scaling-laws" name="loss-power-law"><system-out>/);
  const md = await readFile(join(root, 'summary.md'), 'utf8');
  t.regex(md, /^### Reproduced claims: 1 pass, 1 fail, 1 inconclusive, 1 error/m);
  t.regex(md, /\*\*1 departure from expected\.json:\*\*/);
});

test('a changed verdict is named and exits 1; JUnit marks it failed', async (t) => {
  const { run, root } = await project({ 'scaling-laws': { ...matching['scaling-laws'], 'loss-power-law': 'fail' } });
  const result = await run('--junit', 'junit.xml');
  t.is(result.exitCode, 1);
  t.regex(result.stdout, /✗ scaling-laws\/loss-power-law: expected fail, got pass/);
  t.regex(await readFile(join(root, 'junit.xml'), 'utf8'), /name="loss-power-law"><failure message="expected fail, got pass/);
});

test('a claim with no expectation fails verify and says how to record one', async (t) => {
  const { run } = await project({});
  const result = await run();
  t.is(result.exitCode, 1);
  t.regex(result.stdout, /no expectation recorded \(run 'repro verify --update'/);
});

test('--update writes expected.json from the results, recording a powerless control as such; then all verify', async (t) => {
  const { run, root } = await project(null);
  t.is((await run('--update')).exitCode, 0);
  t.deepEqual(JSON.parse(await readFile(join(root, 'expected.json'), 'utf8'))['scaling-laws'], { ...matching['scaling-laws'], 'adam-beats-sgd/control': 'inconclusive' });
  const result = await run();
  t.regex(result.stdout, /4 claims and \d+ controls checked: all as expected/);
});

test('a malformed expected.json is a clear error with exit 2', async (t) => {
  const { run } = await project({ 'scaling-laws': { 'loss-power-law': 'passed' } });
  const result = await run();
  t.is(result.exitCode, 2, result.all);
  t.regex(result.stderr, /expected\.json: scaling-laws\.loss-power-law: got "passed"; expected one of pass, fail, inconclusive, error/);
});

test('a control recorded in expected.json as not failing is a reviewed fact: verify passes until it changes', async (t) => {
  const { run } = await project({ 'scaling-laws': { ...matching['scaling-laws'], 'adam-beats-sgd/control': 'inconclusive' } });
  const result = await run();
  t.is(result.exitCode, 0, result.all);
  const changed = await project({ 'scaling-laws': { ...matching['scaling-laws'], 'adam-beats-sgd/control': 'pass' } });
  const r2 = await changed.run();
  t.is(r2.exitCode, 1);
  t.regex(r2.stdout, /expected\.json records this control as pass, got inconclusive/);
});
