import test from 'ava';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runInChild } from '../../src/runner/spawn.js';
import type { MetricsFile, VerdictsFile } from '../../src/types.js';
import { toyProject } from './toy.js';

const env = { REPRO_BACKEND: 'cpu' };
const read = <T>(root: string, file: string) => JSON.parse(readFileSync(path.join(root, 'results', 'toy', file), 'utf8')) as T;

test('a run decides every claim and its control, and writes the results layout', async (t) => {
  const root = toyProject();
  const result = await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  t.is(result.exitCode, 0, result.stderr);
  const verdicts = read<VerdictsFile>(root, 'verdicts.json');
  t.is(verdicts.reproduction, 'toy');
  t.is(verdicts.profile, 'smoke');
  t.is(verdicts.backend, 'cpu');
  t.deepEqual(verdicts.claims.map((c) => [c.id, c.verdict, c.control?.verdict, c.control?.expected]), [
    ['slope-is-one', 'pass', 'fail', true],
    ['slope-positive', 'pass', 'fail', true],
    ['timed-slope-is-one', 'pass', 'fail', true],
  ]);
  t.deepEqual(verdicts.claims[0].evidence.seeds, [0, 1, 2]);
  const metrics = read<MetricsFile>(root, 'metrics.json');
  t.deepEqual(metrics.verdicts, { pass: 3, fail: 0, inconclusive: 0, error: 0 });
  t.is(metrics.controls_as_expected, 3);
  t.true(existsSync(path.join(root, 'results', 'toy', 'series', 'line.json')));
  t.true(existsSync(path.join(root, 'results', 'toy', 'series', 'variants', 'slope=2', 'line.json')));
  t.regex(result.stderr, /\[toy\] 3 pass, 0 fail/);
});

