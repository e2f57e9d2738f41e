/**
 * `repro verify` as a gate that cannot be fooled by a file: a truncated, emptied, malformed,
 * missing or edited verdicts.json of any paper in expected.json fails it (exit 1).
 */
import test from 'ava';
import { execa } from 'execa';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerdictsFile } from '../../src/types.js';
import { makeResults } from '../fixtures/report/make-results.js';
import { toyProject } from '../runner/toy.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));
const EXPECTED = {
  'scaling-laws': { 'loss-power-law': 'pass', 'adam-beats-sgd': 'fail', 'compute-ratio': 'inconclusive', 'critical-batch': 'error', 'adam-beats-sgd/control': 'inconclusive' },
};
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

async function project() {
  const root = await mkdtemp(join(tmpdir(), 'repro-gate-'));
  await makeResults(join(root, 'results'));
  await rm(join(root, 'results', 'xss-test'), { recursive: true, force: true });
  await writeFile(join(root, 'expected.json'), JSON.stringify(EXPECTED));
  const dir = join(root, 'results', 'scaling-laws');
  const verify = () => execa(process.execPath, [CLI, 'verify'], { cwd: root, reject: false, all: true });
  /** Rewrites verdicts.json; with `rehash`, also the hash in provenance.json (a careful forger). */
  const forge = async (text: string, rehash: boolean) => {
    await writeFile(join(dir, 'verdicts.json'), text);
    if (rehash) {
      const provenance = JSON.parse(await readFile(join(dir, 'provenance.json'), 'utf8')) as Record<string, unknown>;
      await writeFile(join(dir, 'provenance.json'), JSON.stringify({ ...provenance, verdictsSha256: sha(text) }));
    }
  };
  const verdicts = async () => JSON.parse(await readFile(join(dir, 'verdicts.json'), 'utf8')) as VerdictsFile;
  return { root, dir, verify, forge, verdicts };
}

test('the untouched fixture passes (so each failure below is the tampering\'s doing)', async (t) => {
  const { verify } = await project();
  const r = await verify();
  t.is(r.exitCode, 0, r.all);
  t.regex(r.stdout, /: all as expected$/);
});

for (const [label, text, message] of [
  ['truncated', (full: string) => full.slice(0, Math.floor(full.length / 2)), /✗ scaling-laws: verdicts\.json could not be read/],
  ['[]', () => '[]', /✗ scaling-laws: verdicts\.json could not be read: verdicts\.json is not a JSON object/],
  ['empty', () => '', /✗ scaling-laws: verdicts\.json could not be read/],
] as const) {
  test(`a ${label} verdicts.json fails verify, even with a matching hash`, async (t) => {
    const { verify, forge, dir } = await project();
    const full = await readFile(join(dir, 'verdicts.json'), 'utf8');
    await forge(text(full), true);
    const r = await verify();
    t.is(r.exitCode, 1, r.all);
    t.regex(r.stdout, message);
  });
}

test('a schema-invalid verdicts.json (unknown verdict, claim without id) fails verify', async (t) => {
  const { verify, forge, verdicts } = await project();
  const v = await verdicts();
  (v.claims[0] as { verdict: string }).verdict = 'passed';
  delete (v.claims[1] as Partial<typeof v.claims[1]>).id;
  await forge(JSON.stringify(v), true);
  const r = await verify();
  t.is(r.exitCode, 1, r.all);
  // The one results schema names the first key it rejects.
  t.regex(r.stdout, /✗ scaling-laws: verdicts\.json does not have the runner's shape: verdicts\.json: key claims\.0\.verdict/);
});

test('a paper of expected.json whose results folder is missing fails verify', async (t) => {
  const { verify, root } = await project();
  await writeFile(join(root, 'expected.json'), JSON.stringify({ ...EXPECTED, 'lost-paper': { 'some-claim': 'pass' } }));
  const r = await verify();
  t.is(r.exitCode, 1, r.all);
  t.regex(r.stdout, /✗ lost-paper: expected\.json names it but results\/lost-paper\/verdicts\.json is missing/);
});

test('a control edited to pass with its stored expected flag left true fails verify (status derived from verdict and expect)', async (t) => {
  const { verify, forge, verdicts } = await project();
  const v = await verdicts();
  const c = v.claims.find((x) => x.id === 'loss-power-law')!;
  t.is(c.control!.expect, 'fail');
  c.control!.verdict = 'pass';
  c.control!.expected = true;
  // Even a forger who also fixes the hash is caught by the derivation.
  await forge(JSON.stringify(v, null, 2), true);
  const r = await verify();
  t.is(r.exitCode, 1, r.all);
  t.regex(r.stdout, /✗ scaling-laws\/loss-power-law\/control: the negative control must fail but got pass/);
});

test('a verdict edited without fixing the hash fails verify, naming the hash', async (t) => {
  const { verify, forge, verdicts } = await project();
  const v = await verdicts();
  // A change that keeps every verdict as expected: only the hash can tell.
  v.claims[0].quote = 'edited by hand';
  await forge(`${JSON.stringify(v, null, 2)}\n`, false);
  const r = await verify();
  t.is(r.exitCode, 1, r.all);
  t.regex(r.stdout, /✗ scaling-laws: verdicts\.json does not match the sha256 recorded in provenance\.json .*changed after the run/);
});

test('results without a recorded hash (or without provenance.json) fail verify', async (t) => {
  const { verify, dir } = await project();
  const provenance = JSON.parse(await readFile(join(dir, 'provenance.json'), 'utf8')) as Record<string, unknown>;
  delete provenance.verdictsSha256;
  await writeFile(join(dir, 'provenance.json'), JSON.stringify(provenance));
  const r = await verify();
  t.is(r.exitCode, 1, r.all);
  t.regex(r.stdout, /provenance\.json records no verdictsSha256/);
  await rm(join(dir, 'provenance.json'));
  const r2 = await verify();
  t.is(r2.exitCode, 1);
  t.regex(r2.stdout, /provenance\.json is missing/);
});

test('a claim expected.json names but the results lack fails verify', async (t) => {
  const { verify, root } = await project();
  await writeFile(join(root, 'expected.json'), JSON.stringify({ 'scaling-laws': { ...EXPECTED['scaling-laws'], 'vanished-claim': 'pass' } }));
  const r = await verify();
  t.is(r.exitCode, 1, r.all);
  t.regex(r.stdout, /✗ scaling-laws\/vanished-claim: expected\.json names it but the results have no such claim/);
});

test('the runner records the hash: a real run, --update, then verify passes; one edited byte fails it', async (t) => {
  const root = toyProject();
  const cli = (...args: string[]) => execa(process.execPath, [CLI, ...args], { cwd: root, reject: false, all: true, env: { REPRO_BACKEND: 'cpu' } });
  t.is((await cli('run', 'toy', '--jobs', '1')).exitCode, 0);
  const provenance = JSON.parse(await readFile(join(root, 'results', 'toy', 'provenance.json'), 'utf8')) as { verdictsSha256: string };
  t.is(provenance.verdictsSha256, sha(await readFile(join(root, 'results', 'toy', 'verdicts.json'), 'utf8')));
  t.is((await cli('verify', '--update')).exitCode, 0);
  const ok = await cli('verify');
  t.is(ok.exitCode, 0, ok.all);
  const file = join(root, 'results', 'toy', 'verdicts.json');
  await writeFile(file, (await readFile(file, 'utf8')).replace('"the slope is one"', '"the slope is One"'));
  t.is((await cli('verify')).exitCode, 1);
});
