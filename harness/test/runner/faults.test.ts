import test from 'ava';
import { execa } from 'execa';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Provenance, VerdictsFile } from '../../src/types.js';
import { toyProject } from './toy.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));
const repro = (cwd: string, ...args: string[]) => execa(process.execPath, [CLI, ...args], { cwd, reject: false, all: true, env: { REPRO_BACKEND: 'cpu' } });
const params = (mode: string) => `profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: 1, mode: ${mode} }\n    paper: { seeds: 2, slope: 1, mode: ok }\n`;
const verdicts = (root: string) => JSON.parse(readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8')) as VerdictsFile;

test('a hang past the timeout: without --keep-going the old results stay and the exit is non-zero', async (t) => {
  const root = toyProject();
  t.is((await repro(root, 'run', 'toy')).exitCode, 0);
  const before = readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8');
  writeFileSync(path.join(root, 'params.yaml'), params('hang'));
  const r = await repro(root, 'run', 'toy', '--timeout', '6');
  t.not(r.exitCode, 0);
  t.regex(r.stderr, /run toy: timed out after \d+ s; previous results kept/);
  t.is(readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8'), before);
});

test('a hang with --keep-going becomes error verdicts with the reason, exit 0 (the pipeline goes on)', async (t) => {
  const root = toyProject(params('hang'));
  const r = await repro(root, 'run', 'toy', '--timeout', '6', '--keep-going');
  t.is(r.exitCode, 0, r.all);
  const v = verdicts(root);
  t.true(v.claims.every((c) => c.verdict === 'error'));
  t.is(v.claims.length, 3);
  // The failure takes the normal path, so a timed claim's evidence sits in timing.json, as any timed claim's does.
  const timing = JSON.parse(readFileSync(path.join(root, 'results', 'toy', 'timing.json'), 'utf8')) as VerdictsFile;
  const reasons = [...v.claims.filter((c) => !c.timed), ...timing.claims].map((c) => c.evidence.reason);
  t.is(reasons.length, 3);
  t.true(reasons.every((reason) => /timed out/.test(reason)), reasons.join('\n'));
  // The planned runs are recorded, each failed for the process's reason, as a failed run would be.
  const provenance = JSON.parse(readFileSync(path.join(root, 'results', 'toy', 'provenance.json'), 'utf8')) as Provenance;
  t.deepEqual(provenance.runs.map((run) => run.params), [{}, { slope: 2 }, { slope: -1 }]);
  t.true(provenance.runs.every((run) => /timed out/.test(run.error ?? '')));
  t.is(provenance.params.mode, 'hang');
});

test('running out of memory under the heap cap is caught and recorded with --keep-going', async (t) => {
  const root = toyProject(params('oom'));
  const r = await repro(root, 'run', 'toy', '--memory', '96', '--keep-going');
  t.is(r.exitCode, 0, r.all);
  const v = verdicts(root);
  t.true(v.claims.every((c) => c.verdict === 'error'));
  t.regex(v.claims[0].evidence.reason, /SIGABRT|out of memory|exit code/);
});

test('bad params are never papered over by --keep-going: exit 2 and nothing written', async (t) => {
  const root = toyProject(params('sideways'));
  const r = await repro(root, 'run', 'toy', '--keep-going');
  t.is(r.exitCode, 2);
  t.regex(r.stderr, /papers\.toy\.smoke\.mode: got "sideways" \(string\); expected one of "ok", "throw", "nan", "hang", "oom"/);
});

test('SIGINT or SIGKILL in the middle of a run leaves the previous results untouched', async (t) => {
  const root = toyProject();
  t.is((await repro(root, 'run', 'toy')).exitCode, 0);
  const before = readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8');
  writeFileSync(path.join(root, 'params.yaml'), params('hang'));
  for (const signal of ['SIGINT', 'SIGKILL'] as const) {
    const child = execa(process.execPath, [CLI, 'run', 'toy'], { cwd: root, reject: false, env: { REPRO_BACKEND: 'cpu' } });
    await new Promise((r) => setTimeout(r, 4000));
    child.kill(signal);
    await child;
    t.is(readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8'), before, signal);
  }
});