test('same seed, same backend: verdicts.json and metrics.json are byte-identical across runs', async (t) => {
  const root = toyProject();
  await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  const first = [read<unknown>(root, 'verdicts.json'), read<unknown>(root, 'metrics.json')];
  const firstBytes = readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'));
  await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  t.deepEqual([read<unknown>(root, 'verdicts.json'), read<unknown>(root, 'metrics.json')], first);
  t.true(firstBytes.equals(readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'))));
});

test("workers take the runs a previous run timed longest first, and the results are the same bytes", async (t) => {
  const root = toyProject();
  await runInChild({ root, id: 'toy', env, stderr: 'pipe', jobs: 2 });
  const dir = path.join(root, 'results', 'toy');
  const before = ['verdicts.json', 'metrics.json'].map((f) => readFileSync(path.join(dir, f)));
  // Pretend the last planned run was by far the longest last time: it must now be taken first.
  const facts = JSON.parse(readFileSync(path.join(dir, 'run-facts.json'), 'utf8')) as { runs: { params: unknown; seconds: number }[] };
  const last = facts.runs.length;
  facts.runs.forEach((run, i) => (run.seconds = i === last - 1 ? 100 : 1));
  writeFileSync(path.join(dir, 'run-facts.json'), JSON.stringify(facts));
  const again = await runInChild({ root, id: 'toy', env, stderr: 'pipe', jobs: 2 });
  t.regex(again.stderr.split('\n').find((line) => / run \d+\/\d+ .*: \d+ seeds$/.test(line)) ?? '', new RegExp(`run ${last}/${last} `));
  t.deepEqual(['verdicts.json', 'metrics.json'].map((f) => readFileSync(path.join(dir, f))), before);
});

test('an experiment that throws turns its claims into error verdicts with the reason', async (t) => {
  const root = toyProject('profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: 1, mode: throw }\n    paper: { seeds: 2, slope: 1, mode: ok }\n');
  const result = await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  t.is(result.exitCode, 0);
  const verdicts = read<VerdictsFile>(root, 'verdicts.json');
  t.true(verdicts.claims.every((c) => c.verdict === 'error'));
  t.regex(verdicts.claims[0].evidence.reason, /the toy experiment blew up/);
});

test('NaN measurements are inconclusive, not pass', async (t) => {
  const root = toyProject('profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: 1, mode: nan }\n    paper: { seeds: 2, slope: 1, mode: ok }\n');
  await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  t.true(read<VerdictsFile>(root, 'verdicts.json').claims.every((c) => c.verdict === 'inconclusive'));
});

test('a hang is killed at the timeout and the previous results stay intact', async (t) => {
  const root = toyProject();
  await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  const before = readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path.join(root, 'params.yaml'), 'profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: 1, mode: hang }\n    paper: { seeds: 2, slope: 1, mode: ok }\n');
  const result = await runInChild({ root, id: 'toy', env, stderr: 'pipe', timeoutSeconds: 8 });
  t.true(result.timedOut);
  t.not(result.exitCode, 0);
  t.is(readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8'), before);
});

test('bad params stop the run before any work, with exit code 2 and nothing written', async (t) => {
  const root = toyProject('profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: one, mode: ok }\n    paper: { seeds: 2, slope: 1, mode: ok }\n');
  const result = await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  t.is(result.exitCode, 2);
  t.regex(result.stderr, /params\.yaml: invalid params/);
  t.regex(result.stderr, /papers\.toy\.smoke\.slope: got "one" \(string\); expected a number/);
  t.false(existsSync(path.join(root, 'results', 'toy')));
});

test('the tensor leak guard reports tensors a run did not dispose', async (t) => {
  const root = toyProject('profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: 1, mode: leak }\n    paper: { seeds: 2, slope: 1, mode: ok }\n');
  const result = await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  t.is(result.exitCode, 0, result.stderr);
  t.regex(result.stderr, /LEAKED 2 tensors/);
  const provenance = read<{ runs: { leakedTensors: number }[] }>(root, 'provenance.json');
  t.is(provenance.runs[0].leakedTensors, 2);
});

test('a clean run leaks nothing', async (t) => {
  const root = toyProject();
  await runInChild({ root, id: 'toy', env, stderr: 'pipe' });
  t.true(read<{ runs: { leakedTensors: number }[] }>(root, 'provenance.json').runs.every((r) => r.leakedTensors === 0));
});

test('parallel runs in worker processes give byte-identical verdicts to a serial run', async (t) => {
  const root = toyProject();
  await runInChild({ root, id: 'toy', env, stderr: 'pipe', jobs: 1 });
  const serial = readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'));
  const parallel = await runInChild({ root, id: 'toy', env, stderr: 'pipe', jobs: 3 });
  t.is(parallel.exitCode, 0, parallel.stderr);
  t.true(serial.equals(readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'))));
});

test('each run process gets one compute thread by default, or --threads, and provenance says so', async (t) => {
  const root = toyProject();
  // Threads change float32 results, so provenance.json records them; --jobs does not, so only the run facts do.
  await runInChild({ root, id: 'toy', env, stderr: 'pipe', jobs: 2 });
  t.deepEqual(read<{ compute: unknown }>(root, 'provenance.json').compute, { threadsPerProcess: 1 });
  t.is(read<{ jobs: number }>(root, 'run-facts.json').jobs, 2);
  await runInChild({ root, id: 'toy', env, stderr: 'pipe', jobs: 1, threads: 3 });
  t.deepEqual(read<{ compute: unknown }>(root, 'provenance.json').compute, { threadsPerProcess: 3 });
  t.is(read<{ jobs: number }>(root, 'run-facts.json').jobs, 1);
});

test('a worker process that dies fails the whole run: non-zero exit, nothing written', async (t) => {
  const root = toyProject('profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: 1, mode: die }\n    paper: { seeds: 2, slope: 1, mode: ok }\n');
  const result = await runInChild({ root, id: 'toy', env, stderr: 'pipe', jobs: 2 });
  t.is(result.exitCode, 1, result.stderr);
  t.regex(result.stderr, /the worker process of run 2\/3 exited with code 3/);
  t.false(existsSync(path.join(root, 'results', 'toy')));
});

test('with keepGoing a worker that dies fails only the run it held; a fresh worker takes the rest of the queue', async (t) => {
  const root = toyProject('profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: 1, mode: die }\n    paper: { seeds: 2, slope: 1, mode: ok }\n');
  const result = await runInChild({ root, id: 'toy', env, stderr: 'pipe', jobs: 2, keepGoing: true });
  t.is(result.exitCode, 0, result.stderr);
  const [one, positive] = read<VerdictsFile>(root, 'verdicts.json').claims;
  t.is(one.verdict, 'pass');
  t.is(one.control?.verdict, 'error');
  t.regex(one.control?.evidence.reason ?? '', /the worker process of run 2\/3 exited with code 3/);
  t.is(positive.verdict, 'pass');
  t.is(positive.control?.verdict, 'fail');
});
