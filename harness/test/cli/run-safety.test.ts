/**
 * `repro run` against hostile flags, files and faults: every mistake is refused before any work
 * with exit 2 and a message that names what was given and what is allowed; nothing is touched.
 */
import test from 'ava';
import { execa } from 'execa';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerdictsFile } from '../../src/types.js';
import { toyProject } from '../runner/toy.js';

const CLI = fileURLToPath(new URL('../../bin/repro.js', import.meta.url));
const repro = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [CLI, ...args], { cwd, reject: false, all: true, env: { REPRO_BACKEND: 'cpu', ...env } });
const params = (mode: string, slope = '1') => `profile: smoke\npapers:\n  toy:\n    smoke: { seeds: 2, slope: ${slope}, mode: ${mode} }\n    paper: { seeds: 2, slope: 1, mode: ok }\n`;
const STACK = /\n\s+at .+:\d+:\d+/;

/** A toy project with a previous good run of toy, and another paper's results beside it. */
async function withResults(t: import('ava').ExecutionContext, mode = 'ok') {
  const root = toyProject(params(mode));
  mkdirSync(path.join(root, 'results', 'other'), { recursive: true });
  writeFileSync(path.join(root, 'results', 'other', 'verdicts.json'), '{"reproduction":"other","claims":[]}\n');
  writeFileSync(path.join(root, 'unrelated.txt'), 'keep me');
  const snapshot = () => Object.fromEntries(['results/other/verdicts.json', 'unrelated.txt', 'params.yaml'].map((f) => [f, readFileSync(path.join(root, f), 'utf8')]));
  return { root, snapshot, before: snapshot(), t };
}

for (const [label, out, message] of [
  ['results/ itself', 'results', /--out results: that is the results folder of every paper; use --out results\/toy; nothing was touched/],
  ['the project root', '.', /--out \.: that is the project root or a folder above it/],
  ['an ancestor of the root', '..', /that is the project root or a folder above it/],
  ['another paper\'s results', 'results/other', /--out results\/other: that folder is not a previous result of toy/],
  ['a folder with unrelated files', 'elsewhere', /--out elsewhere: that folder is not a previous result of toy \(no verdicts.json or provenance.json naming it\) and holds 1 entry/],
  ['a file', 'unrelated.txt', /--out unrelated.txt: that is a file, not a folder/],
] as const) {
  test(`--out ${label} is refused with exit 2 and nothing touched`, async (t) => {
    const { root, snapshot, before } = await withResults(t);
    mkdirSync(path.join(root, 'elsewhere'));
    writeFileSync(path.join(root, 'elsewhere', 'notes.md'), 'mine');
    const r = await repro(root, ['run', 'toy', '--out', out]);
    t.is(r.exitCode, 2, r.all);
    t.regex(r.stderr, message);
    t.notRegex(r.all, STACK);
    t.deepEqual(snapshot(), before);
    t.is(readFileSync(path.join(root, 'elsewhere', 'notes.md'), 'utf8'), 'mine');
    t.deepEqual(readdirSync(path.join(root, 'results')), ['other']);
  });
}

test('--out a new folder, then the same folder again (a previous result of toy): both written', async (t) => {
  const { root, snapshot, before } = await withResults(t);
  for (let i = 0; i < 2; i++) {
    const r = await repro(root, ['run', 'toy', '--out', 'mine/toy', '--jobs', '1']);
    t.is(r.exitCode, 0, r.all);
  }
  t.is((JSON.parse(readFileSync(path.join(root, 'mine', 'toy', 'verdicts.json'), 'utf8')) as VerdictsFile).reproduction, 'toy');
  t.deepEqual(snapshot(), before);
});

for (const [flags, message] of [
  [['--timeout', '3000000'], /--timeout got "3000000" \(out of range\); expected a whole number from 1 to 86400 seconds/],
  [['--timeout', '0'], /--timeout got "0" \(out of range\); expected a whole number from 1 to 86400/],
  [['--timeout', '1e400'], /--timeout got "1e400" \(not finite\)/],
  [['--timeout', '2.5'], /--timeout got "2.5" \(not a whole number\)/],
  [['--timeout', '-5'], /--timeout got "-5" \(out of range\); expected a whole number from 1 to 86400/],
  [['--seed-base', '-3'], /--seed-base got "-3" \(out of range\); expected a whole number from 0 to 1000000000/],
  [['--memory', '10'], /--memory got "10" \(out of range\); expected a whole number from 64 to 1048576 MiB/],
  [['--jobs', '0'], /--jobs got "0" \(out of range\); expected a whole number from 1 to 256/],
  [['--jobs', '100000'], /--jobs got "100000" \(out of range\)/],
  [['--threads', '-2'], /--threads: got "-2"; expected a whole number of threads from 1 to 1024/],
  [['--jobs', 'NaN'], /--jobs got "NaN" \(not a number\)/],
] as const) {
  test(`run ${flags.join(' ')}: exit 2 before any work, with the range`, async (t) => {
    const { root, snapshot, before } = await withResults(t);
    const r = await repro(root, ['run', 'toy', ...flags]);
    t.is(r.exitCode, 2, r.all);
    t.regex(r.stderr, message);
    t.notRegex(r.stderr, /ambiguous/);
    t.notRegex(r.all, STACK);
    t.deepEqual(snapshot(), before);
  });
}

