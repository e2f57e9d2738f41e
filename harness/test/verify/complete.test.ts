/** `repro verify --complete`, the claim gate's mode: missing or unreadable results fail it too. */
import test from 'ava';
import { execa } from 'execa';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeResults } from '../fixtures/report/make-results.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));

// The fixture's results as they are, with its one powerless control recorded as such.
const asRecorded = {
  'scaling-laws': { 'loss-power-law': 'pass', 'adam-beats-sgd': 'fail', 'compute-ratio': 'inconclusive', 'critical-batch': 'error', 'adam-beats-sgd/control': 'inconclusive' },
};

async function project(expected: unknown, { keepBroken = false } = {}) {
  const root = await mkdtemp(join(tmpdir(), 'repro-verify-complete-'));
  await makeResults(join(root, 'results'));
  // The fixture also has a paper for the report's escaping tests and one with unreadable verdicts.
  await rm(join(root, 'results', 'xss-test'), { recursive: true, force: true });
  if (!keepBroken) await rm(join(root, 'results', 'broken'), { recursive: true, force: true });
  await writeFile(join(root, 'expected.json'), JSON.stringify(expected));
  const run = (...args: string[]) => execa(process.execPath, [CLI, 'verify', ...args], { cwd: root, reject: false, all: true });
  return { root, run };
}

test('with every result present and as recorded, --complete passes', async (t) => {
  const { run } = await project(asRecorded);
  const result = await run('--complete');
  t.is(result.exitCode, 0, result.all);
  t.regex(result.stdout, /all as expected/);
});

test('a reproduction expected.json names but that has no results fails verify (plain, since the gate hardening) and --complete, named', async (t) => {
  const { run } = await project({ ...asRecorded, 'lost-paper': { 'some-claim': 'pass' } });
  t.is((await run()).exitCode, 1);
  const result = await run('--complete');
  t.is(result.exitCode, 1, result.all);
  t.regex(result.stdout, /✗ lost-paper: no results under results\/lost-paper\/, but expected\.json expects its claims/);
});

test('an unreadable verdicts.json (the fixture\'s results/broken/) fails --complete, naming the reproduction', async (t) => {
  const { run } = await project(asRecorded, { keepBroken: true });
  const result = await run('--complete');
  t.is(result.exitCode, 1, result.all);
  t.regex(result.stdout, /✗ broken: its results could not be read \(/);
});

test('a claim expected.json names that the results lack fails --complete, named', async (t) => {
  const { run } = await project({ 'scaling-laws': { ...asRecorded['scaling-laws'], 'renamed-claim': 'pass' } });
  const result = await run('--complete');
  t.is(result.exitCode, 1, result.all);
  t.regex(result.stdout, /✗ scaling-laws\/renamed-claim: expected\.json expects this claim, but its results have no such claim/);
});