for (const [value, shown] of [['.nan', 'NaN'], ['.inf', 'Infinity'], ['-.inf', '-Infinity']] as const) {
  // Serial (ava runs these first, alone), so the time says something.
  test.serial(`a ${shown} in params is named as such (not null), in well under the time workers take to load`, async (t) => {
    const root = toyProject(params('ok', value));
    const started = performance.now();
    const r = await repro(root, ['run', 'toy', '--jobs', '4']);
    const seconds = (performance.now() - started) / 1000;
    t.is(r.exitCode, 2, r.all);
    t.regex(r.stderr, new RegExp(`papers\\.toy\\.smoke\\.slope: got ${shown.replace('-', '\\-')} \\(number\\); expected a number`));
    t.notRegex(r.stderr, /null/);
    // Refused before any backend was chosen (the old order loaded TensorFlow in the workers first).
    t.notRegex(r.all, /backend|ready/i);
    // Refused by `repro run` itself: no child process was started.
    t.notRegex(r.stderr, /the run failed/);
    // Well under 2 s alone; generous here, as ava runs other test files beside this one.
    t.true(seconds < 15, `${seconds.toFixed(1)} s`);
    t.false(existsSync(path.join(root, 'results')));
  });
}

test('a missing params file: exit 2, the file named, no stack trace', async (t) => {
  const root = toyProject();
  const r = await repro(root, ['run', 'toy', '--params', 'nope.yaml']);
  t.is(r.exitCode, 2, r.all);
  t.regex(r.stderr, /run: params file nope\.yaml does not exist; pass --params FILE/);
  t.notRegex(r.all, STACK);
});

test('a bad REPRO_BACKEND: exit 2, the allowed values named, no stack trace (run and doctor)', async (t) => {
  const root = toyProject();
  for (const command of [['run', 'toy'], ['doctor']]) {
    const r = await repro(root, command, { REPRO_BACKEND: 'quantum' });
    t.is(r.exitCode, 2, r.all);
    t.regex(r.stderr, /REPRO_BACKEND="quantum" is not a backend; allowed values: .*native.*wasm.*cpu/);
    t.notRegex(r.all, STACK);
  }
  t.false(existsSync(path.join(root, 'results')));
});

test('a results folder blocked by a file: exit 2 with the folder named, no stack trace', async (t) => {
  const root = toyProject();
  writeFileSync(path.join(root, 'results'), 'not a folder');
  const r = await repro(root, ['run', 'toy', '--jobs', '1']);
  t.is(r.exitCode, 2, r.all);
  t.regex(r.stderr, /cannot write the results folder .*results\/toy: .*results is a file, not a folder/);
  t.notRegex(r.stderr, /backend/, 'refused before the run');
  t.notRegex(r.all, STACK);
  t.is(readFileSync(path.join(root, 'results'), 'utf8'), 'not a folder');
});

for (const [mode, how] of [['die', 'exited with code 3'], ['kill', 'was killed by SIGKILL']] as const) {
  test(`a worker that ${how} mid-run: non-zero exit and the previous results kept; --keep-going records the reason`, async (t) => {
    const root = toyProject(params('ok'));
    t.is((await repro(root, ['run', 'toy', '--jobs', '1'])).exitCode, 0);
    const before = readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8');
    writeFileSync(path.join(root, 'params.yaml'), params(mode));
    const r = await repro(root, ['run', 'toy', '--jobs', '2']);
    t.is(r.exitCode, 1, r.all);
    t.regex(r.stderr, new RegExp(`the worker process of run \\d/3 ${how}`));
    t.regex(r.stderr, /previous results kept/);
    t.notRegex(r.all, STACK);
    t.is(readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8'), before);
    const kept = await repro(root, ['run', 'toy', '--jobs', '2', '--keep-going']);
    t.is(kept.exitCode, 0, kept.all);
    const v = JSON.parse(readFileSync(path.join(root, 'results', 'toy', 'verdicts.json'), 'utf8')) as VerdictsFile;
    t.is(v.claims[0].control?.verdict, 'error');
    t.regex(v.claims[0].control?.evidence.reason ?? '', new RegExp(`the worker process of run \\d/3 ${how}`));
  });
}

test('a fast run with workers prints no IPC error (one stop per worker)', async (t) => {
  const root = toyProject();
  for (let i = 0; i < 3; i++) {
    const r = await repro(root, ['run', 'toy', '--jobs', '3']);
    t.is(r.exitCode, 0, r.all);
    t.notRegex(r.all, /ERR_IPC|Error \[|\n\s+at /);
  }
});
